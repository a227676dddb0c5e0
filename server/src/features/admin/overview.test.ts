import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient } from '../../test/http.ts';
import {
  adminUserId, createReceptionist, insertAppointment, insertAvailability, insertDoctor, insertPatient, insertTimeOff, setHospitalTimeZone,
  specializationId,
} from './admin.fixtures.ts';
import type { Overview } from './overview.schemas.ts';
import type { AppointmentStatus } from '#shared/appointments';

const zero = { requested: 0, confirmed: 0, rejected: 0, cancelled: 0, completed: 0, no_show: 0, total: 0 };

describe.each(dialectsUnderTest())('who may read the admin overview on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an administrator, 401 to an anonymous caller and 403 to a patient, a doctor and a receptionist', async () => {
    expect((await call(t.app, { url: '/api/admin/overview', as: await loginAdmin(t.app) })).status).toBe(200);
    expect((await call(t.app, { url: '/api/admin/overview' })).status).toBe(401);
    for (const caller of [await registerPatient(t.app), await createDoctor(t), await createReceptionist(t)]) {
      const response = await call(t.app, { url: '/api/admin/overview', as: caller });
      expect(response.status).toBe(403);
      expect(response.json.code).toBe('FORBIDDEN');
    }
  });

  it('answers zeros and empty lists on a hospital without appointments', async () => {
    const response = await call(t.app, { url: '/api/admin/overview', as: await loginAdmin(t.app) });
    expect(response.json.counts.appointments).toEqual(zero);
    expect(response.json.today.items).toEqual([]);
    expect(response.json.pendingRequests).toEqual({ total: 0, olderThanADay: 0, items: [] });
    expect(response.json.series.perDay).toHaveLength(30);
    expect(response.json.series.perSpecialization).toEqual([]);
    expect(response.json.series.noShowRate).toEqual([]);
  });
});

/**
 * A known week in Europe/London (UTC+1 in July), seen at 2026-07-15T10:00Z (11:00 local, a Wednesday).
 * Dr Ada Heart (cardiology, 30-minute slots, weekdays 09:00–12:00, off on Friday 24th), Dr Ben Skin
 * (dermatology, 60-minute slots, Wednesdays 14:00–16:00), Dr Cy Gone (cardiology, deactivated).
 */
