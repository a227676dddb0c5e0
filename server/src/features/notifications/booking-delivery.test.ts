import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../ids.ts';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, registerPatient } from '../../test/http.ts';
import { jobsOf, memoryTransports } from './notifications.fixtures.ts';
import { runDueJobs } from './worker.ts';

/** Friday 1 March 2030, 08:00 UTC; the appointment is on the Monday after. */
const NOW = new Date('2030-03-01T08:00:00.000Z');
const START = '2030-03-04T10:00:00.000Z';

function inviteOf(content: string | undefined) {
  if (!content) throw new Error('no invite');
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { method: calendar.getFirstPropertyValue('method'), uid: vevent.getFirstPropertyValue('uid'), sequence: vevent.getFirstPropertyValue('sequence') };
}

describe.each(dialectsUnderTest())('deliveries from the booking workflow on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { HMS_SESSION_IDLE_MINUTES: '1440', HMS_SESSION_ABSOLUTE_HOURS: '720' });
    t.clock.set(NOW);
  });
  afterAll(async () => {
    await t.close();
  });

  it('booking, confirming and cancelling through the API queue emails whose invites follow the appointment', async () => {
    const doctor = await createDoctor(t, { name: 'Grace Hopper' });
    const rows = [1, 2, 3, 4, 5].map((weekday) => ({ id: newId(), doctor_id: doctor.doctorId, weekday, start_minute: 9 * 60, end_minute: 17 * 60 }));
    await t.deps.db.insertInto('availability_intervals').values(rows).execute();
    const patient = await registerPatient(t.app);

    const booked = await call(t.app, { method: 'POST', url: '/api/appointments', as: patient, body: { doctorId: doctor.doctorId, start: START, reason: 'Persistent cough' } });
    expect(booked.status).toBe(201);
    const id = booked.json.id as string;
    expect((await call(t.app, { method: 'POST', url: `/api/appointments/${id}/confirm`, as: doctor })).status).toBe(200);
    expect((await call(t.app, { method: 'POST', url: `/api/appointments/${id}/cancel`, as: doctor, body: { reason: 'Clinic closed' } })).status).toBe(200);
    expect((await jobsOf(t, { appointmentId: id })).every((job) => job.status === 'pending')).toBe(true);

    const transports = memoryTransports();
    await runDueJobs(t.deps, transports);
    const toPatient = transports.emails.filter((e) => e.to === patient.email);
    const confirmation = toPatient.find((e) => e.invite?.method === 'REQUEST');
    const cancellation = toPatient.find((e) => e.invite?.method === 'CANCEL');
    const { sequence } = await t.deps.db.selectFrom('appointments').select('sequence').where('id', '=', id).executeTakeFirstOrThrow();
    expect(inviteOf(confirmation?.invite?.content)).toEqual({ method: 'REQUEST', uid: `${id}@hms`, sequence: Number(sequence) - 1 });
    expect(inviteOf(cancellation?.invite?.content)).toEqual({ method: 'CANCEL', uid: `${id}@hms`, sequence: Number(sequence) });
    for (const email of transports.emails) expect(email.text).not.toContain('Persistent cough');
    expect((await jobsOf(t, { appointmentId: id })).every((job) => job.status === 'sent')).toBe(true);
  });
});
