import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { registerPatient } from '../../test/http.ts';

describe.each(dialectsUnderTest())('the audit log is append-only in the database on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    await registerPatient(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async () => Number((await sql<{ n: number }>`select count(*) as n from audit_log`.execute(t.deps.db)).rows[0]?.n);

  it('refuses a raw SQL UPDATE of an audit row', async () => {
    await expect(sql`update audit_log set outcome = 'failure' where action = 'auth.register'`.execute(t.deps.db)).rejects.toThrow(/AUDIT_LOG_APPEND_ONLY/);
    const rows = await sql<{ outcome: string }>`select outcome from audit_log where action = 'auth.register'`.execute(t.deps.db);
    expect(rows.rows.map((row) => row.outcome)).toEqual(['success']);
  });

  it('refuses a raw SQL DELETE of one row or of all of them', async () => {
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(sql`delete from audit_log where action = 'auth.register'`.execute(t.deps.db)).rejects.toThrow(/AUDIT_LOG_APPEND_ONLY/);
    await expect(sql`delete from audit_log`.execute(t.deps.db)).rejects.toThrow(/AUDIT_LOG_APPEND_ONLY/);
    expect(await count()).toBe(before);
  });

  it('refuses TRUNCATE too, where the dialect has it (PostgreSQL; SQLite has only DELETE)', async () => {
    const before = await count();
    const truncate = dialect === 'sqlite' ? sql`delete from audit_log where 1 = 1` : sql`truncate audit_log`;
    await expect(truncate.execute(t.deps.db)).rejects.toThrow(/AUDIT_LOG_APPEND_ONLY/);
    expect(await count()).toBe(before);
  });

  it('still accepts new rows', async () => {
    const before = await count();
    await registerPatient(t.app);
    expect(await count()).toBeGreaterThan(before);
  });
});