describe.each(dialectsUnderTest())('the admin overview statistics on %s', (dialect) => {
  let t: TestApp;
  let overview: Static<typeof Overview>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.set(new Date('2026-07-15T10:00:00.000Z'));
    await setHospitalTimeZone(t, 'Europe/London');
    const admin = await adminUserId(t);
    const cardiology = await specializationId(t, 'cardiology');
    const dermatology = await specializationId(t, 'dermatology');
    const ada = (await insertDoctor(t, { name: 'Dr Ada Heart', specializationId: cardiology, slotMinutes: 30 })).id;
    const ben = (await insertDoctor(t, { name: 'Dr Ben Skin', specializationId: dermatology, slotMinutes: 60 })).id;
    const cy = (await insertDoctor(t, { name: 'Dr Cy Gone', specializationId: cardiology, active: false })).id;
    Object.assign(ids, { ada, ben, cy });
    const p1 = await insertPatient(t, { name: 'Pat One' });
    const p2 = await insertPatient(t, { name: 'Pat Two' });
    await insertPatient(t, { name: 'Pat Gone', active: false });
    Object.assign(ids, { p1, p2 });

    await insertAvailability(t, ada, [1, 2, 3, 4, 5], 9 * 60, 12 * 60);
    await insertAvailability(t, ben, [3], 14 * 60, 16 * 60);
    await insertTimeOff(t, ada, '2026-07-23T23:00:00.000Z', '2026-07-24T23:00:00.000Z', admin);

    const book = (doctorId: string, patientId: string, start: string, minutes: number, status: AppointmentStatus, createdAt = '2026-07-01T12:00:00.000Z') =>
      insertAppointment(t, { doctorId, patientId, start, minutes, status, createdAt, createdBy: admin });
    ids['todayCancelled'] = await book(ada, p2, '2026-07-14T23:30:00.000Z', 30, 'cancelled');
    ids['todayCompleted'] = await book(ada, p1, '2026-07-15T08:00:00.000Z', 30, 'completed');
    ids['todayNoShow'] = await book(ada, p2, '2026-07-15T09:00:00.000Z', 30, 'no_show');
    ids['todayConfirmed'] = await book(ben, p1, '2026-07-15T13:00:00.000Z', 60, 'confirmed');
    await book(ben, p2, '2026-07-14T22:30:00.000Z', 60, 'completed');
    ids['staleRequest'] = await book(ada, p1, '2026-07-20T08:00:00.000Z', 30, 'requested', '2026-07-13T09:00:00.000Z');
    await book(ben, p2, '2026-07-21T08:00:00.000Z', 60, 'requested', '2026-07-15T09:00:00.000Z');
    await book(ben, p1, '2026-07-22T08:00:00.000Z', 60, 'rejected');
    await book(ada, p2, '2026-07-16T08:30:00.000Z', 60, 'confirmed');
    await book(ada, p2, '2026-06-10T08:00:00.000Z', 30, 'completed');
    await book(ada, p1, '2026-06-16T08:00:00.000Z', 30, 'no_show');
    await book(ben, p1, '2026-06-15T22:30:00.000Z', 60, 'completed');
    await book(cy, p1, '2026-07-01T08:00:00.000Z', 30, 'completed');

    const response = await call(t.app, { url: '/api/admin/overview', as: await loginAdmin(t.app) });
    expect(response.status).toBe(200);
    overview = response.json;
  });
  afterAll(async () => {
    await t.close();
  });

  it('says when and in which zone it was computed', () => {
    expect(overview.generatedAt).toBe('2026-07-15T10:00:00.000Z');
    expect(overview.timeZone).toBe('Europe/London');
  });

  it('counts active patients, active doctors and every appointment by status', () => {
    expect(overview.counts).toEqual({
      patients: 2,
      doctors: 2,
      appointments: { requested: 2, confirmed: 2, rejected: 1, cancelled: 1, completed: 5, no_show: 2, total: 13 },
    });
  });

  it('lists today\'s appointments of the hospital\'s calendar day, by start, with both names', () => {
    expect(overview.today.date).toBe('2026-07-15');
    expect(overview.today.total).toBe(4);
    expect(overview.today.items.map((item) => item.id)).toEqual([
      ids['todayCancelled'], ids['todayCompleted'], ids['todayNoShow'], ids['todayConfirmed'],
    ]);
    expect(overview.today.items[3]).toEqual({
      id: ids['todayConfirmed'], start: '2026-07-15T13:00:00.000Z', end: '2026-07-15T14:00:00.000Z', status: 'confirmed',
      doctorId: ids['ben'], doctorName: 'Dr Ben Skin', patientId: ids['p1'], patientName: 'Pat One',
    });
  });

  it('lists the requests waiting more than a day, and counts all waiting requests', () => {
    expect(overview.pendingRequests).toEqual({
      total: 2,
      olderThanADay: 1,
      items: [{
        id: ids['staleRequest'], start: '2026-07-20T08:00:00.000Z', createdAt: '2026-07-13T09:00:00.000Z',
        doctorId: ids['ada'], doctorName: 'Dr Ada Heart', patientId: ids['p1'], patientName: 'Pat One',
      }],
    });
  });

  it('counts appointments per local day of the last 30 days, by status', () => {
    const perDay = overview.series.perDay;
    expect(overview.series.from).toBe('2026-06-16');
    expect(overview.series.to).toBe('2026-07-15');
    expect(perDay).toHaveLength(30);
    expect(perDay[0]?.date).toBe('2026-06-16');
    expect(perDay[29]?.date).toBe('2026-07-15');
    const busy = Object.fromEntries(perDay.filter((day) => day.total > 0).map(({ date, ...counts }) => [date, counts]));
    expect(busy).toEqual({
      '2026-06-16': { ...zero, no_show: 1, total: 1 },
      '2026-07-01': { ...zero, completed: 1, total: 1 },
      '2026-07-14': { ...zero, completed: 1, total: 1 },
      '2026-07-15': { ...zero, cancelled: 1, completed: 1, no_show: 1, confirmed: 1, total: 4 },
    });
  });

  it('counts the 30 days\' appointments per specialization, busiest first', async () => {
    expect(overview.series.perSpecialization).toEqual([
      { id: await specializationId(t, 'cardiology'), name: 'Cardiology', ...zero, cancelled: 1, completed: 2, no_show: 2, total: 5 },
      { id: await specializationId(t, 'dermatology'), name: 'Dermatology', ...zero, confirmed: 1, completed: 1, total: 2 },
    ]);
  });

  it('gives each doctor\'s no-show rate over the 30 days, highest first', () => {
    expect(overview.series.noShowRate).toEqual([
      { doctorId: ids['ada'], doctorName: 'Dr Ada Heart', completed: 1, noShow: 2, rate: 2 / 3 },
      { doctorId: ids['ben'], doctorName: 'Dr Ben Skin', completed: 1, noShow: 0, rate: 0 },
      { doctorId: ids['cy'], doctorName: 'Dr Cy Gone', completed: 1, noShow: 0, rate: 0 },
    ]);
  });

  it('gives the booked share of each active doctor\'s slots over the next 14 days', () => {
    expect(overview.utilisation).toEqual({
      from: '2026-07-15T10:00:00.000Z',
      to: '2026-07-29T10:00:00.000Z',
      doctors: [
        { doctorId: ids['ada'], doctorName: 'Dr Ada Heart', availableSlots: 54, bookedSlots: 3, rate: 3 / 54 },
        { doctorId: ids['ben'], doctorName: 'Dr Ben Skin', availableSlots: 4, bookedSlots: 1, rate: 0.25 },
      ],
    });
  });
});
