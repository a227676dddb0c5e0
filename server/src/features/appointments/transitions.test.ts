import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, NOW, TUESDAY, act, at, book, changeSettings, createReceptionist, giveWeekdayHours, historyOf, moveClock, notificationsOf, startAppointmentsApp } from './test-support.ts';

describe.each(dialectsUnderTest())('appointment transitions on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let desk: Caller;

  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    admin = await loginAdmin(t.app);
    desk = await createReceptionist(t);
  });
  afterEach(() => {
    t.clock.set(NOW);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A doctor with weekday hours, a patient, and the patient's request for `start`. */
  async function requested(start = at(MONDAY, '10:00')) {
    const doctor = await createDoctor(t);
    await giveWeekdayHours(t, doctor.doctorId);
    const patient = await registerPatient(t.app);
    const response = await book(t, patient, { doctorId: doctor.doctorId, start });
    expect(response.status).toBe(201);
    return { doctor, patient, id: response.json.id as string };
  }

  async function confirmed(start = at(MONDAY, '10:00')) {
    const setup = await requested(start);
    expect((await act(t, setup.doctor, setup.id, 'confirm')).status).toBe(200);
    return setup;
  }

  it('book → confirm → reschedule by the patient (back to requested) → confirm → cancel, each with its history row', async () => {
    const { doctor, patient, id } = await requested(at(MONDAY, '10:00'));
    const asPatient = await call(t.app, { url: `/api/appointments?patientId=${patient.patientId}`, as: patient });
    expect(asPatient.json.items[0]).toMatchObject({ allowedActions: ['cancel', 'reschedule'], changeDeadline: at('2030-03-03', '10:00') });
    const asDesk = await call(t.app, { url: `/api/appointments/${id}`, as: desk });
    expect(asDesk.json).toMatchObject({ allowedActions: ['confirm', 'reject', 'cancel', 'reschedule'], changeDeadline: null });
    const confirm = await act(t, doctor, id, 'confirm');
    expect(confirm.status).toBe(200);
    expect(confirm.json).toMatchObject({ status: 'confirmed', allowedActions: ['cancel', 'reschedule'], changeDeadline: null });

    const moved = await act(t, patient, id, 'reschedule', { start: at(TUESDAY, '11:00'), reason: 'Work meeting' });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ status: 'requested', start: at(TUESDAY, '11:00'), end: at(TUESDAY, '11:30') });

    expect((await act(t, desk, id, 'confirm', { note: 'See you then' })).json).toMatchObject({ status: 'confirmed', decisionNote: 'See you then' });
    const cancelled = await act(t, patient, id, 'cancel', { reason: 'Feeling better' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'cancelled', decisionNote: 'Feeling better' });

    const detail = await call(t.app, { url: `/api/appointments/${id}`, as: patient });
    expect(detail.json.history).toEqual([
      expect.objectContaining({ from: null, to: 'requested', actorRole: 'patient' }),
      expect.objectContaining({ from: 'requested', to: 'confirmed', actorRole: 'doctor', actorId: doctor.userId }),
      expect.objectContaining({ from: 'confirmed', to: 'requested', actorRole: 'patient', note: 'Work meeting', fromStart: at(MONDAY, '10:00'), toStart: at(TUESDAY, '11:00') }),
      expect.objectContaining({ from: 'requested', to: 'confirmed', actorRole: 'receptionist', note: 'See you then' }),
      expect.objectContaining({ from: 'confirmed', to: 'cancelled', actorRole: 'patient', note: 'Feeling better' }),
    ]);
    const row = await t.deps.db.selectFrom('appointments').select(['sequence', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number(row.sequence)).toBe(4);
    expect((await historyOf(t, id)).map((h) => h.to_status)).toEqual(['requested', 'confirmed', 'requested', 'confirmed', 'cancelled']);

    const toPatient = (await notificationsOf(t, patient.userId)).map((n) => n.kind);
    expect(toPatient).toEqual(['appointment.confirmed', 'appointment.confirmed']);
    const toDoctor = (await notificationsOf(t, doctor.userId)).map((n) => n.kind);
    expect(toDoctor).toEqual(['appointment.requested', 'appointment.rescheduled', 'appointment.confirmed', 'appointment.cancelled']);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['appointment.book', 'appointment.confirm', 'appointment.reschedule', 'appointment.confirm', 'appointment.cancel']);
  });

  it('confirm: the doctor, admin and receptionist may; the patient may not (403); another doctor gets 404', async () => {
    for (const who of ['doctor', 'admin', 'desk'] as const) {
      const { doctor, id } = await requested(at(MONDAY, '09:00'));
      const actor = who === 'doctor' ? doctor : who === 'admin' ? admin : desk;
      expect((await act(t, actor, id, 'confirm')).status).toBe(200);
    }
    const { patient, id } = await requested();
    expect((await act(t, patient, id, 'confirm')).status).toBe(403);
    expect((await act(t, await createDoctor(t), id, 'confirm')).status).toBe(404);
    expect((await act(t, null, id, 'confirm')).status).toBe(401);
    expect((await act(t, admin, '01900000-0000-7000-8000-000000000000', 'confirm')).status).toBe(404);
  });

  it('confirm twice answers 409 INVALID_TRANSITION naming the status', async () => {
    const { doctor, id } = await confirmed();
    const again = await act(t, doctor, id, 'confirm');
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'INVALID_TRANSITION', detail: expect.stringContaining('confirmed') });
  });

  it('reject needs a reason (400), records it and tells the patient; a rejected request cannot be confirmed', async () => {
    const { doctor, patient, id } = await requested();
    expect((await act(t, doctor, id, 'reject')).status).toBe(400);
    expect((await act(t, doctor, id, 'reject', {})).status).toBe(400);
    expect((await act(t, doctor, id, 'reject', { reason: '  ' })).status).toBe(400);
    expect((await act(t, patient, id, 'reject', { reason: 'no' })).status).toBe(403);
    const rejected = await act(t, doctor, id, 'reject', { reason: 'Not my specialty' });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ status: 'rejected', decisionNote: 'Not my specialty' });
    const [notice] = await notificationsOf(t, patient.userId);
    expect(notice).toMatchObject({ kind: 'appointment.rejected', body: expect.stringContaining('Not my specialty') });
    expect((await act(t, doctor, id, 'confirm')).json.code).toBe('INVALID_TRANSITION');
  });

  it('cancel: the patient outside the notice window, staff at any time, without a body; others 404', async () => {
    const first = await confirmed();
    expect((await act(t, await registerPatient(t.app), first.id, 'cancel')).status).toBe(404);
    const byPatient = await act(t, first.patient, first.id, 'cancel');
    expect(byPatient.status).toBe(200);
    expect(byPatient.json.status).toBe('cancelled');
    expect(byPatient.json.decisionNote).toBeUndefined();
    expect((await act(t, first.patient, first.id, 'cancel')).json.code).toBe('INVALID_TRANSITION');

    const second = await confirmed();
    const byDoctor = await act(t, second.doctor, second.id, 'cancel', { reason: 'Called away' });
    expect(byDoctor.status).toBe(200);
    const [notice] = (await notificationsOf(t, second.patient.userId)).filter((n) => n.kind === 'appointment.cancelled');
    expect(notice?.body).toMatch(/cancelled by Dr Grace Hopper \(doctor\)\. Reason: Called away/);
  });

  it('TOO_LATE_TO_CHANGE stops the patient inside the notice window, with the deadline; staff still can', async () => {
    const { doctor, patient, id } = await confirmed(at(MONDAY, '10:00'));
    await moveClock(t, at('2030-03-03', '11:00'));
    for (const [action, body] of [['cancel', {}], ['reschedule', { start: at(TUESDAY, '10:00') }]] as const) {
      const late = await act(t, patient, id, action, body);
      expect(late.status).toBe(409);
      expect(late.json.code).toBe('TOO_LATE_TO_CHANGE');
      expect(late.json.detail).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(late.json.detail).toContain('Sun, 3 Mar 2030, 10:00 (UTC)');
    }
    const seen = await call(t.app, { url: `/api/appointments/${id}`, as: patient });
    expect(seen.json).toMatchObject({ allowedActions: [], changeDeadline: at('2030-03-03', '10:00') });
    const staffView = await call(t.app, { url: `/api/appointments/${id}`, as: doctor });
    expect(staffView.json).toMatchObject({ allowedActions: ['cancel', 'reschedule'], changeDeadline: null });
    const moved = await act(t, doctor, id, 'reschedule', { start: at(TUESDAY, '10:00') });
    expect(moved.status).toBe(200);
    expect(moved.json.status).toBe('confirmed');
    expect((await act(t, desk, id, 'cancel', { reason: 'Clinic closed' })).status).toBe(200);
  });

  it('reschedule by staff keeps the status, checks the new slot (409 SLOT_UNAVAILABLE) and the patient (409 PATIENT_OVERLAP)', async () => {
    const { doctor, patient, id } = await requested(at(MONDAY, '13:00'));
    const other = await registerPatient(t.app);
    expect((await book(t, other, { doctorId: doctor.doctorId, start: at(MONDAY, '14:00') })).status).toBe(201);
    const taken = await act(t, desk, id, 'reschedule', { start: at(MONDAY, '14:00') });
    expect(taken.status).toBe(409);
    expect(taken.json.code).toBe('SLOT_UNAVAILABLE');
    expect((await act(t, desk, id, 'reschedule', { start: at(MONDAY, '13:10') })).json.code).toBe('SLOT_UNAVAILABLE');
    expect((await act(t, desk, id, 'reschedule', { start: at(MONDAY, '13:00') })).status).toBe(400);
    expect((await act(t, desk, id, 'reschedule', {})).status).toBe(400);

    const kept = await act(t, desk, id, 'reschedule', { start: at(MONDAY, '13:30') });
    expect(kept.status).toBe(200);
    expect(kept.json.status).toBe('requested');
    expect(kept.json.history.at(-1)).toMatchObject({ from: 'requested', to: 'requested', fromStart: at(MONDAY, '13:00'), toStart: at(MONDAY, '13:30') });
    const toPatient = (await notificationsOf(t, patient.userId)).map((n) => n.kind);
    expect(toPatient).toEqual(['appointment.rescheduled']);

    const elsewhere = await createDoctor(t);
    await giveWeekdayHours(t, elsewhere.doctorId);
    expect((await book(t, desk, { doctorId: elsewhere.doctorId, start: at(TUESDAY, '09:00'), patientId: patient.patientId ?? '' })).status).toBe(201);
    const clash = await act(t, doctor, id, 'reschedule', { start: at(TUESDAY, '09:00') });
    expect(clash.status).toBe(409);
    expect(clash.json.code).toBe('PATIENT_OVERLAP');
  });

  it('a staff reschedule of a confirmed appointment stays confirmed and may move within its own time', async () => {
    const { doctor, id } = await confirmed(at(MONDAY, '15:00'));
    const moved = await act(t, doctor, id, 'reschedule', { start: at(MONDAY, '15:30') });
    expect(moved.json.status).toBe('confirmed');
    const back = await act(t, admin, id, 'reschedule', { start: at(MONDAY, '15:00') });
    expect(back.status).toBe(200);
  });

  it('complete and no-show: only after the start (409 saying why), by the doctor or an admin', async () => {
    // Completion itself is under test here; signing a consultation completes a visit too (consultations/drafting.test.ts).
    await changeSettings(t, { require_signed_consultation: 0 });
    const { doctor, patient, id } = await confirmed(at(MONDAY, '09:00'));
    const early = await act(t, doctor, id, 'complete');
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'INVALID_TRANSITION', detail: expect.stringMatching(/before it starts/) });
    await moveClock(t, at(MONDAY, '09:20'));
    expect((await act(t, desk, id, 'complete')).status).toBe(403);
    expect((await act(t, patient, id, 'no-show')).status).toBe(403);
    const done = await act(t, doctor, id, 'complete', { note: 'Prescribed rest' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'completed', decisionNote: 'Prescribed rest' });
    expect((await act(t, doctor, id, 'no-show')).json.code).toBe('INVALID_TRANSITION');

    t.clock.set(NOW);
    const second = await confirmed(at(MONDAY, '11:00'));
    await moveClock(t, at(MONDAY, '11:05'));
    const absent = await act(t, admin, second.id, 'no-show');
    expect(absent.status).toBe(200);
    expect(absent.json.status).toBe('no_show');
    await changeSettings(t, { require_signed_consultation: 1 });
  });

  it('a request cannot be completed, even after its start', async () => {
    const { doctor, id } = await requested(at(MONDAY, '16:00'));
    await moveClock(t, at(MONDAY, '16:10'));
    expect((await act(t, doctor, id, 'complete')).json.code).toBe('INVALID_TRANSITION');
  });
});
