import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, registerPatient, type Caller } from '../../test/http.ts';
import { deactivateDoctor, insertAppointment, putAvailability, setRules, weekly } from './scheduling.fixtures.ts';
import type { AppointmentStatus } from '#shared/appointments';

/** A Monday, 08:00 in London (BST). */
const NOW = new Date('2026-06-01T07:00:00.000Z');
const MONDAY = weekly([1, '09:00', '12:00']);
const FIRST_MONDAY = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30'].map((time) => `2026-06-01T${time}:00.000Z`);
const NEXT_MONDAY = FIRST_MONDAY.map((start) => start.replace('2026-06-01', '2026-06-08'));

describe.each(dialectsUnderTest())('free slots on %s', (dialect) => {
  let t: TestApp;
  let doctor: Caller & { doctorId: string };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.set(NOW);
    doctor = await createDoctor(t);
    expect((await putAvailability(t, doctor.doctorId, { slotMinutes: 30, weekly: MONDAY }, doctor)).status).toBe(200);
  });
  beforeEach(async () => {
    t.clock.set(NOW);
    await setRules(t, { time_zone: 'Europe/London', min_notice_minutes: 0, booking_horizon_days: 60 });
  });
  afterAll(async () => {
    await t.close();
  });

  const slots = (doctorId: string, from: string, to: string) => call(t.app, { url: `/api/doctors/${doctorId}/slots?from=${from}&to=${to}` });
  const starts = async (doctorId: string, from: string, to: string) => {
    const response = await slots(doctorId, from, to);
    expect(response.status).toBe(200);
    return response.json.slots.map((slot: { start: string }) => slot.start);
  };

  it('lists the plan as slots in the hospital zone, publicly, with the zone', async () => {
    const response = await slots(doctor.doctorId, '2026-06-01', '2026-06-08');
    expect(response.status).toBe(200);
    expect(response.json.timeZone).toBe('Europe/London');
    expect(response.json.slots.map((slot: { start: string }) => slot.start)).toEqual([...FIRST_MONDAY, ...NEXT_MONDAY]);
    expect(response.json.slots[0]).toEqual({ start: '2026-06-01T08:00:00.000Z', end: '2026-06-01T08:30:00.000Z' });
  });

  it('leaves out slots inside the minimum notice and in the past', async () => {
    await setRules(t, { min_notice_minutes: 120 });
    expect(await starts(doctor.doctorId, '2026-06-01', '2026-06-01')).toEqual(FIRST_MONDAY.slice(2));
    t.clock.set(new Date('2026-06-01T10:10:00Z'));
    await setRules(t, { min_notice_minutes: 0 });
    expect(await starts(doctor.doctorId, '2026-06-01', '2026-06-01')).toEqual(['2026-06-01T10:30:00.000Z']);
  });

  it('leaves out slots past the booking horizon', async () => {
    await setRules(t, { booking_horizon_days: 7 });
    expect(await starts(doctor.doctorId, '2026-06-01', '2026-06-08')).toEqual(FIRST_MONDAY);
    await setRules(t, { booking_horizon_days: 8 });
    expect(await starts(doctor.doctorId, '2026-06-01', '2026-06-08')).toEqual([...FIRST_MONDAY, ...NEXT_MONDAY]);
  });

  it('leaves out slots touched by time off', async () => {
    const other = await createDoctor(t);
    await putAvailability(t, other.doctorId, { slotMinutes: 30, weekly: MONDAY }, other);
    const timeOff = { start: '2026-06-08T09:15:00Z', end: '2026-06-08T09:45:00Z' };
    expect((await call(t.app, { method: 'POST', url: `/api/doctors/${other.doctorId}/time-off`, as: other, body: timeOff })).status).toBe(201);
    expect(await starts(other.doctorId, '2026-06-08', '2026-06-08')).toEqual(NEXT_MONDAY.filter((start) => !start.includes('T09:')));
  });

  it('a requested or a confirmed appointment holds its slot; a cancelled one does not', async () => {
    const other = await createDoctor(t);
    await putAvailability(t, other.doctorId, { slotMinutes: 30, weekly: MONDAY }, other);
    const patient = await registerPatient(t.app);
    const book = (start: string, status: AppointmentStatus) => insertAppointment(t, {
      doctorId: other.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId,
      start, end: new Date(Date.parse(start) + 30 * 60_000).toISOString(), status,
    });
    const [first, second, , , fifth] = NEXT_MONDAY;
    await book(first ?? '', 'requested');
    await book(second ?? '', 'confirmed');
    await book(fifth ?? '', 'cancelled');
    expect(await starts(other.doctorId, '2026-06-08', '2026-06-08')).toEqual(NEXT_MONDAY.slice(2));
  });

  it('follows the DST change: no slot in the skipped hour of 2026-03-29', async () => {
    t.clock.set(new Date('2026-03-01T00:00:00Z'));
    const other = await createDoctor(t);
    await putAvailability(t, other.doctorId, { slotMinutes: 30, weekly: weekly([7, '00:00', '04:00']) }, other);
    expect(await starts(other.doctorId, '2026-03-29', '2026-03-29')).toEqual([
      '2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z',
      '2026-03-29T02:00:00.000Z', '2026-03-29T02:30:00.000Z',
    ]);
  });

  it('answers an empty list for a doctor without a plan', async () => {
    const other = await createDoctor(t);
    expect(await starts(other.doctorId, '2026-06-01', '2026-06-30')).toEqual([]);
  });

  it('accepts up to 62 days and refuses more, an end before the start, and bad dates (400)', async () => {
    expect((await slots(doctor.doctorId, '2026-06-01', '2026-08-02')).status).toBe(200);
    const tooLong = await slots(doctor.doctorId, '2026-06-01', '2026-08-03');
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.errors[0].path).toBe('/to');
    const backwards = await slots(doctor.doctorId, '2026-06-02', '2026-06-01');
    expect(backwards.status).toBe(400);
    expect(backwards.json.errors[0].path).toBe('/to');
    expect((await slots(doctor.doctorId, '2026-02-30', '2026-03-01')).status).toBe(400);
    expect((await slots(doctor.doctorId, '2026-06-01T00:00:00Z', '2026-06-02')).status).toBe(400);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}/slots?from=2026-06-01` })).status).toBe(400);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}/slots?from=2026-06-01&to=2026-06-02&limit=5` })).status).toBe(400);
  });

  it('answers 404 for an unknown or deactivated doctor', async () => {
    expect((await slots('01900000-0000-7000-8000-000000000000', '2026-06-01', '2026-06-02')).status).toBe(404);
    const other = await createDoctor(t);
    await putAvailability(t, other.doctorId, { slotMinutes: 30, weekly: MONDAY }, other);
    await deactivateDoctor(t, other.doctorId);
    const response = await slots(other.doctorId, '2026-06-01', '2026-06-02');
    expect(response.status).toBe(404);
    expect(response.json.code).toBe('NOT_FOUND');
  });
});
