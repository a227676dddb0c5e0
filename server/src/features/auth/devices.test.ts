import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { registerPatient } from '../../test/http.ts';

describe.each(dialectsUnderTest())('lockout without denial of service on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  async function signIn(email: string, password: string, address: string, cookie = '') {
    const response = await t.app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { email, password }, headers: cookie ? { cookie } : {},
    });
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    return { status: response.statusCode, device: cookies.find((c) => c.startsWith('hms_device='))?.split(';')[0] ?? '' };
  }

  it('200 wrong guesses from one address do not keep the owner out of their usual browser, even from that address', async () => {
    const owner = await registerPatient(t.app);
    const usual = await signIn(owner.email, owner.password, '198.51.100.7');
    expect(usual.status).toBe(200);
    expect(usual.device).toMatch(/^hms_device=[A-Za-z0-9_-]{40,}$/);

    const statuses = new Map<number, number>();
    for (let guess = 0; guess < 200; guess += 1) {
      const { status } = await signIn(owner.email, `wrong guess number ${guess}`, '203.0.113.66');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(401)).toBe(5);
    expect(statuses.get(429)).toBe(195);

    // The stranger's address and any other new browser are held back; the owner's usual browser is not.
    expect((await signIn(owner.email, owner.password, '203.0.113.66')).status).toBe(429);
    expect((await signIn(owner.email, owner.password, '192.0.2.10')).status).toBe(429);
    expect((await signIn(owner.email, owner.password, '198.51.100.7', usual.device)).status).toBe(200);
    expect((await signIn(owner.email, owner.password, '203.0.113.66', usual.device)).status).toBe(200);
    const denied = await t.deps.db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login').where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThanOrEqual(195);
  });

  it('a device cookie counts for its own account only, and wrong passwords from a known browser meet short delays', async () => {
    const owner = await registerPatient(t.app);
    const other = await registerPatient(t.app);
    const { device } = await signIn(owner.email, owner.password, '198.51.100.20');
    for (let guess = 0; guess < 5; guess += 1) expect((await signIn(other.email, `wrong ${guess}`, '203.0.113.90')).status).toBe(401);
    // The owner's browser is no key to another account.
    expect((await signIn(other.email, other.password, '198.51.100.20', device)).status).toBe(429);

    const results: number[] = [];
    for (let guess = 0; guess < 11; guess += 1) results.push((await signIn(owner.email, `typo ${guess}`, '198.51.100.20', device)).status);
    expect(results.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(results[10]).toBe(429);
    t.clock.advance(6_000);
    expect((await signIn(owner.email, owner.password, '198.51.100.20', device)).status).toBe(200);
  });
});
