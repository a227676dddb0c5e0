import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, at, book, giveWeekdayHours, moveClock, signedInPatients } from '../appointments/test-support.ts';
import { startConsultationsWorld, type World } from './test-support.ts';

const walkIn = (w: World, as: Caller | null, body: Record<string, unknown>) =>
  call(w.t.app, { method: 'POST', url: '/api/appointments', as, body: { walkIn: true, reason: 'Walked in with chest pain', ...body } });

describe.each(dialectsUnderTest())('walk-ins on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await startConsultationsWorld(dialect);
  });
  afterAll(async () => {
    await w.t.close();
  });

  it('the front desk registers a walk-in: confirmed, starting now to the minute, for the doctor\'s slot length, outside the slot grid', async () => {
    const doctor = await createDoctor(w.t, { slotMinutes: 20 });
    const patient = await registerPatient(w.t.app);
    await moveClock(w.t, at(MONDAY, '10:07').replace(':00.000Z', ':42.517Z'));
    const response = await walkIn(w, w.desk, { doctorId: doctor.doctorId, patientId: patient.patientId });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ status: 'confirmed', start: at(MONDAY, '10:07'), end: at(MONDAY, '10:27'), consultation: null });
    expect(response.json.history).toEqual([expect.objectContaining({ from: null, to: 'confirmed', note: 'Walk-in', actorRole: 'receptionist' })]);
    const audit = await w.t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', response.json.id).executeTakeFirstOrThrow();
    expect(audit.action).toBe('appointment.book');
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ walkIn: true, status: 'confirmed' });
    const byAdmin = await walkIn(w, w.admin, { doctorId: (await createDoctor(w.t)).doctorId, patientId: patient.patientId });
    expect(byAdmin.status).toBe(409);
    expect(byAdmin.json.code).toBe('PATIENT_OVERLAP');
  });

  it('only receptionists and admins: a patient 403, a doctor 403; start with walkIn, or no patientId, answers 400', async () => {
    const doctor = await createDoctor(w.t);
    const patient = await registerPatient(w.t.app);
    expect((await walkIn(w, patient, { doctorId: doctor.doctorId, patientId: patient.patientId })).status).toBe(403);
    expect((await walkIn(w, doctor, { doctorId: doctor.doctorId, patientId: patient.patientId })).status).toBe(403);
    expect((await walkIn(w, null, { doctorId: doctor.doctorId, patientId: patient.patientId })).status).toBe(401);
    const withStart = await walkIn(w, w.desk, { doctorId: doctor.doctorId, patientId: patient.patientId, start: at(MONDAY, '12:00') });
    expect(withStart.json.errors).toEqual([expect.objectContaining({ path: '/start' })]);
    expect((await walkIn(w, w.desk, { doctorId: doctor.doctorId })).json.errors).toEqual([expect.objectContaining({ path: '/patientId' })]);
    const noStart = await call(w.t.app, { method: 'POST', url: '/api/appointments', as: w.desk, body: { doctorId: doctor.doctorId, patientId: patient.patientId, reason: 'x' } });
    expect(noStart.json.errors).toEqual([expect.objectContaining({ path: '/start' })]);
    expect((await walkIn(w, w.desk, { doctorId: '0190c0de-0000-7000-8000-000000000000', patientId: patient.patientId })).status).toBe(404);
  });

  it('a walk-in that partly overlaps a booked appointment of the doctor answers 409 SLOT_UNAVAILABLE', async () => {
    await moveClock(w.t, at('2030-03-01', '08:00'));
    const doctor = await createDoctor(w.t, { slotMinutes: 30 });
    await giveWeekdayHours(w.t, doctor.doctorId);
    const booked = await book(w.t, w.desk, { doctorId: doctor.doctorId, patientId: (await registerPatient(w.t.app)).patientId ?? '', start: at(MONDAY, '10:30') });
    expect(booked.status).toBe(201);
    await moveClock(w.t, at(MONDAY, '10:10'));
    const response = await walkIn(w, w.desk, { doctorId: doctor.doctorId, patientId: (await registerPatient(w.t.app)).patientId });
    expect(response.status).toBe(409);
    expect(response.json.code).toBe('SLOT_UNAVAILABLE');
    await moveClock(w.t, at(MONDAY, '11:00'));
    expect((await walkIn(w, w.desk, { doctorId: doctor.doctorId, patientId: (await registerPatient(w.t.app)).patientId })).status).toBe(201);
  });

  it('racing walk-ins and a booking that overlap each other only partly: exactly one wins, the rest 409 SLOT_UNAVAILABLE', async () => {
    await moveClock(w.t, at('2030-03-01', '08:00'));
    const doctor = await createDoctor(w.t, { slotMinutes: 30 });
    await giveWeekdayHours(w.t, doctor.doctorId);
    const patients = await signedInPatients(w.t.deps.db, w.t.clock.now(), 12);
    await moveClock(w.t, at(MONDAY, '10:10'));
    // Walk-ins start 10:10 (to 10:40); the booking takes the 10:30 slot: each overlaps the others only in part or in full.
    const outcomes = await Promise.all(patients.map((patient, index) =>
      index % 3 === 0
        ? book(w.t, w.desk, { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', start: at(MONDAY, '10:30') })
        : walkIn(w, index % 2 === 0 ? w.admin : w.desk, { doctorId: doctor.doctorId, patientId: patient.patientId })));
    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 409 && o.json.code === 'SLOT_UNAVAILABLE')).toHaveLength(patients.length - 1);
    const active = await w.t.deps.db.selectFrom('appointments').select('id').where('doctor_id', '=', doctor.doctorId).where('status', 'in', ['requested', 'confirmed']).execute();
    expect(active).toHaveLength(1);
  });

  it('the staff booking of the 10:30 slot alone is bookable (the race above is decided by the overlap, not by notice rules)', async () => {
    await moveClock(w.t, at('2030-03-01', '08:00'));
    const doctor = await createDoctor(w.t, { slotMinutes: 30 });
    await giveWeekdayHours(w.t, doctor.doctorId);
    await moveClock(w.t, at(MONDAY, '10:10'));
    const patient = await registerPatient(w.t.app);
    expect((await book(w.t, w.desk, { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', start: at(MONDAY, '10:30') })).status).toBe(201);
  });
});
