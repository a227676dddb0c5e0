import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditKey, auditKeyOf } from '../../db/audit-key.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { verifyAudit } from './audit.service.ts';
import { dropAuditGuards, rewriteSuffix } from '../../test/audit-tamper.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';

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

describe.each(dialectsUnderTest())('the keyed audit chain on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
    for (let i = 0; i < 3; i += 1) await registerPatient(t.app);
    await dropAuditGuards(t.deps);
  });
  afterAll(async () => {
    await t.close();
  });

  // Through the service: a check over HTTP is itself audited, and its row would chain onto the forged rows.
  const verify = async () => verifyAudit(t.deps.db);
  const registrations = async () =>
    (await sql<{ seq: number }>`select seq from audit_log where action = 'auth.register' order by seq`.execute(t.deps.db)).rows.map((row) => Number(row.seq));

  it('starts with an anchor row signed with the key, and every row after it is keyed', async () => {
    const anchor = (await sql<{ seq: number; key_id: string | null; action: string }>`select seq, key_id, action from audit_log order by seq limit 1`.execute(t.deps.db)).rows[0];
    expect(anchor).toMatchObject({ action: 'audit.key_anchor' });
    expect(anchor?.key_id).toMatch(/^[0-9a-f]{16}$/);
    const unkeyed = await sql<{ n: number }>`select count(*) as n from audit_log where key_id is null`.execute(t.deps.db);
    expect(Number(unkeyed.rows[0]?.n)).toBe(0);
    expect((await call(t.app, { url: '/api/audit/verify', as: admin })).json).toMatchObject({ intact: true, brokenAtSeq: null, problem: null });
  });

  it('catches a suffix rewritten with SQL and re-hashed with plain SHA-256, at its first row', async () => {
    const [, second] = await registrations();
    const restore = await rewriteSuffix(t.deps, Number(second));
    expect(await verify()).toMatchObject({ intact: false, brokenAtSeq: second, problem: 'content' });
    await restore();
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('catches the same rewrite passed off as rows from before keyed hashing', async () => {
    const [first] = await registrations();
    const restore = await rewriteSuffix(t.deps, Number(first), { unkeyed: true });
    expect(await verify()).toMatchObject({ intact: false, brokenAtSeq: first, problem: 'unkeyed' });
    await restore();
  });

  it('catches the whole chain rewritten without a key and the anchor cleared', async () => {
    const restore = await rewriteSuffix(t.deps, 1, { unkeyed: true, clearAnchor: true });
    expect(await verify()).toMatchObject({ intact: false, brokenAtSeq: 1, problem: 'anchor' });
    await restore();
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('catches the newest rows removed and the head moved back to the row before them', async () => {
    const last = (await sql<{ seq: number }>`select max(seq) as seq from audit_log`.execute(t.deps.db)).rows[0];
    const lastSeq = Number(last?.seq);
    const before = (await sql<{ hash: string }>`select hash from audit_log where seq = ${lastSeq - 1}`.execute(t.deps.db)).rows[0];
    await sql`delete from audit_log where seq = ${lastSeq}`.execute(t.deps.db);
    await sql`update audit_head set seq = ${lastSeq - 1}, last_hash = ${before?.hash}`.execute(t.deps.db);
    expect(await verify()).toMatchObject({ intact: false, brokenAtSeq: lastSeq, problem: 'head' });
  });

  it('does not verify with any other key: a replacement key cannot vouch for the rows', async () => {
    const report = await verifyAuditChain(t.deps.db, new AuditKey('another-key-entirely-0123456789abcdef'));
    expect(report).toMatchObject({ intact: false, brokenAtSeq: 1, problem: 'unknown_key' });
    expect(auditKeyOf(t.deps.db)?.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
