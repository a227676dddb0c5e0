import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient } from '../../test/http.ts';
import { daysAhead, insertAppointment } from './notifications.fixtures.ts';

interface FeedEvent {
  uid: string;
  sequence: number;
  summary: string;
  start: string;
  status: string;
}

function eventsOf(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, sequence: event.sequence, summary: event.summary, start: event.startDate.toJSDate().toISOString(), status: String(vevent.getFirstPropertyValue('status')) };
  });
}

describe.each(dialectsUnderTest())('personal calendar feed on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists the patient's upcoming requested and confirmed appointments, and the doctor's", async () => {
    const doctor = await createDoctor(t, { name: 'Grace Hopper' });
    const patient = await registerPatient(t.app, { name: 'Ada Lovelace' });
    const other = await registerPatient(t.app);
    const base = { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId };
    const confirmed = await insertAppointment(t, { ...base, start: daysAhead(t, 2, 9), sequence: 3, reason: 'Secret symptom' });
    const requested = await insertAppointment(t, { ...base, start: daysAhead(t, 3, 9), status: 'requested', sequence: 0 });
    await insertAppointment(t, { ...base, start: daysAhead(t, 4, 9), status: 'cancelled' });
    await insertAppointment(t, { ...base, start: daysAhead(t, -2, 9), status: 'confirmed' });
    await insertAppointment(t, { doctorId: doctor.doctorId, patientId: other.patientId ?? '', createdBy: other.userId, start: daysAhead(t, 5, 9) });

    const created = await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: patient });
    expect(created.status).toBe(200);
    expect(created.json.url).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await call(t.app, { url: created.json.url });
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.text).not.toContain('Secret symptom');
    expect(eventsOf(feed.text)).toEqual([
      { uid: `${confirmed.id}@hms`, sequence: 3, summary: 'Appointment with Dr Grace Hopper', start: confirmed.start_at, status: 'CONFIRMED' },
      { uid: `${requested.id}@hms`, sequence: 0, summary: 'Appointment with Dr Grace Hopper', start: requested.start_at, status: 'TENTATIVE' },
    ]);

    const doctorFeed = await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: doctor });
    const doctorEvents = eventsOf((await call(t.app, { url: doctorFeed.json.url })).text);
    expect(doctorEvents.map((e) => e.summary)).toEqual(['Appointment with Ada Lovelace', 'Appointment with Ada Lovelace', 'Appointment with Ada Lovelace']);
  });

  it('stores only a hash of the token; a new address replaces the old one; a revoked one answers 404', async () => {
    const patient = await registerPatient(t.app);
    const first = (await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: patient })).json.url as string;
    const token = /calendar\/(.+)\.ics$/.exec(first)?.[1] ?? '';
    const row = await t.deps.db.selectFrom('calendar_feeds').selectAll().where('user_id', '=', patient.userId).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    const second = (await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: patient })).json.url as string;
    expect(second).not.toBe(first);
    expect((await call(t.app, { url: first })).status).toBe(404);
    expect((await call(t.app, { url: second })).status).toBe(200);

    expect((await call(t.app, { method: 'DELETE', url: '/api/calendar-feed', as: patient })).status).toBe(204);
    const revoked = await call(t.app, { url: second });
    expect(revoked.status).toBe(404);
    expect(revoked.json.code).toBe('NOT_FOUND');
    expect((await call(t.app, { method: 'DELETE', url: '/api/calendar-feed', as: patient })).status).toBe(204);
  });

  it("a deactivated user's feed answers 404; made-up tokens too", async () => {
    const patient = await registerPatient(t.app);
    const url = (await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: patient })).json.url as string;
    await t.deps.db.updateTable('users').set({ active: 0 }).where('id', '=', patient.userId).execute();
    expect((await call(t.app, { url })).status).toBe(404);
    expect((await call(t.app, { url: `/api/calendar/${'A'.repeat(43)}.ics` })).status).toBe(404);
    expect((await call(t.app, { url: '/api/calendar/short.ics' })).status).toBe(400);
  });

  it('is for patients and doctors: 401 anonymous, 403 for other roles and without the CSRF token', async () => {
    expect((await call(t.app, { method: 'POST', url: '/api/calendar-feed' })).status).toBe(401);
    const admin = await loginAdmin(t.app);
    expect((await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: admin })).status).toBe(403);
    const patient = await registerPatient(t.app);
    expect((await call(t.app, { method: 'POST', url: '/api/calendar-feed', as: patient, noCsrf: true })).status).toBe(403);
  });
});
