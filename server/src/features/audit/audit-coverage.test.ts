import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogTable } from '../../db/types.ts';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, TUESDAY, at, book, giveWeekdayHours, startAppointmentsApp } from '../appointments/test-support.ts';

describe.each(dialectsUnderTest())('reads of patient data and refusals are audited on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let doctor: Caller & { doctorId: string };
  let ada: Caller & { password: string };
  let bob: Caller;
  let adaVisit = '';

  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    admin = await loginAdmin(t.app);
    doctor = await createDoctor(t);
    await giveWeekdayHours(t, doctor.doctorId);
    ada = await registerPatient(t.app, { name: 'Ada Lovelace' });
    bob = await registerPatient(t.app, { name: 'Bob Babbage' });
    adaVisit = (await book(t, ada, { doctorId: doctor.doctorId, start: at(MONDAY, '09:00') })).json.id;
    expect((await book(t, ada, { doctorId: doctor.doctorId, start: at(TUESDAY, '09:00') })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  const rowsOf = async (action: string, actorId: string): Promise<AuditLogTable[]> =>
    t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('actor_id', '=', actorId).orderBy('seq').execute();
  const detailsOf = (row: AuditLogTable | undefined) => JSON.parse(row?.details ?? 'null') as Record<string, unknown>;
  /** The rows a request added, of one action. */
  async function added(action: string, actorId: string, request: () => Promise<unknown>) {
    const before = (await rowsOf(action, actorId)).length;
    await request();
    return (await rowsOf(action, actorId)).slice(before);
  }

  it('reading one appointment writes appointment.read with the appointment and its patient', async () => {
    const rows = await added('appointment.read', doctor.userId, async () => {
      expect((await call(t.app, { url: `/api/appointments/${adaVisit}`, as: doctor })).status).toBe(200);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_role: 'doctor', entity_type: 'appointment', entity_id: adaVisit, outcome: 'success' });
    expect(detailsOf(rows[0])).toEqual({ patientId: ada.patientId });
  });

  it('an appointment list writes one row per request, not one per appointment, with its filters and count', async () => {
    const rows = await added('appointment.list', ada.userId, async () => {
      const response = await call(t.app, { url: '/api/appointments?status=requested&limit=10', as: ada });
      expect(response.json.items).toHaveLength(2);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_role: 'patient', entity_type: 'appointment', outcome: 'success' });
    expect(detailsOf(rows[0])).toEqual({ count: 2, filter: { status: ['requested'], order: 'asc' }, page: 'first' });
  });

  it('the admin overview, the audit log and its check are reads of their own', async () => {
    const overview = await added('admin.overview.read', admin.userId, async () => {
      expect((await call(t.app, { url: '/api/admin/overview', as: admin })).status).toBe(200);
    });
    expect(overview).toHaveLength(1);
    const reads = await added('audit.read', admin.userId, async () => {
      const response = await call(t.app, { url: '/api/audit?action=appointment.read', as: admin });
      expect(response.json.items.length).toBeGreaterThan(0);
    });
    expect(reads).toHaveLength(1);
    expect(detailsOf(reads[0])).toMatchObject({ filter: { action: 'appointment.read' } });
    const checks = await added('audit.verify', admin.userId, async () => {
      expect((await call(t.app, { url: '/api/audit/verify', as: admin })).json.intact).toBe(true);
    });
    expect(detailsOf(checks[0])).toMatchObject({ intact: true });
  });

  it('each calendar-feed fetch is a read by the feed owner', async () => {
    const created = await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: ada });
    const url = created.json.url as string;
    const rows = await added('calendar_feed.fetch', ada.userId, async () => {
      expect((await call(t.app, { url })).status).toBe(200);
      expect((await call(t.app, { url })).status).toBe(200);
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_role: 'patient', entity_type: 'user', entity_id: ada.userId });
    expect(detailsOf(rows[0])).toEqual({ events: 2 });
  });

  it('a role refusal (403) is recorded as access.denied with the route', async () => {
    const rows = await added('access.denied', bob.userId, async () => {
      expect((await call(t.app, { url: '/api/admin/overview', as: bob })).status).toBe(403);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_role: 'patient', outcome: 'denied', entity_type: 'admin' });
    expect(detailsOf(rows[0])).toEqual({ status: 403, code: 'FORBIDDEN', method: 'GET', route: '/api/admin/overview' });
  });

  it("another patient's appointment (404, not yours) is recorded with the appointment it was about", async () => {
    const rows = await added('access.denied', bob.userId, async () => {
      expect((await call(t.app, { url: `/api/appointments/${adaVisit}`, as: bob })).status).toBe(404);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity_type: 'appointment', entity_id: adaVisit, outcome: 'denied' });
    expect(detailsOf(rows[0])).toMatchObject({ status: 404, code: 'NOT_FOUND', route: '/api/appointments/:id' });
    expect(await rowsOf('appointment.read', bob.userId)).toEqual([]);
  });

  it('a request without its CSRF token is recorded, and changes nothing', async () => {
    const rows = await added('access.denied', ada.userId, async () => {
      const response = await call(t.app, { method: 'POST', url: `/api/appointments/${adaVisit}/cancel`, as: ada, body: {}, noCsrf: true });
      expect(response.json.code).toBe('CSRF_TOKEN_INVALID');
    });
    expect(rows).toHaveLength(1);
    expect(detailsOf(rows[0])).toEqual({ status: 403, code: 'CSRF_TOKEN_INVALID', method: 'POST', route: '/api/appointments/:id/cancel' });
    expect((await call(t.app, { url: `/api/appointments/${adaVisit}`, as: ada })).json.status).toBe('requested');
  });

  it('a failed password check is recorded once, as a failed password change', async () => {
    const change = () => call(t.app, { method: 'POST', url: '/api/auth/password', as: ada, body: { currentPassword: 'not the password at all', newPassword: 'a brand new passphrase 2026' } });
    const denied = await added('access.denied', ada.userId, async () => {
      const rows = await added('auth.password_change', ada.userId, async () => expect((await change()).status).toBe(400));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.outcome).toBe('failure');
      expect(detailsOf(rows[0])).toEqual({ reason: 'wrong current password' });
    });
    expect(denied).toHaveLength(0);
  });

  it('a refusal already audited where it happened (a patient record) is not written twice', async () => {
    const before = (await rowsOf('access.denied', bob.userId)).length;
    expect((await call(t.app, { url: `/api/patients/${ada.patientId}`, as: bob })).status).toBe(404);
    const specific = await t.deps.db.selectFrom('audit_log').selectAll().where('actor_id', '=', bob.userId).where('entity_id', '=', ada.patientId ?? '').execute();
    expect(specific.map((row) => [row.action, row.outcome])).toEqual([['patient.read', 'denied']]);
    expect(await rowsOf('access.denied', bob.userId)).toHaveLength(before);
  });

  it('an anonymous request is not a refusal of anyone', async () => {
    const count = async () => (await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'access.denied').where('actor_id', 'is', null).execute()).length;
    expect((await call(t.app, { url: '/api/admin/overview' })).status).toBe(401);
    expect(await count()).toBe(0);
  });
});
