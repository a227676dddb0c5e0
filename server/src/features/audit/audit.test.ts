import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient } from '../../test/http.ts';

describe.each(dialectsUnderTest())('audit log on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('records sign-in failures and successes, and the admin can filter them', async () => {
    const patient = await registerPatient(t.app);
    await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: 'wrong password indeed' } });
    const admin = await loginAdmin(t.app);
    const failures = await call(t.app, { url: `/api/audit?action=auth.login&outcome=failure&actorId=${patient.userId}`, as: admin });
    expect(failures.status).toBe(200);
    expect(failures.json.items).toHaveLength(1);
    expect(failures.json.items[0]).toMatchObject({ action: 'auth.login', outcome: 'failure', entityType: 'user', entityId: patient.userId });
    const registered = await call(t.app, { url: `/api/audit?action=auth.register&entityId=${patient.patientId}`, as: admin });
    expect(registered.json.items).toHaveLength(1);
  });

  it('pages through the log newest first with a cursor', async () => {
    const admin = await loginAdmin(t.app);
    const first = await call(t.app, { url: '/api/audit?limit=2', as: admin });
    expect(first.json.items).toHaveLength(2);
    expect(first.json.items[0].seq).toBeGreaterThan(first.json.items[1].seq);
    const second = await call(t.app, { url: `/api/audit?limit=2&cursor=${first.json.nextCursor}`, as: admin });
    expect(second.json.items[0].seq).toBeLessThan(first.json.items[1].seq);
    expect((await call(t.app, { url: '/api/audit?cursor=abc', as: admin })).status).toBe(400);
    expect((await call(t.app, { url: '/api/audit?limit=201', as: admin })).status).toBe(400);
  });

  it('verifies an intact chain, and finds an edited row and a removed last row', async () => {
    const admin = await loginAdmin(t.app);
    await registerPatient(t.app);
    const intact = await call(t.app, { url: '/api/audit/verify', as: admin });
    expect(intact.json).toMatchObject({ intact: true, brokenAtSeq: null });
    expect(intact.json.checked).toBeGreaterThan(3);

    const victim = await t.deps.db.selectFrom('audit_log').select(['seq', 'outcome']).where('action', '=', 'auth.register').orderBy('seq').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('audit_log').set({ outcome: 'failure' }).where('seq', '=', victim.seq).execute();
    const edited = await call(t.app, { url: '/api/audit/verify', as: admin });
    expect(edited.json).toMatchObject({ intact: false, brokenAtSeq: Number(victim.seq) });
    await t.deps.db.updateTable('audit_log').set({ outcome: victim.outcome }).where('seq', '=', victim.seq).execute();
    expect((await call(t.app, { url: '/api/audit/verify', as: admin })).json.intact).toBe(true);

    const last = await t.deps.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
    const truncated = await call(t.app, { url: '/api/audit/verify', as: admin });
    expect(truncated.json.intact).toBe(false);
  });
});

describe.each(dialectsUnderTest())('migrations on %s', (dialect) => {
  it('applies every migration once and again is a no-op', async () => {
    const t = await startTestApp(dialect);
    const ran = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(t.deps.db);
    expect(ran.rows.map((row) => row.name)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(t.deps.db)).toEqual([]);
    await t.close();
  });
});
