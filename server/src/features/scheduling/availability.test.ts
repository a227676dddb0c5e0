import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { createReceptionist, deactivateDoctor, insertAppointment, putAvailability, weekly } from './scheduling.fixtures.ts';

const UNKNOWN_DOCTOR = '01900000-0000-7000-8000-000000000000';

describe.each(dialectsUnderTest())('doctor availability on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const plan = { slotMinutes: 20, weekly: weekly([3, '13:00', '17:00'], [1, '09:00', '12:00'], [1, '12:30', '24:00']) };

  it('a new doctor has no plan and 30-minute slots; anyone may read it', async () => {
    const doctor = await createDoctor(t);
    const response = await call(t.app, { url: `/api/doctors/${doctor.doctorId}/availability` });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ slotMinutes: 30, weekly: [] });
  });

  it('a doctor replaces their own plan (200), read back by weekday and start, and audited', async () => {
    const doctor = await createDoctor(t);
    const response = await putAvailability(t, doctor.doctorId, plan, doctor);
    expect(response.status).toBe(200);
    const expected = { slotMinutes: 20, weekly: weekly([1, '09:00', '12:00'], [1, '12:30', '24:00'], [3, '13:00', '17:00']) };
    expect(response.json).toEqual(expected);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}/availability`, as: doctor })).json).toEqual(expected);
    const audit = await call(t.app, { url: `/api/audit?action=availability.update&entityId=${doctor.doctorId}`, as: admin });
    expect(audit.json.items).toHaveLength(1);
    expect(audit.json.items[0]).toMatchObject({ actorId: doctor.userId, details: { before: { slotMinutes: 30, weekly: [] }, after: expected } });
  });

  it('a second replacement drops the old intervals entirely', async () => {
    const doctor = await createDoctor(t);
    await putAvailability(t, doctor.doctorId, plan, doctor);
    const response = await putAvailability(t, doctor.doctorId, { slotMinutes: 30, weekly: weekly([5, '08:00', '10:00']) }, doctor);
    expect(response.json).toEqual({ slotMinutes: 30, weekly: weekly([5, '08:00', '10:00']) });
  });

  it('an administrator edits any doctor', async () => {
    const doctor = await createDoctor(t);
    expect((await putAvailability(t, doctor.doctorId, plan, admin)).status).toBe(200);
  });

  it("a doctor cannot change another doctor's plan (404), a patient or receptionist may never (403), nobody anonymously (401)", async () => {
    const doctor = await createDoctor(t);
    const other = await createDoctor(t);
    const changed = await putAvailability(t, doctor.doctorId, plan, other);
    expect(changed.status).toBe(404);
    expect(changed.json.code).toBe('NOT_FOUND');
    expect((await putAvailability(t, doctor.doctorId, plan, await registerPatient(t.app))).status).toBe(403);
    expect((await putAvailability(t, doctor.doctorId, plan, await createReceptionist(t))).status).toBe(403);
    expect((await putAvailability(t, doctor.doctorId, plan, null)).status).toBe(401);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}/availability` })).json.weekly).toEqual([]);
  });

  it('answers 404 for an unknown doctor', async () => {
    expect((await call(t.app, { url: `/api/doctors/${UNKNOWN_DOCTOR}/availability` })).status).toBe(404);
    expect((await putAvailability(t, UNKNOWN_DOCTOR, plan, admin)).status).toBe(404);
  });

  it("hides a deactivated doctor's plan from the public, not from staff", async () => {
    const doctor = await createDoctor(t);
    await deactivateDoctor(t, doctor.doctorId);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}/availability` })).status).toBe(404);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}/availability`, as: admin })).status).toBe(200);
  });

  it('refuses overlapping intervals on one weekday, naming the later interval (400)', async () => {
    const doctor = await createDoctor(t);
    const response = await putAvailability(t, doctor.doctorId, { slotMinutes: 30, weekly: weekly([2, '09:00', '17:00'], [3, '09:00', '10:00'], [2, '12:00', '13:00']) }, doctor);
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('VALIDATION_FAILED');
    expect(response.json.errors).toEqual([{ path: '/weekly/2', message: 'Tuesday 12:00–13:00 overlaps Tuesday 09:00–17:00' }]);
    const touching = await putAvailability(t, doctor.doctorId, { slotMinutes: 30, weekly: weekly([2, '09:00', '12:00'], [2, '12:00', '13:00']) }, doctor);
    expect(touching.status).toBe(200);
  });

  it('finds an overlap hidden behind a shorter interval', async () => {
    const doctor = await createDoctor(t);
    const response = await putAvailability(t, doctor.doctorId, { slotMinutes: 30, weekly: weekly([4, '08:00', '18:00'], [4, '09:00', '10:00'], [4, '12:00', '13:00']) }, doctor);
    expect(response.status).toBe(400);
    expect(response.json.errors.map((error: { path: string }) => error.path)).toEqual(['/weekly/1', '/weekly/2']);
  });

  it('refuses an end not after its start, bad times and weekdays, slot lengths out of range and unknown fields (400)', async () => {
    const doctor = await createDoctor(t);
    const bad: [unknown, string][] = [
      [{ slotMinutes: 30, weekly: weekly([1, '10:00', '10:00']) }, '/weekly/0'],
      [{ slotMinutes: 30, weekly: weekly([1, '11:00', '10:00']) }, '/weekly/0'],
      [{ slotMinutes: 30, weekly: weekly([1, '24:00', '24:00']) }, '/weekly/0/start'],
      [{ slotMinutes: 30, weekly: weekly([1, '09:00', '25:00']) }, '/weekly/0/end'],
      [{ slotMinutes: 30, weekly: weekly([1, '9:00', '10:00']) }, '/weekly/0/start'],
      [{ slotMinutes: 30, weekly: weekly([8, '09:00', '10:00']) }, '/weekly/0/weekday'],
      [{ slotMinutes: 30, weekly: weekly([0, '09:00', '10:00']) }, '/weekly/0/weekday'],
      [{ slotMinutes: 9, weekly: [] }, '/slotMinutes'],
      [{ slotMinutes: 121, weekly: [] }, '/slotMinutes'],
      [{ slotMinutes: '30', weekly: [] }, '/slotMinutes'],
      [{ weekly: [] }, '/slotMinutes'],
      [{ slotMinutes: 30, weekly: [], holidays: [] }, '/holidays'],
      [{ slotMinutes: 30, weekly: [{ weekday: 1, start: '09:00', end: '10:00', room: 'A' }] }, '/weekly/0/room'],
    ];
    for (const [body, path] of bad) {
      const response = await putAvailability(t, doctor.doctorId, body, doctor);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.errors[0].path, JSON.stringify(body)).toBe(path);
    }
  });

  it('never touches appointments: one outside the new plan stays as it was', async () => {
    const doctor = await createDoctor(t);
    const patient = await registerPatient(t.app);
    await putAvailability(t, doctor.doctorId, { slotMinutes: 30, weekly: weekly([1, '09:00', '12:00']) }, doctor);
    const start = new Date(t.clock.now().getTime() + 7 * 86_400_000);
    const id = await insertAppointment(t, {
      doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId,
      start: start.toISOString(), end: new Date(start.getTime() + 30 * 60_000).toISOString(), status: 'confirmed',
    });
    expect((await putAvailability(t, doctor.doctorId, { slotMinutes: 45, weekly: [] }, doctor)).status).toBe(200);
    const row = await t.deps.db.selectFrom('appointments').select(['status', 'start_at', 'end_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'confirmed', start_at: start.toISOString(), end_at: new Date(start.getTime() + 30 * 60_000).toISOString() });
  });
});
