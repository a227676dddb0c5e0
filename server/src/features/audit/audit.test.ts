import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient } from '../../test/http.ts';
import { dropAuditGuards } from '../../test/audit-tamper.ts';

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

  it("names each row's actor, and rows without an actor have no name", async () => {
    const patient = await registerPatient(t.app, { name: 'Grace Hopper' });
    await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: 'nobody@example.test', password: 'wrong password indeed' } });
    const admin = await loginAdmin(t.app);
    const registered = await call(t.app, { url: `/api/audit?action=auth.register&actorId=${patient.userId}`, as: admin });
    expect(registered.json.items[0]).toMatchObject({ actorId: patient.userId, actorName: 'Grace Hopper', actorRole: 'patient' });
    const anonymous = await call(t.app, { url: '/api/audit?action=auth.login&outcome=failure', as: admin });
    const unknown = anonymous.json.items.find((item: { actorId: string | null }) => item.actorId === null);
    expect(unknown).toBeDefined();
    expect(unknown).not.toHaveProperty('actorName');
  });

  it('filters by a time range given with any offset, the same instants as in UTC', async () => {
    const admin = await loginAdmin(t.app);
    const [newest] = (await call(t.app, { url: '/api/audit?limit=1', as: admin })).json.items;
    const at = new Date(newest.at);
    const plusTwo = (date: Date) => `${new Date(date.getTime() + 2 * 3_600_000).toISOString().slice(0, 23)}+02:00`;
    const from = encodeURIComponent(plusTwo(at));
    const to = encodeURIComponent(plusTwo(new Date(at.getTime() + 1)));
    const inRange = await call(t.app, { url: `/api/audit?from=${from}&to=${to}`, as: admin });
    expect(inRange.status).toBe(200);
    expect(inRange.json.items.map((item: { id: string }) => item.id)).toContain(newest.id);
    expect(inRange.json.items.every((item: { at: string }) => item.at === newest.at)).toBe(true);
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

    await dropAuditGuards(t.deps);
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
