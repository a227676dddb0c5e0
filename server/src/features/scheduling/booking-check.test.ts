import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { registerPatient, type Caller } from '../../test/http.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { findBookableSlot } from './booking-check.ts';
import { deactivateDoctor, insertAppointment, putAvailability, setRules, weekly } from './scheduling.fixtures.ts';

/** A Monday, 08:00 in London (BST); the plan is Mondays 09:00–12:00, i.e. 08:00–11:00 UTC. */
const NOW = new Date('2026-06-01T07:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe.each(dialectsUnderTest())('the booking check on %s', (dialect) => {
  let t: TestApp;
  let patient: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    patient = await registerPatient(t.app);
  });
  beforeEach(async () => {
    t.clock.set(NOW);
    await setRules(t, { time_zone: 'Europe/London', min_notice_minutes: 120, booking_horizon_days: 14 });
  });
  afterAll(async () => {
    await t.close();
  });

  async function doctorWithPlan() {
    const doctor = await createDoctor(t);
    await putAvailability(t, doctor.doctorId, { slotMinutes: 30, weekly: weekly([1, '09:00', '12:00']) }, doctor);
    return doctor;
  }

  async function check(doctorId: string, start: Date, options?: { ignoreAppointmentId?: string; staff?: boolean }) {
    const settings = await getSettings(t.deps.db);
    return t.deps.db.transaction().execute((trx) => findBookableSlot(trx, doctorId, start, NOW, settings, options));
  }

  it('returns the slot starting exactly at a free slot start, with its end', async () => {
    const doctor = await doctorWithPlan();
    expect(await check(doctor.doctorId, at('2026-06-08T09:30:00Z'))).toEqual({ start: at('2026-06-08T09:30:00Z'), end: at('2026-06-08T10:00:00Z') });
  });

  it('refuses a start off the slot grid, outside the plan, or of an unknown or deactivated doctor', async () => {
    const doctor = await doctorWithPlan();
    expect(await check(doctor.doctorId, at('2026-06-08T09:15:00Z'))).toBeNull();
    expect(await check(doctor.doctorId, at('2026-06-08T11:00:00Z'))).toBeNull();
    expect(await check(doctor.doctorId, at('2026-06-09T09:00:00Z'))).toBeNull();
    expect(await check('01900000-0000-7000-8000-000000000000', at('2026-06-08T09:00:00Z'))).toBeNull();
    await deactivateDoctor(t, doctor.doctorId);
    expect(await check(doctor.doctorId, at('2026-06-08T09:00:00Z'))).toBeNull();
  });

  it('holds patients to the notice and horizon; staff may book inside them, never in the past', async () => {
    const doctor = await doctorWithPlan();
    const soon = at('2026-06-01T08:30:00Z');
    const far = at('2026-06-22T09:00:00Z');
    expect(await check(doctor.doctorId, soon)).toBeNull();
    expect(await check(doctor.doctorId, far)).toBeNull();
    expect(await check(doctor.doctorId, soon, { staff: true })).not.toBeNull();
    expect(await check(doctor.doctorId, far, { staff: true })).not.toBeNull();
    expect(await check(doctor.doctorId, at('2026-05-25T09:00:00Z'), { staff: true })).toBeNull();
  });

  it('refuses a slot held by another appointment, unless it is the one being moved', async () => {
    const doctor = await doctorWithPlan();
    const id = await insertAppointment(t, {
      doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId,
      start: '2026-06-08T09:00:00.000Z', end: '2026-06-08T09:30:00.000Z', status: 'requested',
    });
    expect(await check(doctor.doctorId, at('2026-06-08T09:00:00Z'))).toBeNull();
    expect(await check(doctor.doctorId, at('2026-06-08T09:00:00Z'), { ignoreAppointmentId: id })).not.toBeNull();
  });
});
