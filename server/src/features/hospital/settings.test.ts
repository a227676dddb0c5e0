import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
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
});

describe.each(dialectsUnderTest())('hospital settings on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
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
      cancellationNoticeHours: 24, maxOpenRequestsPerPatient: 3, updatedAt: expect.any(String),
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

  it('saves the whole object, and the public hospital page shows the new name', async () => {
    const response = await save(valid());
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ ...valid(), email: 'info@stelsewhere.test' });
    expect((await call(t.app, { url: '/api/settings', as: admin })).json).toMatchObject({ name: 'St Elsewhere General', approvalMode: 'auto' });
    const hospital = await call(t.app, { url: '/api/hospital' });
    expect(hospital.json).toMatchObject({ name: 'St Elsewhere General', tagline: 'Care, close to home', timeZone: 'Europe/London' });
    expect(Object.keys(hospital.json)).not.toContain('minNoticeMinutes');
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
    ];
    for (const [field, value] of cases) {
      const response = await save({ ...valid(), [field]: value });
      expect(response.status, `${field}=${String(value)}`).toBe(400);
      expect(response.json.code).toBe('VALIDATION_FAILED');
      expect(response.json.errors[0].path).toBe(`/${field}`);
    }
  });

  it('refuses unknown fields and a partial object', async () => {
    const unknown = await save({ ...valid(), services: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toContainEqual({ path: '/services', message: 'is not an allowed field' });
    const { maxOpenRequestsPerPatient: _left, ...partial } = valid();
    const missing = await save(partial);
    expect(missing.status).toBe(400);
    expect(missing.json.errors).toContainEqual({ path: '/maxOpenRequestsPerPatient', message: 'is required' });
  });
});
