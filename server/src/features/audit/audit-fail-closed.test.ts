import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, type Caller } from '../../test/http.ts';
import { walkIn } from '../patients/fixtures.ts';

/** Makes every audit row of one action fail to be written, as a full disk or a broken log table would. */
async function breakAuditOf(t: TestApp, action: string): Promise<void> {
  if (t.deps.dialect === 'sqlite') {
    await sql`create trigger audit_broken before insert on audit_log when new.action = ${sql.lit(action)}
      begin select raise(abort, 'the audit log cannot be written'); end`.execute(t.deps.db);
  } else {
    await sql`create function audit_broken() returns trigger language plpgsql as $$
      begin raise exception 'the audit log cannot be written'; end $$`.execute(t.deps.db);
    await sql`create trigger audit_broken before insert on audit_log for each row
      when (new.action = ${sql.lit(action)}) execute function audit_broken()`.execute(t.deps.db);
  }
}

describe.each(dialectsUnderTest())('an action whose audit row cannot be written fails on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
    await breakAuditOf(t, 'patient.create');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 AUDIT_UNAVAILABLE and writes nothing: no patient, no audit row, the chain intact', async () => {
    const before = await call(t.app, { url: '/api/audit/verify', as: admin });
    const response = await call(t.app, { method: 'POST', url: '/api/patients', as: admin, body: walkIn({ name: 'Unrecorded Person' }) });
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json).toMatchObject({ status: 503, code: 'AUDIT_UNAVAILABLE' });
    expect(response.text).not.toContain('cannot be written');
    const patients = await t.deps.db.selectFrom('patients').select('id').where('name', '=', 'Unrecorded Person').execute();
    expect(patients).toEqual([]);
    const rows = await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'patient.create').execute();
    expect(rows).toEqual([]);
    const after = await call(t.app, { url: '/api/audit/verify', as: admin });
    expect(after.json).toMatchObject({ intact: true });
    expect(after.json.checked).toBeGreaterThanOrEqual(before.json.checked);
  });

  it('other actions, whose audit rows can be written, go on working', async () => {
    const response = await call(t.app, { method: 'POST', url: '/api/specializations', as: admin, body: { name: 'Audited Dermatology' } });
    expect(response.status).toBe(201);
  });
});
