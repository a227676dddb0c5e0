import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, registerPatient } from '../../test/http.ts';
import { changeAppointment, insertAppointment, jobsOf, memoryTransports, type TestAppointment } from './notifications.fixtures.ts';
import { parseReminderOffsets, syncReminders } from './reminders.ts';
import { runDueJobs } from './worker.ts';
import type { AppointmentStatus } from '#shared/appointments';

const NOW = new Date('2030-03-01T08:00:00.000Z');
const HOUR = 3600_000;

describe('reminder offsets', () => {
  it('reads the JSON list largest first and falls back to 24 h and 2 h', () => {
    expect(parseReminderOffsets('[120,1440]')).toEqual([1440, 120]);
    expect(parseReminderOffsets('[30, 30]')).toEqual([30]);
    expect(parseReminderOffsets('nonsense')).toEqual([1440, 120]);
    expect(parseReminderOffsets('[-5]')).toEqual([1440, 120]);
  });
});

describe.each(dialectsUnderTest())('appointment reminders on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { HMS_SESSION_IDLE_MINUTES: '1440', HMS_SESSION_ABSOLUTE_HOURS: '720' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function setUp(startIn: number, status: AppointmentStatus = 'confirmed') {
    t.clock.set(NOW);
    const doctor = await createDoctor(t, { name: 'Grace Hopper' });
    const patient = await registerPatient(t.app);
    const appointment = await insertAppointment(t, {
      doctorId: doctor.doctorId, patientId: patient.patientId ?? '', createdBy: patient.userId, start: new Date(NOW.getTime() + startIn), status,
    });
    return { doctor, patient, appointment };
  }

  const sync = (a: TestAppointment) => t.deps.db.transaction().execute((trx) => syncReminders(trx, a, t.clock.now()));
  const reminderJobs = async (a: TestAppointment) => (await jobsOf(t, { appointmentId: a.id, channel: 'reminder' })).filter((j) => j.status === 'pending');
  const dueTimes = async (a: TestAppointment) => (await reminderJobs(a)).map((j) => j.next_attempt_at);
  const reminders = (userId: string) => t.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', 'appointment.reminder').execute();
  const before = (a: TestAppointment, minutes: number) => new Date(new Date(a.start_at).getTime() - minutes * 60_000).toISOString();

  it('a confirmed appointment gets a reminder 24 h and 2 h before; a requested one none; past offsets are skipped', async () => {
    const { appointment } = await setUp(3 * 24 * HOUR);
    await sync(appointment);
    expect(await dueTimes(appointment)).toEqual([before(appointment, 1440), before(appointment, 120)]);

    const soon = await setUp(3 * HOUR);
    await sync(soon.appointment);
    expect(await dueTimes(soon.appointment)).toEqual([before(soon.appointment, 120)]);

    const requested = await setUp(3 * 24 * HOUR, 'requested');
    await sync(requested.appointment);
    expect(await dueTimes(requested.appointment)).toEqual([]);
  });

  it('uses the offsets in the settings', async () => {
    await t.deps.db.updateTable('settings').set({ reminder_offsets_minutes: '[60]' }).where('id', '=', 1).execute();
    try {
      const { appointment } = await setUp(2 * 24 * HOUR);
      await sync(appointment);
      expect(await dueTimes(appointment)).toEqual([before(appointment, 60)]);
    } finally {
      await t.deps.db.updateTable('settings').set({ reminder_offsets_minutes: '[1440,120]' }).where('id', '=', 1).execute();
    }
  });

  it('reschedule moves the reminder and cancel removes it', async () => {
    const { patient, appointment } = await setUp(3 * 24 * HOUR);
    await sync(appointment);
    const oldDue = before(appointment, 1440);
    const moved = await changeAppointment(t, appointment, { start: new Date(NOW.getTime() + 5 * 24 * HOUR) });
    await sync(moved);
    expect(await dueTimes(moved)).toEqual([before(moved, 1440), before(moved, 120)]);

    const transports = memoryTransports();
    t.clock.set(new Date(oldDue));
    await runDueJobs(t.deps, transports);
    expect(await reminders(patient.userId)).toEqual([]);

    t.clock.set(new Date(before(moved, 1440)));
    await runDueJobs(t.deps, transports);
    const [reminder, ...more] = await reminders(patient.userId);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ title: 'Appointment reminder', appointment_id: appointment.id });
    expect(reminder?.body).toMatch(/^Reminder: your appointment with Dr Grace Hopper is on /);
    const email = transports.emails.find((e) => e.to === patient.email);
    expect(email?.subject).toBe('Appointment reminder — HMS General Hospital');
    expect(email?.text).toContain('Reminder: your appointment with Dr Grace Hopper is on');
    expect(email?.invite).toBeNull();

    const cancelled = await changeAppointment(t, moved, { status: 'cancelled' });
    await sync(cancelled);
    expect(await dueTimes(cancelled)).toEqual([]);
    t.clock.set(new Date(before(moved, 60)));
    await runDueJobs(t.deps, transports);
    expect(await reminders(patient.userId)).toHaveLength(1);
    const sentReminders = (await jobsOf(t, { appointmentId: appointment.id, channel: 'reminder' })).map((j) => j.status);
    expect(sentReminders).toEqual(['sent']);
  });

  it('never reminds of a time that no longer holds, even when the reminders were not re-synced', async () => {
    const { patient, appointment } = await setUp(2 * 24 * HOUR);
    await sync(appointment);
    await changeAppointment(t, appointment, { start: new Date(NOW.getTime() + 4 * 24 * HOUR) });
    t.clock.set(new Date(before(appointment, 120)));
    expect(await runDueJobs(t.deps, memoryTransports())).toMatchObject({ sent: 0, skipped: 2 });
    expect(await reminders(patient.userId)).toEqual([]);
    const skipped = await jobsOf(t, { appointmentId: appointment.id, channel: 'reminder' });
    expect(skipped.map((j) => [j.status, j.last_error])).toEqual([
      ['skipped', 'The appointment no longer takes place at this time'],
      ['skipped', 'The appointment no longer takes place at this time'],
    ]);
  });

  it("a reminder's email that is still waiting when the appointment moves is not sent", async () => {
    const { patient, appointment } = await setUp(2 * 24 * HOUR);
    await call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: patient, body: { items: [{ kind: 'appointment.reminder', email: true, sms: true }] } });
    await sync(appointment);
    t.clock.set(new Date(before(appointment, 1440)));
    const down = memoryTransports({ failWith: 'mail server down' });
    expect(await runDueJobs(t.deps, down)).toMatchObject({ sent: 1, failed: 2 });
    expect(await reminders(patient.userId)).toHaveLength(1);

    await changeAppointment(t, appointment, { status: 'cancelled' });
    t.clock.advance(HOUR);
    const up = memoryTransports();
    expect(await runDueJobs(t.deps, up)).toMatchObject({ sent: 0, skipped: 2 });
    expect(up.emails).toEqual([]);
    expect(up.texts).toEqual([]);
  });

  it('sends the reminder by text message when the patient asked for it', async () => {
    const { patient, appointment } = await setUp(2 * 24 * HOUR);
    await call(t.app, { method: 'PUT', url: '/api/notifications/preferences', as: patient, body: { items: [{ kind: 'appointment.reminder', email: false, sms: true }] } });
    await sync(appointment);
    t.clock.set(new Date(before(appointment, 120)));
    const transports = memoryTransports();
    await runDueJobs(t.deps, transports);
    expect(transports.emails).toEqual([]);
    expect(transports.texts).toHaveLength(2);
    expect(transports.texts[0]?.body).toMatch(/^HMS General Hospital: Reminder: your appointment on \w{3} \d{1,2} \w{3} at \d{2}:\d{2} with Dr Grace Hopper\.$/);
  });
});
