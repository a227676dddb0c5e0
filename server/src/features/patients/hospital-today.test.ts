import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setHospitalTimeZone } from '../admin/admin.fixtures.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registration, type Caller } from '../../test/http.ts';
import { walkIn } from './fixtures.ts';

/**
 * "Today" is the hospital's calendar date in the zone chosen in Settings: neither the zone the process runs
 * in (TZ) nor the one configured at first start (HMS_TIME_ZONE) may move it.
 */
describe.each(dialectsUnderTest())('today in the hospital zone on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  const processZone = process.env['TZ'];

  beforeAll(async () => {
    // The process runs on Hawaii time and start-up configured UTC; the hospital is elsewhere.
    process.env['TZ'] = 'Pacific/Honolulu';
    t = await startTestApp(dialect, { HMS_TIME_ZONE: 'UTC' });
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    if (processZone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = processZone;
    await t?.close();
  });

  const register = (dateOfBirth: string) => call(t.app, { method: 'POST', url: '/api/auth/register', body: registration({ dateOfBirth }) });
  const frontDesk = (dateOfBirth: string) => call(t.app, { method: 'POST', url: '/api/patients', as: admin, body: walkIn({ dateOfBirth }) });

  it('a baby born today in Tokyo registers at 05:30 Tokyo time, while it is still yesterday in UTC and in Honolulu', async () => {
    await setHospitalTimeZone(t, 'Asia/Tokyo');
    t.clock.set(new Date('2026-03-01T20:30:00.000Z'));
    expect((await register('2026-03-02')).status).toBe(201);
    expect((await frontDesk('2026-03-02')).status).toBe(201);
  });

  it('a date of birth of tomorrow in the hospital zone is refused, though it is already that date in UTC', async () => {
    await setHospitalTimeZone(t, 'America/Los_Angeles');
    t.clock.set(new Date('2026-03-02T03:00:00.000Z'));
    for (const response of [await register('2026-03-02'), await frontDesk('2026-03-02')]) {
      expect(response.status).toBe(400);
      expect(response.json.errors).toEqual([{ path: '/dateOfBirth', message: 'The date of birth cannot be in the future' }]);
    }
    expect((await frontDesk('2026-03-01')).status).toBe(201);
  });

  it('the date turns at local midnight on the day clocks spring forward (New York, 8 March 2026)', async () => {
    await setHospitalTimeZone(t, 'America/New_York');
    t.clock.set(new Date('2026-03-08T04:59:59.000Z')); // 23:59:59 EST on 7 March
    expect((await frontDesk('2026-03-08')).status).toBe(400);
    t.clock.set(new Date('2026-03-08T05:00:00.000Z')); // 00:00 EST on 8 March
    expect((await frontDesk('2026-03-08')).status).toBe(201);
    t.clock.set(new Date('2026-03-09T03:59:59.000Z')); // 23:59:59 EDT on 8 March: the day had 23 hours
    expect((await frontDesk('2026-03-09')).status).toBe(400);
    t.clock.set(new Date('2026-03-09T04:00:00.000Z'));
    expect((await frontDesk('2026-03-09')).status).toBe(201);
  });

  it('the date turns at local midnight around the day clocks fall back (New York, 1 November 2026)', async () => {
    await setHospitalTimeZone(t, 'America/New_York');
    t.clock.set(new Date('2026-11-01T03:59:59.000Z')); // 23:59:59 EDT on 31 October
    expect((await register('2026-11-01')).status).toBe(400);
    t.clock.set(new Date('2026-11-01T04:00:00.000Z')); // 00:00 EDT on 1 November
    expect((await register('2026-11-01')).status).toBe(201);
    t.clock.set(new Date('2026-11-02T04:59:59.000Z')); // 23:59:59 EST on 1 November: the day had 25 hours
    expect((await register('2026-11-02')).status).toBe(400);
    t.clock.set(new Date('2026-11-02T05:00:00.000Z'));
    expect((await register('2026-11-02')).status).toBe(201);
  });

  it("a patient's age follows the hospital's date, not the server's", async () => {
    await setHospitalTimeZone(t, 'Pacific/Kiritimati'); // UTC+14
    t.clock.set(new Date('2026-06-01T10:30:00.000Z')); // 00:30 on 2 June in Kiritimati, 1 June in UTC
    const created = await frontDesk('2000-06-02');
    expect(created.status).toBe(201);
    expect(created.json.age).toBe(26);
    await setHospitalTimeZone(t, 'UTC');
    expect((await call(t.app, { url: `/api/patients/${created.json.id}`, as: admin })).json.age).toBe(25);
  });
});
