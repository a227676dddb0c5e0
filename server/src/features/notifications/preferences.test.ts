import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient } from '../../test/http.ts';
import { daysAhead, insertAppointment, jobsOf, notifyNow } from './notifications.fixtures.ts';

describe.each(dialectsUnderTest())('notification preferences on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every kind with in-app and email on, text messages off', async () => {
    const patient = await registerPatient(t.app);
    const response = await call(t.app, { url: '/api/notifications/preferences', as: patient });
    expect(response.status).toBe(200);
    expect(response.json.smsAvailable).toBe(true);
    const kinds = response.json.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['appointment.requested', 'appointment.confirmed', 'appointment.rejected', 'appointment.cancelled', 'appointment.rescheduled', 'appointment.reminder', 'doctor.deactivated']));
    for (const item of response.json.items) expect(item).toMatchObject({ inApp: true, email: true, sms: false });
  });

  it('changes the listed kinds only, and keeps the choice', async () => {
    const patient = await registerPatient(t.app);
    const put = await call(t.app, {
      method: 'PUT', url: '/api/notifications/preferences', as: patient,
      body: { items: [{ kind: 'appointment.reminder', email: false, sms: true }, { kind: 'appointment.confirmed', email: true, sms: true }] },
    });
    expect(put.status).toBe(200);
    const byKind = (json: { items: { kind: string }[] }) => Object.fromEntries(json.items.map((i) => [i.kind, i]));
    expect(byKind(put.json)['appointment.reminder']).toEqual({ kind: 'appointment.reminder', inApp: true, email: false, sms: true });
    const again = await call(t.app, { url: '/api/notifications/preferences', as: patient });
    expect(byKind(again.json)['appointment.confirmed']).toEqual({ kind: 'appointment.confirmed', inApp: true, email: true, sms: true });
    expect(byKind(again.json)['appointment.cancelled']).toEqual({ kind: 'appointment.cancelled', inApp: true, email: true, sms: false });
  });

  it('refuses text messages to a user without a phone number (400 on the field)', async () => {
    const admin = await loginAdmin(t.app);
    expect((await call(t.app, { url: '/api/notifications/preferences', as: admin })).json.smsAvailable).toBe(false);
    const response = await call(t.app, {
      method: 'PUT', url: '/api/notifications/preferences', as: admin,
      body: { items: [{ kind: 'doctor.deactivated', email: false, sms: false }, { kind: 'appointment.cancelled', email: true, sms: true }] },
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([{ path: '/items/1/sms', message: 'Text messages need a phone number on your profile' }]);
  });

  it('refuses unknown kinds, unknown fields, duplicates and missing CSRF tokens', async () => {
    const patient = await registerPatient(t.app);
    const put = (body: unknown, noCsrf = false) => call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: patient, body, noCsrf });
    expect((await put({ items: [{ kind: 'appointment.party', email: true, sms: false }] })).status).toBe(400);
    expect((await put({ items: [{ kind: 'appointment.confirmed', email: true, sms: false, inApp: false }] })).status).toBe(400);
    expect((await put({ items: [{ kind: 'appointment.confirmed', email: 'yes', sms: false }] })).status).toBe(400);
    const twice = await put({ items: [{ kind: 'appointment.confirmed', email: true, sms: false }, { kind: 'appointment.confirmed', email: false, sms: false }] });
    expect(twice.status).toBe(400);
    expect(twice.json.errors[0].path).toBe('/items/1/kind');
    expect((await put({ items: [] }, true)).status).toBe(403);
    expect((await call(t.app, { url: '/api/notifications/preferences' })).status).toBe(401);
  });

  it('queues email and text jobs as chosen: email off → no email job; text on → a text job to the phone on record', async () => {
    const doctor = await createDoctor(t);
    const patient = await registerPatient(t.app, { phone: '+44 7700 900123' });
    const patientId = patient.patientId ?? '';
    const appointment = await insertAppointment(t, { doctorId: doctor.doctorId, patientId, createdBy: patient.userId, start: daysAhead(t, 3) });
    const notice = { userId: patient.userId, kind: 'appointment.confirmed', title: 'Appointment confirmed', body: 'Confirmed.', appointmentId: appointment.id };

    await notifyNow(t, notice);
    expect((await jobsOf(t, { userId: patient.userId })).map((j) => j.channel)).toEqual(['email']);

    await call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: patient, body: { items: [{ kind: 'appointment.confirmed', email: false, sms: true }] } });
    const second = await notifyNow(t, notice);
    const jobs = (await jobsOf(t, { userId: patient.userId })).filter((j) => j.notification_id === second);
    expect(jobs.map((j) => [j.channel, j.recipient, j.status])).toEqual([['sms', '+44 7700 900123', 'pending']]);

    await call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: patient, body: { items: [{ kind: 'appointment.confirmed', email: false, sms: false }] } });
    const third = await notifyNow(t, notice);
    expect((await jobsOf(t, { userId: patient.userId })).filter((j) => j.notification_id === third)).toEqual([]);
    const inbox = await call(t.app, { url: '/api/notifications', as: patient });
    expect(inbox.json.items).toHaveLength(3);
  });

  it('queues nothing but the in-app notification for a deactivated user', async () => {
    const patient = await registerPatient(t.app);
    await t.deps.db.updateTable('users').set({ active: 0 }).where('id', '=', patient.userId).execute();
    await notifyNow(t, { userId: patient.userId, kind: 'doctor.deactivated', title: 'Gone', body: 'Gone.' });
    expect(await jobsOf(t, { userId: patient.userId })).toEqual([]);
    expect(await t.deps.db.selectFrom('notifications').select('id').where('user_id', '=', patient.userId).execute()).toHaveLength(1);
  });
});
