import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, TUESDAY, act, at, book, createReceptionist, giveWeekdayHours, startAppointmentsApp } from './test-support.ts';

describe.each(dialectsUnderTest())('reading appointments on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let desk: Caller;
  let doctor: Caller & { doctorId: string };
  let otherDoctor: Caller & { doctorId: string };
  let ada: Caller;
  let bob: Caller;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    admin = await loginAdmin(t.app);
    desk = await createReceptionist(t);
    doctor = await createDoctor(t);
    otherDoctor = await createDoctor(t, { name: 'Dr Alan Turing' });
    for (const d of [doctor, otherDoctor]) await giveWeekdayHours(t, d.doctorId);
    ada = await registerPatient(t.app, { name: 'Ada Lovelace' });
    bob = await registerPatient(t.app, { name: 'Bob Babbage' });
    const bookings: [string, Caller, string, string][] = [
      ['ada1', ada, doctor.doctorId, at(MONDAY, '09:00')],
      ['ada2', ada, doctor.doctorId, at(TUESDAY, '09:00')],
      ['ada3', ada, otherDoctor.doctorId, at(MONDAY, '12:00')],
      ['bob1', bob, doctor.doctorId, at(MONDAY, '10:00')],
      ['bob2', bob, otherDoctor.doctorId, at(TUESDAY, '12:00')],
    ];
    for (const [name, who, doctorId, start] of bookings) {
      const response = await book(t, who, { doctorId, start });
      expect(response.status).toBe(201);
      ids[name] = response.json.id;
    }
    expect((await act(t, doctor, ids['bob1'] ?? '', 'confirm')).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const list = async (as: Caller | null, query = '') => call(t.app, { url: `/api/appointments${query}`, as });
  const idsOf = (response: Awaited<ReturnType<typeof list>>) => (response.json.items as { id: string }[]).map((item) => item.id);

  it('a patient lists only their own appointments, by start time, without the availability flag', async () => {
    const response = await list(ada);
    expect(response.status).toBe(200);
    expect(idsOf(response)).toEqual([ids['ada1'], ids['ada3'], ids['ada2']]);
    expect(response.json.items[0]).not.toHaveProperty('outsideAvailability');
    expect(response.json.items[0]).not.toHaveProperty('history');
    expect(response.json.nextCursor).toBeNull();
  });

  it("a doctor lists only their own; asking for another doctor's or patient's answers an empty page", async () => {
    expect(idsOf(await list(doctor))).toEqual([ids['ada1'], ids['bob1'], ids['ada2']]);
    expect(idsOf(await list(doctor, `?doctorId=${otherDoctor.doctorId}`))).toEqual([]);
    expect(idsOf(await list(ada, `?patientId=${bob.patientId}`))).toEqual([]);
  });

  it('admins and receptionists list everything, with filters by doctor, patient, status and time', async () => {
    expect(idsOf(await list(admin, `?doctorId=${otherDoctor.doctorId}`))).toEqual([ids['ada3'], ids['bob2']]);
    expect(idsOf(await list(desk, `?patientId=${bob.patientId}`))).toEqual([ids['bob1'], ids['bob2']]);
    expect(idsOf(await list(desk, `?patientId=${bob.patientId}&status=confirmed`))).toEqual([ids['bob1']]);
    expect(idsOf(await list(desk, `?patientId=${bob.patientId}&status=confirmed&status=requested`))).toHaveLength(2);
    const tuesday = await list(admin, `?from=${at(TUESDAY, '00:00')}&to=${encodeURIComponent(`${TUESDAY}T23:59:00+00:00`)}`);
    expect(idsOf(tuesday).sort()).toEqual([ids['ada2'], ids['bob2']].sort());
    expect(idsOf(await list(admin, `?doctorId=${doctor.doctorId}&order=desc`))).toEqual([ids['ada2'], ids['bob1'], ids['ada1']]);
    expect((await list(admin, `?doctorId=${doctor.doctorId}`)).json.items[0]).toMatchObject({ outsideAvailability: false, doctorName: 'Dr Grace Hopper', patientName: 'Ada Lovelace' });
  });

  it('pages with a cursor and refuses a bad cursor, limit or filter (400)', async () => {
    const first = await list(admin, '?limit=2');
    expect(first.json.items).toHaveLength(2);
    const second = await list(admin, `?limit=2&cursor=${first.json.nextCursor}`);
    const third = await list(admin, `?limit=2&cursor=${second.json.nextCursor}`);
    expect(third.json.nextCursor).toBeNull();
    const all = [...idsOf(first), ...idsOf(second), ...idsOf(third)];
    expect(new Set(all).size).toBe(5);
    expect(all).toEqual(idsOf(await list(admin)));
    for (const query of ['?cursor=garbage', '?limit=0', '?limit=201', '?status=pending', '?from=monday', '?colour=blue']) {
      expect((await list(admin, query)).status, query).toBe(400);
    }
  });

  it('refuses an anonymous caller (401)', async () => {
    expect((await list(null)).status).toBe(401);
    expect((await call(t.app, { url: `/api/appointments/${ids['ada1']}` })).status).toBe(401);
  });

  it('one appointment comes with its history to the people involved; others get 404', async () => {
    const own = await call(t.app, { url: `/api/appointments/${ids['bob1']}`, as: bob });
    expect(own.status).toBe(200);
    expect(own.json.history).toEqual([
      expect.objectContaining({ from: null, to: 'requested', actorName: 'Bob Babbage' }),
      expect.objectContaining({ from: 'requested', to: 'confirmed', actorName: 'Dr Grace Hopper', actorRole: 'doctor' }),
    ]);
    expect((await call(t.app, { url: `/api/appointments/${ids['bob1']}`, as: doctor })).json.outsideAvailability).toBe(false);
    expect((await call(t.app, { url: `/api/appointments/${ids['bob1']}`, as: desk })).status).toBe(200);
    expect((await call(t.app, { url: `/api/appointments/${ids['bob1']}`, as: ada })).status).toBe(404);
    expect((await call(t.app, { url: `/api/appointments/${ids['bob1']}`, as: otherDoctor })).status).toBe(404);
    expect((await call(t.app, { url: '/api/appointments/01900000-0000-7000-8000-000000000000', as: admin })).status).toBe(404);
  });

  it('staff see when an appointment falls outside the doctor’s hours after they change', async () => {
    await t.deps.db.deleteFrom('availability_intervals').where('doctor_id', '=', otherDoctor.doctorId).where('weekday', '=', 2).execute();
    const response = await call(t.app, { url: `/api/appointments/${ids['bob2']}`, as: admin });
    expect(response.json.outsideAvailability).toBe(true);
    expect((await call(t.app, { url: `/api/appointments/${ids['ada3']}`, as: admin })).json.outsideAvailability).toBe(false);
    expect((await call(t.app, { url: `/api/appointments/${ids['bob2']}`, as: bob })).json).not.toHaveProperty('outsideAvailability');
  });
});
