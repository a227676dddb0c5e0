import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { act, at, book, giveWeekdayHours, MONDAY, NOW } from '../appointments/test-support.ts';
import { jobsOf } from '../notifications/notifications.fixtures.ts';
import { createReceptionist } from '../scheduling/scheduling.fixtures.ts';

const valid = () => ({
  name: 'St Elsewhere General',
  tagline: 'Care, close to home',
  about: 'A teaching hospital.',
  address: '1 Hospital Road, London',
  phone: '+44 20 7946 0999',
  email: 'Info@StElsewhere.test',
  openingHours: 'Mon–Fri 08:00–20:00',
  timeZone: 'Europe/London',
  approvalMode: 'auto',
  minNoticeMinutes: 60,
  bookingHorizonDays: 90,
  cancellationNoticeHours: 12,
  maxOpenRequestsPerPatient: 5,
  reminderOffsetsMinutes: [1440, 120],
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
});

const PRIVATE = ['reminderOffsetsMinutes', 'sessionIdleMinutes', 'sessionAbsoluteHours', 'updatedAt'];

describe.each(dialectsUnderTest())('hospital settings on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.clock.set(NOW);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const save = (body: unknown, as: Caller | null = admin) => call(t.app, { method: 'PUT', url: '/api/settings', as, body });

  it('an administrator reads the information and rules', async () => {
    const response = await call(t.app, { url: '/api/settings', as: admin });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      name: expect.any(String), timeZone: 'UTC', approvalMode: 'manual', minNoticeMinutes: 120, bookingHorizonDays: 60,
      cancellationNoticeHours: 24, maxOpenRequestsPerPatient: 3, reminderOffsetsMinutes: [1440, 120], sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12, updatedAt: expect.any(String),
    });
  });

  it('keeps everyone else out: 401 when anonymous, 403 for a patient, a doctor or a receptionist', async () => {
    expect((await call(t.app, { url: '/api/settings' })).status).toBe(401);
    expect((await save(valid(), null)).status).toBe(401);
    const patient = await registerPatient(t.app);
    const doctor = await createDoctor(t);
    for (const caller of [patient, doctor, await createReceptionist(t)]) {
      expect((await call(t.app, { url: '/api/settings', as: caller })).status).toBe(403);
      expect((await save(valid(), caller)).status).toBe(403);
    }
  });

  it('saves the whole object, and the public hospital page shows the new name and booking rules but nothing private', async () => {
    const response = await save(valid());
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ...valid(), email: 'info@stelsewhere.test' });
    expect((await call(t.app, { url: '/api/settings', as: admin })).json).toMatchObject({ name: 'St Elsewhere General', approvalMode: 'auto' });
    const hospital = await call(t.app, { url: '/api/hospital' });
    expect(hospital.json).toMatchObject({
      name: 'St Elsewhere General', tagline: 'Care, close to home', timeZone: 'Europe/London',
      approvalMode: 'auto', minNoticeMinutes: 60, bookingHorizonDays: 90, cancellationNoticeHours: 12, maxOpenRequestsPerPatient: 5,
    });
    for (const field of PRIVATE) expect(Object.keys(hospital.json)).not.toContain(field);
  });

  it('answers the reminder offsets largest first, and an empty list turns reminders off', async () => {
    const response = await save({ ...valid(), reminderOffsetsMinutes: [60, 2880, 15] });
    expect(response.status).toBe(200);
    expect(response.json.reminderOffsetsMinutes).toEqual([2880, 60, 15]);
    expect((await call(t.app, { url: '/api/settings', as: admin })).json.reminderOffsetsMinutes).toEqual([2880, 60, 15]);
    expect((await save({ ...valid(), reminderOffsetsMinutes: [] })).json.reminderOffsetsMinutes).toEqual([]);
  });

  it('writes an audit row with the before and after of the changed fields only', async () => {
    await save(valid());
    const t0 = t.clock.now();
    t.clock.advance(1000);
    const response = await save({ ...valid(), name: 'St Elsewhere Royal', minNoticeMinutes: 30 });
    expect(response.status).toBe(200);
    const audit = await call(t.app, { url: '/api/audit?action=settings.update&limit=1', as: admin });
    expect(audit.json.items[0]).toMatchObject({
      actorId: admin.userId, entityType: 'settings', outcome: 'success',
      details: { before: { name: 'St Elsewhere General', minNoticeMinutes: 60 }, after: { name: 'St Elsewhere Royal', minNoticeMinutes: 30 } },
    });
    expect(Object.keys(audit.json.items[0].details.after)).toEqual(['name', 'minNoticeMinutes']);
    expect(response.json.updatedAt > t0.toISOString()).toBe(true);
  });

  it('audits the reminder offsets as lists and the session timeouts as numbers', async () => {
    await save(valid());
    const response = await save({ ...valid(), reminderOffsetsMinutes: [30, 2880], sessionIdleMinutes: 45, sessionAbsoluteHours: 24 });
    expect(response.status).toBe(200);
    const audit = await call(t.app, { url: '/api/audit?action=settings.update&limit=1', as: admin });
    expect(audit.json.items[0].details).toEqual({
      before: { reminderOffsetsMinutes: [1440, 120], sessionIdleMinutes: 30, sessionAbsoluteHours: 12 },
      after: { reminderOffsetsMinutes: [2880, 30], sessionIdleMinutes: 45, sessionAbsoluteHours: 24 },
    });
  });

  it('writes no audit row when the offsets only come in another order', async () => {
    await save(valid());
    const before = await call(t.app, { url: '/api/audit?action=settings.update&limit=1', as: admin });
    expect((await save({ ...valid(), reminderOffsetsMinutes: [120, 1440] })).status).toBe(200);
    const after = await call(t.app, { url: '/api/audit?action=settings.update&limit=1', as: admin });
    expect(after.json.items[0].id).toBe(before.json.items[0].id);
  });

  it('clears optional text left out or empty', async () => {
    const { tagline: _tagline, about: _about, ...rest } = valid();
    const response = await save({ ...rest, phone: '', email: null });
    expect(response.status).toBe(200);
    for (const field of ['tagline', 'about', 'phone', 'email']) expect(Object.keys(response.json)).not.toContain(field);
  });

  it('refuses an unknown time zone, naming the field', async () => {
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', 'Europe/London; drop table']) {
      const response = await save({ ...valid(), timeZone });
      expect(response.status, timeZone).toBe(400);
      expect(response.json.errors[0].path).toBe('/timeZone');
    }
    expect((await save({ ...valid(), timeZone: 'America/New_York' })).json.timeZone).toBe('America/New_York');
  });

  it('refuses each rule out of range, naming the field', async () => {
    const cases: [string, unknown][] = [
      ['minNoticeMinutes', -1], ['minNoticeMinutes', 10_081], ['bookingHorizonDays', 0], ['bookingHorizonDays', 731],
      ['cancellationNoticeHours', 721], ['maxOpenRequestsPerPatient', 0], ['maxOpenRequestsPerPatient', 51],
      ['minNoticeMinutes', 1.5], ['bookingHorizonDays', '30'], ['approvalMode', 'sometimes'], ['name', '  '], ['email', 'not-an-email'],
      ['sessionIdleMinutes', 4], ['sessionIdleMinutes', 1441], ['sessionAbsoluteHours', 0], ['sessionAbsoluteHours', 721],
      ['sessionIdleMinutes', '30'], ['reminderOffsetsMinutes', 60], ['reminderOffsetsMinutes', [60, 120, 180, 240, 300]],
    ];
    for (const [field, value] of cases) {
      const response = await save({ ...valid(), [field]: value });
      expect(response.status, `${field}=${String(value)}`).toBe(400);
      expect(response.json.code).toBe('VALIDATION_FAILED');
      expect(response.json.errors[0].path).toBe(`/${field}`);
    }
  });

  it('refuses a reminder offset out of range, naming the field and the entry', async () => {
    const cases: [unknown, string][] = [
      [[4], 'The reminder (minutes before the appointment) must be 5 or more'],
      [[60, 10_081], 'The reminder (minutes before the appointment) must be 10080 or less'],
      [[90.5], 'The reminder (minutes before the appointment) must be a whole number'],
      [['60'], 'The reminder (minutes before the appointment) must be a whole number'],
    ];
    for (const [offsets, message] of cases) {
      const response = await save({ ...valid(), reminderOffsetsMinutes: offsets });
      expect(response.status, JSON.stringify(offsets)).toBe(400);
      expect(response.json.errors[0]).toEqual({ path: `/reminderOffsetsMinutes/${(offsets as unknown[]).length - 1}`, message });
    }
  });

  it('refuses the same reminder offset twice, naming the field', async () => {
    const response = await save({ ...valid(), reminderOffsetsMinutes: [120, 1440, 120] });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: '/reminderOffsetsMinutes', message: 'Each reminder needs a different time: 120 minutes is listed more than once' }],
    });
  });

  it('a changed reminder offset changes the reminders of an appointment confirmed afterwards', async () => {
    const doctor = await createDoctor(t);
    await giveWeekdayHours(t, doctor.doctorId);
    const patient = await registerPatient(t.app);
    const reminderTimes = async (start: string) => {
      const booked = await book(t, patient, { doctorId: doctor.doctorId, start });
      expect(booked.status).toBe(201);
      expect((await act(t, admin, booked.json.id, 'confirm')).status).toBe(200);
      return (await jobsOf(t, { appointmentId: booked.json.id, channel: 'reminder' })).map((job) => job.next_attempt_at);
    };

    expect((await save({ ...valid(), approvalMode: 'manual', reminderOffsetsMinutes: [90] })).status).toBe(200);
    expect(await reminderTimes(at(MONDAY, '10:00'))).toEqual([at(MONDAY, '08:30')]);

    expect((await save({ ...valid(), approvalMode: 'manual', reminderOffsetsMinutes: [30, 2880] })).status).toBe(200);
    expect(await reminderTimes(at(MONDAY, '11:00'))).toEqual([at('2030-03-02', '11:00'), at(MONDAY, '10:30')]);
  });

  it('refuses unknown fields and a partial object', async () => {
    const unknown = await save({ ...valid(), services: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toContainEqual({ path: '/services', message: '"services" is not a field that can be sent here' });
    const { maxOpenRequestsPerPatient: _left, ...partial } = valid();
    const missing = await save(partial);
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toContainEqual({ path: '/maxOpenRequestsPerPatient', message: 'Enter the limit of open requests per patient; it is required' });
    const { sessionIdleMinutes: _idle, ...withoutIdle } = valid();
    expect((await save(withoutIdle)).json.errors).toContainEqual({ path: '/sessionIdleMinutes', message: 'Enter the idle sign-out (minutes); it is required' });
  });
});
