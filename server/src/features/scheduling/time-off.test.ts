import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDoctor, DOCTOR_PASSWORD } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, login, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { createReceptionist } from './scheduling.fixtures.ts';

const NOW = new Date('2026-06-01T07:00:00.000Z');
const UNKNOWN = '01900000-0000-7000-8000-000000000000';

describe.each(dialectsUnderTest())('doctor time off on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
  });
  beforeEach(() => {
    t.clock.set(NOW);
  });
  afterAll(async () => {
    await t.close();
  });

  const url = (doctorId: string) => `/api/doctors/${doctorId}/time-off`;
  const add = (doctorId: string, body: unknown, as: Caller | null) => call(t.app, { method: 'POST', url: url(doctorId), as, body });
  const list = (doctorId: string, as: Caller | null, query = '') => call(t.app, { url: `${url(doctorId)}${query}`, as });
  const remove = (doctorId: string, id: string, as: Caller | null) => call(t.app, { method: 'DELETE', url: `${url(doctorId)}/${id}`, as });
  const leave = { start: '2026-06-10T09:00:00+01:00', end: '2026-06-12T17:00:00+01:00', reason: ' Conference ' };

  it('a doctor adds time off (201), stored in UTC, which they, admins and receptionists then see', async () => {
    const doctor = await createDoctor(t);
    const response = await add(doctor.doctorId, leave, doctor);
    expect(response.status).toBe(201);
    expect(response.json).toEqual({ id: expect.any(String), start: '2026-06-10T08:00:00.000Z', end: '2026-06-12T16:00:00.000Z', reason: 'Conference' });
    for (const caller of [doctor, admin, await createReceptionist(t)]) {
      const listed = await list(doctor.doctorId, caller);
      expect(listed.status).toBe(200);
      expect(listed.json).toEqual([response.json]);
    }
    const audit = await call(t.app, { url: `/api/audit?action=time_off.create&entityId=${response.json.id}`, as: admin });
    expect(audit.json.items).toHaveLength(1);
  });

  it('lists by start, leaving out what has ended unless asked', async () => {
    const doctor = await createDoctor(t);
    const later = await add(doctor.doctorId, { start: '2026-07-01T00:00:00Z', end: '2026-07-02T00:00:00Z' }, doctor);
    const sooner = await add(doctor.doctorId, { start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z' }, doctor);
    expect((await list(doctor.doctorId, doctor)).json.map((item: { id: string }) => item.id)).toEqual([sooner.json.id, later.json.id]);
    expect(Object.keys(sooner.json)).not.toContain('reason');
    t.clock.set(new Date('2026-06-05T00:00:00Z'));
    const again = await login(t.app, doctor.email, DOCTOR_PASSWORD);
    expect((await list(doctor.doctorId, again)).json.map((item: { id: string }) => item.id)).toEqual([later.json.id]);
    expect((await list(doctor.doctorId, again, '?includePast=true')).json).toHaveLength(2);
  });

  it('an administrator adds and removes time off for any doctor', async () => {
    const doctor = await createDoctor(t);
    const created = await add(doctor.doctorId, leave, admin);
    expect(created.status).toBe(201);
    expect((await remove(doctor.doctorId, created.json.id, admin)).status).toBe(204);
    expect((await list(doctor.doctorId, doctor)).json).toEqual([]);
  });

  it('a doctor removes their own (204); a second removal is 404', async () => {
    const doctor = await createDoctor(t);
    const created = await add(doctor.doctorId, leave, doctor);
    expect((await remove(doctor.doctorId, created.json.id, doctor)).status).toBe(204);
    expect((await remove(doctor.doctorId, created.json.id, doctor)).status).toBe(404);
    const audit = await call(t.app, { url: `/api/audit?action=time_off.delete&entityId=${created.json.id}`, as: admin });
    expect(audit.json.items).toHaveLength(1);
  });

  it("a doctor cannot see, add or remove another doctor's time off (404), nor reach it through their own id", async () => {
    const doctor = await createDoctor(t);
    const other = await createDoctor(t);
    const created = await add(doctor.doctorId, leave, doctor);
    expect((await list(doctor.doctorId, other)).status).toBe(404);
    expect((await add(doctor.doctorId, leave, other)).status).toBe(404);
    expect((await remove(doctor.doctorId, created.json.id, other)).status).toBe(404);
    expect((await remove(other.doctorId, created.json.id, other)).status).toBe(404);
    expect((await list(doctor.doctorId, doctor)).json).toHaveLength(1);
  });

  it('keeps patients (403), receptionists from changes (403) and anonymous callers (401) out', async () => {
    const doctor = await createDoctor(t);
    const created = await add(doctor.doctorId, leave, doctor);
    const patient = await registerPatient(t.app);
    expect((await list(doctor.doctorId, patient)).status).toBe(403);
    expect((await add(doctor.doctorId, leave, patient)).status).toBe(403);
    const receptionist = await createReceptionist(t);
    expect((await add(doctor.doctorId, leave, receptionist)).status).toBe(403);
    expect((await remove(doctor.doctorId, created.json.id, receptionist)).status).toBe(403);
    expect((await list(doctor.doctorId, null)).status).toBe(401);
  });

  it('answers 404 for an unknown doctor', async () => {
    expect((await list(UNKNOWN, admin)).status).toBe(404);
    expect((await add(UNKNOWN, leave, admin)).status).toBe(404);
    expect((await remove(UNKNOWN, UNKNOWN, admin)).status).toBe(404);
  });

  it('refuses an end not after the start, an end already past, bad instants and unknown fields (400)', async () => {
    const doctor = await createDoctor(t);
    const bad: [unknown, string][] = [
      [{ start: '2026-06-10T09:00:00Z', end: '2026-06-10T09:00:00Z' }, '/end'],
      [{ start: '2026-06-10T09:00:00Z', end: '2026-06-10T08:00:00Z' }, '/end'],
      [{ start: '2026-05-01T09:00:00Z', end: '2026-06-01T06:00:00Z' }, '/end'],
      [{ start: '2026-06-10', end: '2026-06-11T00:00:00Z' }, '/start'],
      [{ start: '2026-06-10T09:00:00Z' }, '/end'],
      [{ ...leave, reason: 'x'.repeat(501) }, '/reason'],
      [{ ...leave, doctorId: doctor.doctorId }, '/doctorId'],
    ];
    for (const [body, path] of bad) {
      const response = await add(doctor.doctorId, body, doctor);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json.errors[0].path, JSON.stringify(body)).toBe(path);
    }
    const ongoing = await add(doctor.doctorId, { start: '2026-05-01T09:00:00Z', end: '2026-06-01T08:00:00Z' }, doctor);
    expect(ongoing.status).toBe(201);
  });
});
