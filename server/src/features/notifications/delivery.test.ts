import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, registerPatient, type Caller } from '../../test/http.ts';
import {
  changeAppointment, daysAhead, insertAppointment, jobsOf, notifyNow, startSmsApi, startSmtpServer, type FakeSmsApi, type FakeSmtp, type TestAppointment,
} from './notifications.fixtures.ts';
import { createTransports, type Transports } from './transports.ts';
import { runDueJobs } from './worker.ts';

interface Invite {
  method: string;
  uid: string;
  sequence: number;
  summary: string;
  start: string;
  end: string;
  status: string;
}

function inviteOf(mail: ParsedMail): Invite {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error('the email carries no invite');
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('the invite has no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: String(vevent.getFirstPropertyValue('status')),
  };
}

describe.each(dialectsUnderTest())('email and text-message delivery on %s', (dialect) => {
  let t: TestApp;
  let smtp: FakeSmtp;
  let sms: FakeSmsApi;
  let transports: Transports;
  const logged: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sms = await startSmsApi();
    t = await startTestApp(dialect, {
      HMS_SMTP_URL: smtp.url, HMS_MAIL_FROM: 'HMS <noreply@hospital.test>', HMS_PUBLIC_URL: 'https://hms.hospital.test',
      HMS_SMS_PROVIDER: 'http', HMS_SMS_URL: sms.url, HMS_SMS_ACCOUNT: 'AC123', HMS_SMS_TOKEN: 'sms-token', HMS_SMS_FROM: '+15550001111',
    });
    transports = createTransports(t.deps.config, { info: (_f, m) => logged.push(m), warn: (_f, m) => logged.push(m) });
  });
  afterAll(async () => {
    transports.email?.close();
    await t.close();
    await smtp.close();
    await sms.close();
  });

  async function people(): Promise<{ doctor: Caller & { doctorId: string; email: string }; patient: Caller & { email: string } }> {
    return { doctor: await createDoctor(t, { name: 'Dr Grace Hopper' }), patient: await registerPatient(t.app, { name: 'Ada Lovelace', phone: '+44 7700 900456' }) };
  }

  const mailTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));

  async function tell(patient: Caller, a: TestAppointment, kind: string, title: string) {
    await notifyNow(t, { userId: patient.userId, kind, title, body: `${title}. Reason: persistent chest pain`, appointmentId: a.id });
  }

  it('emails the confirmation with a REQUEST invite: recipient, subject, body, summary, times, UID and SEQUENCE', async () => {
    const { doctor, patient } = await people();
    const start = daysAhead(t, 5, 9);
    const a = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId, start, sequence: 1 });
    await tell(patient, a, 'appointment.confirmed', 'Appointment confirmed');
    expect(await runDueJobs(t.deps, transports)).toMatchObject({ sent: 1, failed: 0 });

    const [received, ...more] = mailTo(patient.email);
    expect(more).toEqual([]);
    if (!received) throw new Error('no email arrived');
    const mail = received.mail;
    expect(mail.subject).toBe('Appointment confirmed — HMS General Hospital');
    expect(mail.from?.text).toContain('noreply@hospital.test');
    expect(mail.text).toContain('Hello Ada Lovelace,');
    expect(mail.text).toContain('Your appointment with Dr Grace Hopper on');
    expect(mail.text).toContain('is confirmed.');
    expect(mail.text).toContain('https://hms.hospital.test/');
    expect(mail.text).not.toContain('chest pain');
    expect(mail.html || '').toContain('Your appointment with Dr Grace Hopper');
    expect(inviteOf(mail)).toEqual({
      method: 'REQUEST', uid: `${a.id}@hms`, sequence: 1, summary: 'Appointment with Dr Grace Hopper',
      start: start.toISOString(), end: new Date(start.getTime() + 30 * 60_000).toISOString(), status: 'CONFIRMED',
    });
    const [job] = await jobsOf(t, { userId: patient.userId, channel: 'email' });
    expect(job).toMatchObject({ status: 'sent', attempts: 1, sent_at: t.clock.now().toISOString(), locked_until: null });
    expect(mail.messageId).toBe(`<${job?.id}@hms>`);
  });

  it('a reschedule sends a REQUEST for the new time with a higher SEQUENCE; a cancellation a CANCEL with the same UID', async () => {
    const { doctor, patient } = await people();
    const first = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId, start: daysAhead(t, 6, 9), sequence: 1 });
    const newStart = daysAhead(t, 7, 14);
    const moved = await changeAppointment(t, first, { start: newStart });
    await tell(patient, moved, 'appointment.rescheduled', 'Appointment moved');
    const cancelled = await changeAppointment(t, moved, { status: 'cancelled' });
    await tell(patient, cancelled, 'appointment.cancelled', 'Appointment cancelled');
    expect(await runDueJobs(t.deps, transports)).toMatchObject({ sent: 2 });

    const mails = mailTo(patient.email);
    const byTitle = (subject: string) => mails.find((m) => m.mail.subject?.startsWith(subject))?.mail;
    const rescheduled = byTitle('Appointment moved');
    const cancellation = byTitle('Appointment cancelled');
    if (!rescheduled || !cancellation) throw new Error('an email is missing');
    expect(rescheduled.text).toContain('Your appointment with Dr Grace Hopper has moved to');
    expect(inviteOf(rescheduled)).toMatchObject({ method: 'REQUEST', uid: `${first.id}@hms`, sequence: 2, start: newStart.toISOString(), status: 'CONFIRMED' });
    expect(cancellation.text).toContain('was cancelled.');
    expect(inviteOf(cancellation)).toMatchObject({ method: 'CANCEL', uid: `${first.id}@hms`, sequence: 3, status: 'CANCELLED' });
  });

  it("tells the doctor by email with the patient's name in the invite, never the reason", async () => {
    const { doctor, patient } = await people();
    const a = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId, start: daysAhead(t, 8, 11), sequence: 1 });
    await notifyNow(t, { userId: doctor.userId, kind: 'appointment.confirmed', title: 'Appointment confirmed', body: 'Reason: persistent chest pain', appointmentId: a.id });
    await runDueJobs(t.deps, transports);
    const mail = mailTo(doctor.email)[0]?.mail;
    if (!mail) throw new Error('no email arrived');
    expect(mail.text).toContain("Ada Lovelace's appointment on");
    expect(mail.text).not.toContain('chest pain');
    expect(inviteOf(mail).summary).toBe('Appointment with Ada Lovelace');
  });

  it('sends a text message through the Twilio-compatible API: at most 160 characters, no reason', async () => {
    const { doctor, patient } = await people();
    await call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: patient, body: { items: [{ kind: 'appointment.confirmed', email: false, sms: true }] } });
    const a = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId, start: daysAhead(t, 9, 15), sequence: 1 });
    const before = sms.requests.length;
    await tell(patient, a, 'appointment.confirmed', 'Appointment confirmed');
    expect(await runDueJobs(t.deps, transports)).toMatchObject({ sent: 1 });

    const requests = sms.requests.slice(before);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.path).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.authorization).toBe(`Basic ${Buffer.from('AC123:sms-token').toString('base64')}`);
    expect(request?.form.get('To')).toBe('+44 7700 900456');
    expect(request?.form.get('From')).toBe('+15550001111');
    const body = request?.form.get('Body') ?? '';
    expect(body.length).toBeLessThanOrEqual(160);
    expect(body).toMatch(/^HMS General Hospital: Your appointment on \w{3} \d{1,2} \w{3} at \d{2}:\d{2} with Dr Grace Hopper is confirmed\.$/);
    expect(body).not.toContain('chest pain');
    expect(mailTo(patient.email)).toEqual([]);
  });

  it('retries a text message the provider refused, after a back-off', async () => {
    const { doctor, patient } = await people();
    await call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: patient, body: { items: [{ kind: 'appointment.cancelled', email: false, sms: true }] } });
    const a = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId, start: daysAhead(t, 10, 10), status: 'cancelled', sequence: 2 });
    await tell(patient, a, 'appointment.cancelled', 'Appointment cancelled');
    sms.status = 503;
    try {
      expect(await runDueJobs(t.deps, transports)).toMatchObject({ failed: 1, sent: 0 });
    } finally {
      sms.status = 201;
    }
    const [failed] = await jobsOf(t, { userId: patient.userId, channel: 'sms' });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('503') });
    expect(new Date(failed?.next_attempt_at ?? 0).getTime()).toBe(t.clock.now().getTime() + 60_000);
    expect(await runDueJobs(t.deps, transports)).toMatchObject({ sent: 0, failed: 0 });
    t.clock.advance(60_000);
    expect(await runDueJobs(t.deps, transports)).toMatchObject({ sent: 1 });
    expect((await jobsOf(t, { userId: patient.userId, channel: 'sms' }))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('without a mail server, email jobs are skipped (not failed), and that is said once when the transports are made', async () => {
    const quiet: string[] = [];
    const noMail = createTransports({ ...t.deps.config, smtpUrl: null, mailFrom: null }, { info: (_f, m) => quiet.push(m), warn: (_f, m) => quiet.push(m) });
    expect(quiet).toEqual(['HMS_SMTP_URL is not set: email notifications are skipped']);
    expect(logged).not.toContain('HMS_SMTP_URL is not set: email notifications are skipped');
    const { patient } = await people();
    await notifyNow(t, { userId: patient.userId, kind: 'doctor.deactivated', title: 'Doctor unavailable', body: 'Your doctor has left.' });
    expect(await runDueJobs(t.deps, noMail)).toMatchObject({ skipped: 1, failed: 0, dead: 0 });
    expect((await jobsOf(t, { userId: patient.userId }))[0]).toMatchObject({ status: 'skipped', last_error: 'Email is not configured (HMS_SMTP_URL)' });
    expect(quiet).toHaveLength(1);
  });
});
