import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../ids.ts';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, login, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { addDoctor, addReceptionist, DOCTOR_OWN_PASSWORD } from './doctors.fixtures.ts';
import type { AppointmentStatus } from '#shared/appointments';

const HOUR = 3_600_000;

describe.each(dialectsUnderTest())('deactivating a doctor on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const deactivate = (id: string, as: Caller | null = admin, query = '') => call(t.app, { method: 'DELETE', url: `/api/doctors/${id}${query}`, as });
  const reactivate = (id: string, as: Caller | null = admin) => call(t.app, { method: 'POST', url: `/api/doctors/${id}/reactivate`, as });
  const reactivations = async (id: string) => (await call(t.app, { url: `/api/audit?action=doctor.reactivate&entityId=${id}`, as: admin })).json.items;

  /** A patient without a login, as reception would register one. */
  async function patientWithoutLogin(): Promise<string> {
    const id = newId();
    const at = t.clock.now().toISOString();
    await t.deps.db.insertInto('patients').values({
      id, user_id: null, name: 'Walk-in Patient', date_of_birth: '1970-01-01', gender: 'male', phone: '+44 20 7946 0300', email: null,
      address: null, emergency_contact_name: null, emergency_contact_phone: null, blood_group: null, active: 1, search_text: 'walk-in patient',
      created_at: at, updated_at: at,
    }).execute();
    return id;
  }

  async function appointment(doctorId: string, patientId: string, startsInHours: number, status: AppointmentStatus): Promise<string> {
    const id = newId();
    const start = new Date(t.clock.now().getTime() + startsInHours * HOUR);
    const created = new Date(t.clock.now().getTime() - 48 * HOUR).toISOString();
    await t.deps.db.insertInto('appointments').values({
      id, doctor_id: doctorId, patient_id: patientId, start_at: start.toISOString(), end_at: new Date(start.getTime() + HOUR / 2).toISOString(),
      status, reason: 'Check-up', decision_note: null, sequence: 0, created_by: admin.userId, created_at: created, updated_at: created,
    }).execute();
    return id;
  }

  const appointmentRow = (id: string) => t.deps.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('cancels future active appointments with history, audit and notifications, and leaves the rest alone', async () => {
    const doctor = await addDoctor(t, admin, { name: 'Dr Hana Sato' });
    const otherDoctor = await createDoctor(t);
    const withLogin = await registerPatient(t.app);
    const walkIn = await patientWithoutLogin();
    const patientId = withLogin.patientId ?? '';
    const requested = await appointment(doctor.id, patientId, 24, 'requested');
    const confirmed = await appointment(doctor.id, walkIn, 48, 'confirmed');
    const inProgress = await appointment(doctor.id, patientId, -0.25, 'confirmed');
    const past = await appointment(doctor.id, walkIn, -72, 'completed');
    const alreadyCancelled = await appointment(doctor.id, patientId, 72, 'cancelled');
    const otherDoctorsOwn = await appointment(otherDoctor.doctorId, patientId, 24, 'confirmed');

    const response = await deactivate(doctor.id, admin, '?reason=Retired%20from%20practice');
    expect(response.status).toBe(204);
    const now = t.clock.now().toISOString();
    const note = 'Doctor no longer available: Retired from practice';

    for (const [id, from] of [[requested, 'requested'], [confirmed, 'confirmed']] as const) {
      expect(await appointmentRow(id)).toMatchObject({ status: 'cancelled', decision_note: note, updated_at: now, sequence: 1 });
      const history = await t.deps.db.selectFrom('appointment_history').selectAll().where('appointment_id', '=', id).execute();
      expect(history).toEqual([expect.objectContaining({ from_status: from, to_status: 'cancelled', actor_id: admin.userId, actor_role: 'admin', note, at: now })]);
      const audit = await call(t.app, { url: `/api/audit?entityType=appointment&entityId=${id}`, as: admin });
      expect(audit.json.items).toEqual([expect.objectContaining({ action: 'appointment.cancel', actorId: admin.userId, details: expect.objectContaining({ before: { status: from }, after: { status: 'cancelled' } }) })]);
    }
    for (const [id, status] of [[inProgress, 'confirmed'], [past, 'completed'], [alreadyCancelled, 'cancelled'], [otherDoctorsOwn, 'confirmed']] as const) {
      expect(await appointmentRow(id)).toMatchObject({ status, decision_note: null, sequence: 0 });
    }

    const notifications = await t.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', withLogin.userId).execute();
    expect(notifications).toEqual([expect.objectContaining({ kind: 'appointment.cancelled', appointment_id: requested, read_at: null, created_at: now })]);
    expect(notifications[0]?.body).toContain('Dr Hana Sato');
    expect(notifications[0]?.body).toContain(note);
    const forWalkIn = await t.deps.db.selectFrom('notifications').select('id').where('appointment_id', '=', confirmed).execute();
    expect(forWalkIn).toEqual([]);

    const audit = await call(t.app, { url: `/api/audit?action=doctor.deactivate&entityId=${doctor.id}`, as: admin });
    expect(audit.json.items).toEqual([expect.objectContaining({
      actorId: admin.userId, details: { before: { active: true }, after: { active: false }, reason: 'Retired from practice', cancelledAppointments: 2 },
    })]);
    expect((await call(t.app, { url: '/api/audit/verify', as: admin })).json.intact).toBe(true);
  });

  it('the doctor disappears from the directory and their login stops working, but is kept for the administrator', async () => {
    const doctor = await addDoctor(t, admin, { name: `Dr Gone ${Date.now()}` });
    expect((await deactivate(doctor.id)).status).toBe(204);
    expect((await call(t.app, { url: '/api/auth/session', as: doctor.caller })).status).toBe(401);
    const signIn = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: doctor.email, password: DOCTOR_OWN_PASSWORD } });
    expect(signIn.status).toBe(401);
    expect(signIn.json.code).toBe('INVALID_CREDENTIALS');
    expect((await call(t.app, { url: `/api/doctors/${doctor.id}` })).status).toBe(404);
    expect((await call(t.app, { url: `/api/doctors?q=${encodeURIComponent('dr gone')}` })).json.items.map((item: { id: string }) => item.id)).not.toContain(doctor.id);
    const kept = await call(t.app, { url: `/api/doctors/${doctor.id}/admin`, as: admin });
    expect(kept.status).toBe(200);
    expect(kept.json.active).toBe(false);
    const user = await t.deps.db.selectFrom('users').select('active').where('id', '=', doctor.userId).executeTakeFirstOrThrow();
    expect(user.active).toBe(0);
  });

  it('without a reason the note still says the doctor is no longer available; a second delete changes nothing', async () => {
    const doctor = await createDoctor(t);
    const patient = await registerPatient(t.app);
    const id = await appointment(doctor.doctorId, patient.patientId ?? '', 30, 'confirmed');
    expect((await deactivate(doctor.doctorId)).status).toBe(204);
    expect((await appointmentRow(id)).decision_note).toBe('Doctor no longer available');
    expect((await deactivate(doctor.doctorId)).status).toBe(204);
    const audit = await call(t.app, { url: `/api/audit?action=doctor.deactivate&entityId=${doctor.doctorId}`, as: admin });
    expect(audit.json.items).toHaveLength(1);
  });

  it('only administrators deactivate (401; 403 patient, receptionist, doctor); unknown doctor 404; overlong reason 400', async () => {
    const doctor = await createDoctor(t);
    const patient = await registerPatient(t.app);
    const receptionist = await addReceptionist(t);
    expect((await deactivate(doctor.doctorId, null)).status).toBe(401);
    for (const caller of [patient, receptionist, doctor]) expect((await deactivate(doctor.doctorId, caller)).status).toBe(403);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}` })).status).toBe(200);
    expect((await deactivate('0190aaaa-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await deactivate(doctor.doctorId, admin, `?reason=${'x'.repeat(301)}`)).status).toBe(400);
    expect((await login(t.app, doctor.email, 'doctor passphrase 2026')).userId).toEqual(doctor.userId);
  });

  it('an administrator reactivates a doctor: back in the directory and signing in with their own password; cancelled appointments stay cancelled', async () => {
    const doctor = await addDoctor(t, admin, { name: `Dr Back ${Date.now()}` });
    const patient = await registerPatient(t.app);
    const cancelled = await appointment(doctor.id, patient.patientId ?? '', 24, 'confirmed');
    expect((await deactivate(doctor.id)).status).toBe(204);
    const reactivated = await reactivate(doctor.id);
    expect(reactivated.status).toBe(200);
    expect(reactivated.json).toMatchObject({ id: doctor.id, active: true });
    expect((await call(t.app, { url: `/api/doctors/${doctor.id}` })).status).toBe(200);
    const directory = await call(t.app, { url: `/api/doctors?q=${encodeURIComponent('dr back')}` });
    expect(directory.json.items.map((item: { id: string }) => item.id)).toContain(doctor.id);
    expect((await call(t.app, { url: `/api/doctors/${doctor.id}/admin`, as: admin })).json.active).toBe(true);
    const signedIn = await login(t.app, doctor.email, DOCTOR_OWN_PASSWORD);
    expect((await call(t.app, { url: `/api/doctors/${doctor.id}/admin`, as: signedIn })).status).toBe(200);
    expect((await appointmentRow(cancelled)).status).toBe('cancelled');
    expect(await reactivations(doctor.id)).toEqual([expect.objectContaining({
      actorId: admin.userId, actorRole: 'admin', outcome: 'success',
      details: { before: { active: false, loginActive: false }, after: { active: true, loginActive: true } },
    })]);
    expect((await call(t.app, { url: '/api/audit/verify', as: admin })).json.intact).toBe(true);
  });

  it('only administrators reactivate (401; 403 patient, receptionist, doctor); unknown doctor 404; an active doctor is left as it is (200)', async () => {
    const doctor = await createDoctor(t);
    const other = await createDoctor(t);
    const patient = await registerPatient(t.app);
    const receptionist = await addReceptionist(t);
    expect((await deactivate(doctor.doctorId)).status).toBe(204);
    expect((await reactivate(doctor.doctorId, null)).status).toBe(401);
    for (const caller of [patient, receptionist, other]) expect((await reactivate(doctor.doctorId, caller)).status).toBe(403);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}` })).status).toBe(404);
    expect((await reactivate('0190aaaa-0000-7000-8000-000000000000')).status).toBe(404);
    const unchanged = await reactivate(other.doctorId);
    expect(unchanged.status).toBe(200);
    expect(unchanged.json.active).toBe(true);
    expect(await reactivations(other.doctorId)).toEqual([]);
    expect(await reactivations(doctor.doctorId)).toEqual([]);
  });

  it('an active doctor whose login alone was switched off gets the login back', async () => {
    const doctor = await createDoctor(t);
    await t.deps.db.updateTable('users').set({ active: 0 }).where('id', '=', doctor.userId).execute();
    expect((await reactivate(doctor.doctorId)).status).toBe(200);
    expect((await login(t.app, doctor.email, 'doctor passphrase 2026')).userId).toBe(doctor.userId);
    expect((await reactivations(doctor.doctorId))[0]?.details).toEqual({ before: { active: true, loginActive: false }, after: { active: true, loginActive: true } });
  });
});
