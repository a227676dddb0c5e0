import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, TUESDAY, at, book, changeSettings, createReceptionist, giveWeekdayHours, historyOf, notificationsOf, startAppointmentsApp } from './test-support.ts';

describe.each(dialectsUnderTest())('booking an appointment on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let desk: Caller;

  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    admin = await loginAdmin(t.app);
    desk = await createReceptionist(t);
  });
  afterAll(async () => {
    await t.close();
  });

  async function doctorWithHours() {
    const doctor = await createDoctor(t);
    await giveWeekdayHours(t, doctor.doctorId);
    return doctor;
  }

  it('a patient books a free slot: 201 requested, with history, an audit row and a notice to the doctor', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app, { name: 'Ada Lovelace' });
    const response = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, '09:30') });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      doctorId: doctor.doctorId, doctorName: 'Dr Grace Hopper', patientId: patient.patientId, patientName: 'Ada Lovelace',
      start: at(MONDAY, '09:30'), end: at(MONDAY, '10:00'), status: 'requested', reason: 'Persistent cough',
      history: [{ from: null, to: 'requested', actorId: patient.userId, actorRole: 'patient' }],
    });
    expect(response.json.outsideAvailability).toBeUndefined();
    const notices = await notificationsOf(t, doctor.userId);
    expect(notices).toEqual([expect.objectContaining({ kind: 'appointment.requested', appointment_id: response.json.id })]);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', response.json.id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'appointment.book', actor_id: patient.userId, outcome: 'success' })]);
  });

  it('accepts a start with an offset and answers it in UTC', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    const response = await book(t, patient, { doctorId: doctor.doctorId, start: `${MONDAY}T11:00:00+01:00`, patientId: patient.patientId ?? '' });
    expect(response.status).toBe(201);
    expect(response.json.start).toBe(at(MONDAY, '10:00'));
  });

  it('the front desk books for a named patient, who is told; staff answers carry the availability flag', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    const response = await book(t, desk, { doctorId: doctor.doctorId, start: at(MONDAY, '10:00'), patientId: patient.patientId ?? '' });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ status: 'requested', patientId: patient.patientId, outsideAvailability: false });
    expect((await notificationsOf(t, patient.userId)).map((n) => n.kind)).toEqual(['appointment.requested']);
    expect((await book(t, admin, { doctorId: doctor.doctorId, start: at(MONDAY, '10:30'), patientId: patient.patientId ?? '' })).status).toBe(201);
  });

  it('confirms at once when the hospital approves automatically', async () => {
    await changeSettings(t, { approval_mode: 'auto' });
    try {
      const doctor = await doctorWithHours();
      const patient = await registerPatient(t.app);
      const response = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, '11:00') });
      expect(response.status).toBe(201);
      expect(response.json.status).toBe('confirmed');
      expect(response.json.history).toEqual([expect.objectContaining({ from: null, to: 'confirmed', note: 'Confirmed automatically' })]);
      expect((await notificationsOf(t, doctor.userId)).map((n) => n.kind)).toEqual(['appointment.booked']);
    } finally {
      await changeSettings(t, { approval_mode: 'manual' });
    }
  });

  it('answers 401 to an anonymous caller and 403 without the CSRF token', async () => {
    const doctor = await doctorWithHours();
    expect((await book(t, null, { doctorId: doctor.doctorId, start: at(MONDAY, '09:00') })).status).toBe(401);
    const patient = await registerPatient(t.app);
    const response = await call(t.app, { method: 'POST', url: '/api/appointments', as: patient, noCsrf: true, body: { doctorId: doctor.doctorId, start: at(MONDAY, '09:00'), reason: 'x' } });
    expect(response.status).toBe(403);
  });

  it('refuses a doctor (403): doctors do not book', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    const response = await book(t, doctor, { doctorId: doctor.doctorId, start: at(MONDAY, '09:00'), patientId: patient.patientId ?? '' });
    expect(response.status).toBe(403);
  });

  it("refuses a patient booking for someone else (403), saying why", async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    const other = await registerPatient(t.app);
    const response = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, '09:00'), patientId: other.patientId ?? '' });
    expect(response.status).toBe(403);
    expect(response.json.detail).toMatch(/books only for themself/);
  });

  it('answers 400 for invalid input', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    const noPatient = await book(t, desk, { doctorId: doctor.doctorId, start: at(MONDAY, '09:00') });
    expect(noPatient.status).toBe(400);
    expect(noPatient.json.errors).toEqual([{ path: '/patientId', message: expect.any(String) }]);
    const cases: [Record<string, unknown>, string][] = [
      [{ doctorId: doctor.doctorId, start: at(MONDAY, '09:00'), reason: '   ' }, '/reason'],
      [{ doctorId: doctor.doctorId, start: at(MONDAY, '09:00'), reason: 'x'.repeat(1001) }, '/reason'],
      [{ doctorId: doctor.doctorId, start: 'next monday', reason: 'x' }, '/start'],
      [{ doctorId: doctor.doctorId, reason: 'x' }, '/start'],
      [{ doctorId: doctor.doctorId, start: at(MONDAY, '09:00'), reason: 'x', urgent: true }, '/urgent'],
    ];
    for (const [body, path] of cases) {
      const response = await call(t.app, { method: 'POST', url: '/api/appointments', as: patient, body });
      expect(response.status).toBe(400);
      expect(response.json.errors[0].path).toBe(path);
    }
    const longKey = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, '09:00') }, { 'idempotency-key': 'k'.repeat(101) });
    expect(longKey.status).toBe(400);
  });

  it('answers 404 for an unknown doctor or patient', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    expect((await book(t, patient, { doctorId: '01900000-0000-7000-8000-000000000000', start: at(MONDAY, '09:00') })).status).toBe(404);
    expect((await book(t, desk, { doctorId: doctor.doctorId, start: at(MONDAY, '09:00'), patientId: 'nobody' })).status).toBe(404);
  });

  it('answers 409 SLOT_UNAVAILABLE for a taken, off-grid, closed, past or too-soon start', async () => {
    const doctor = await doctorWithHours();
    const first = await registerPatient(t.app);
    const second = await registerPatient(t.app);
    expect((await book(t, first, { doctorId: doctor.doctorId, start: at(MONDAY, '14:00') })).status).toBe(201);
    for (const start of [at(MONDAY, '14:00'), at(MONDAY, '14:10'), at(MONDAY, '17:00'), at('2030-03-02', '10:00'), at('2030-02-28', '10:00'), at('2030-03-01', '09:30')]) {
      const response = await book(t, second, { doctorId: doctor.doctorId, start });
      expect(response.status, start).toBe(409);
      expect(response.json.code).toBe('SLOT_UNAVAILABLE');
    }
  });

  it('lets the front desk book inside the minimum notice that stops a patient', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    expect((await book(t, patient, { doctorId: doctor.doctorId, start: at('2030-03-01', '09:00') })).json.code).toBe('SLOT_UNAVAILABLE');
    expect((await book(t, desk, { doctorId: doctor.doctorId, start: at('2030-03-01', '09:00'), patientId: patient.patientId ?? '' })).status).toBe(201);
  });

  it('answers 409 TOO_MANY_OPEN_REQUESTS past the open request limit', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    for (const time of ['09:00', '09:30', '10:00']) expect((await book(t, patient, { doctorId: doctor.doctorId, start: at(TUESDAY, time) })).status).toBe(201);
    const fourth = await book(t, patient, { doctorId: doctor.doctorId, start: at(TUESDAY, '10:30') });
    expect(fourth.status).toBe(409);
    expect(fourth.json.code).toBe('TOO_MANY_OPEN_REQUESTS');
  });

  it('answers 409 PATIENT_OVERLAP when the patient already has an appointment at that time', async () => {
    const one = await doctorWithHours();
    const two = await doctorWithHours();
    const patient = await registerPatient(t.app);
    expect((await book(t, patient, { doctorId: one.doctorId, start: at(MONDAY, '15:00') })).status).toBe(201);
    const clash = await book(t, patient, { doctorId: two.doctorId, start: at(MONDAY, '15:00') });
    expect(clash.status).toBe(409);
    expect(clash.json.code).toBe('PATIENT_OVERLAP');
  });

  it('replays a retry with the same Idempotency-Key and refuses the key with another body', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    const key = { 'idempotency-key': 'booking-attempt-1' };
    const first = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, '16:00') }, key);
    const retry = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, '16:00') }, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    const rows = await t.deps.db.selectFrom('appointments').select('id').where('patient_id', '=', patient.patientId ?? '').execute();
    expect(rows).toHaveLength(1);
    expect(await historyOf(t, first.json.id)).toHaveLength(1);
    const reused = await book(t, patient, { doctorId: doctor.doctorId, start: at(MONDAY, '16:30') }, key);
    expect(reused.status).toBe(409);
    expect(reused.json.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherPatient = await registerPatient(t.app);
    const sameKeyOtherUser = await book(t, otherPatient, { doctorId: doctor.doctorId, start: at(MONDAY, '16:30') }, key);
    expect(sameKeyOtherUser.status).toBe(201);
  });

  it('replays concurrent retries with one key as one booking', async () => {
    const doctor = await doctorWithHours();
    const patient = await registerPatient(t.app);
    const key = { 'idempotency-key': 'double-click' };
    const responses = await Promise.all([1, 2, 3].map(() => book(t, patient, { doctorId: doctor.doctorId, start: at(TUESDAY, '16:00') }, key)));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(responses.map((r) => r.json.id)).size).toBe(1);
  });
});
