import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, primaryDialect, startTestApp, ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from '../../test/harness.ts';
import { call, login, loginAdmin, registerPatient, registration, uniqueEmail } from '../../test/http.ts';

describe.each(dialectsUnderTest())('auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers a patient, signs them in and answers their session', async () => {
    const body = registration();
    const response = await call(t.app, { method: 'POST', url: '/api/auth/register', body });
    expect(response.status).toBe(201);
    expect(response.json.user).toMatchObject({ email: body.email, name: body.name, role: 'patient', mustChangePassword: false });
    expect(response.json.user.patientId).toEqual(expect.any(String));
    expect(response.json.csrfToken).toEqual(expect.any(String));
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/hms_session=[^;]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const session = await call(t.app, { url: '/api/auth/session', headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(session.status).toBe(200);
    expect(session.json.user.email).toBe(body.email);
  });

  it('answers 401 for the session when not signed in', async () => {
    const response = await call(t.app, { url: '/api/auth/session' });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses to register anything but a patient (role is an unknown field)', async () => {
    const response = await call(t.app, { method: 'POST', url: '/api/auth/register', body: { ...registration(), role: 'admin' } });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('VALIDATION_FAILED');
    expect(response.json.errors).toContainEqual({ path: '/role', message: '"role" is not a field that can be sent here' });
  });

  it('refuses short, common and own-email passwords with a message on the password field', async () => {
    const email = uniqueEmail();
    for (const password of ['short', 'qwerty123456', 'QWERTY123456', 'password1234', '!!sunshine2026', email, '111111111111', 'abcdefghijklmnop', 'x'.repeat(129)]) {
      const response = await call(t.app, { method: 'POST', url: '/api/auth/register', body: registration({ email, password }) });
      expect(response.status, password).toBe(400);
      expect(response.json.errors[0].path).toBe('/password');
    }
  });

  it('a second registration of an address, whatever its case, creates nothing and answers neutrally (202, no session)', async () => {
    const patient = await registerPatient(t.app);
    const response = await call(t.app, { method: 'POST', url: '/api/auth/register', body: registration({ email: patient.email.toUpperCase(), name: 'Someone Else' }) });
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ message: expect.stringMatching(/inbox/) });
    expect(response.headers['set-cookie']).toBeUndefined();
    const users = await t.deps.db.selectFrom('users').select('name').where('email', '=', patient.email).execute();
    expect(users).toEqual([{ name: 'Ada Lovelace' }]);
  });

  it('logs in with the right password, case-insensitively on the email, with a new session id each time', async () => {
    const patient = await registerPatient(t.app);
    const first = await login(t.app, patient.email.toUpperCase(), patient.password);
    const second = await login(t.app, patient.email, patient.password);
    expect(first.cookie).not.toBe(second.cookie);
    expect(first.cookie).not.toBe(patient.cookie);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const patient = await registerPatient(t.app);
    const wrong = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: 'not the password at all' } });
    const unknown = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: uniqueEmail('nobody'), password: 'not the password at all' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.code).toBe('INVALID_CREDENTIALS');
  });

  it('logout revokes the session server-side', async () => {
    const patient = await registerPatient(t.app);
    expect((await call(t.app, { method: 'POST', url: '/api/auth/logout', as: patient })).status).toBe(204);
    expect((await call(t.app, { url: '/api/auth/session', as: patient })).status).toBe(401);
  });

  it('a password change revokes the other sessions and keeps the current one', async () => {
    const patient = await registerPatient(t.app);
    const other = await login(t.app, patient.email, patient.password);
    const newPassword = 'another long passphrase';
    const response = await call(t.app, { method: 'POST', url: '/api/auth/password', as: patient, body: { currentPassword: patient.password, newPassword } });
    expect(response.status).toBe(204);
    expect((await call(t.app, { url: '/api/auth/session', as: other })).status).toBe(401);
    expect((await call(t.app, { url: '/api/auth/session', as: patient })).status).toBe(200);
    expect((await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } })).status).toBe(401);
    await login(t.app, patient.email, newPassword);
  });

  it('a password change needs the current password', async () => {
    const patient = await registerPatient(t.app);
    const response = await call(t.app, { method: 'POST', url: '/api/auth/password', as: patient, body: { currentPassword: 'wrong wrong wrong', newPassword: 'another long passphrase' } });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].path).toBe('/currentPassword');
  });

  it('refuses an unsafe request with a missing or wrong CSRF token (403)', async () => {
    const patient = await registerPatient(t.app);
    const missing = await call(t.app, { method: 'POST', url: '/api/auth/logout', as: patient, noCsrf: true });
    expect(missing.status).toBe(403);
    expect(missing.json.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await call(t.app, { method: 'POST', url: '/api/auth/logout', as: { ...patient, csrfToken: 'x'.repeat(43) } });
    expect(wrong.status).toBe(403);
    expect((await call(t.app, { url: '/api/auth/session', as: patient })).status).toBe(200);
  });

  it('refuses a cross-site login by its Origin header', async () => {
    const response = await call(t.app, { method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    expect(response.status).toBe(403);
    expect(response.json.code).toBe('ORIGIN_MISMATCH');
  });

  it('ends a session after the idle timeout and after its absolute lifetime', async () => {
    const idle = await registerPatient(t.app);
    t.clock.advance(31 * 60_000);
    expect((await call(t.app, { url: '/api/auth/session', as: idle })).status).toBe(401);
    const busy = await registerPatient(t.app);
    for (let hour = 0; hour < 12; hour += 1) {
      for (let step = 0; step < 3; step += 1) {
        t.clock.advance(20 * 60_000);
        if (hour * 3 + step < 35) expect((await call(t.app, { url: '/api/auth/session', as: busy })).status).toBe(200);
      }
    }
    expect((await call(t.app, { url: '/api/auth/session', as: busy })).status).toBe(401);
  });

  it('throttles an account after five failures with 429 and Retry-After, for unknown emails too', async () => {
    const patient = await registerPatient(t.app);
    for (const email of [patient.email, uniqueEmail('ghost')]) {
      for (let i = 0; i < 5; i += 1) {
        const response = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email, password: 'wrong password here' } });
        expect(response.status).toBe(401);
      }
      const blocked = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email, password: 'wrong password here' } });
      expect(blocked.status).toBe(429);
      expect(blocked.json.code).toBe('RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
    const stillBlocked = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } });
    expect(stillBlocked.status).toBe(429);
    t.clock.advance(61_000);
    expect((await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } })).status).toBe(200);
  });

  it('stores argon2id hashes with OWASP parameters', async () => {
    const patient = await registerPatient(t.app);
    const row = await t.deps.db.selectFrom('users').select('password_hash').where('id', '=', patient.userId).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('lets the configured first administrator sign in', async () => {
    const admin = await loginAdmin(t.app);
    const session = await call(t.app, { url: '/api/auth/session', as: admin });
    expect(session.json.user.role).toBe('admin');
  });
});

describe('a storm of sign-ins', () => {
  it('answers 503 with Retry-After past the password-hash queue, before hashing, and signs the others in', async () => {
    const t = await startTestApp(primaryDialect(), { HMS_PASSWORD_HASH_CONCURRENCY: '1', HMS_PASSWORD_HASH_QUEUE: '1' });
    try {
      const patient = await registerPatient(t.app);
      const body = { email: patient.email, password: patient.password };
      const storm = await Promise.all(Array.from({ length: 6 }, () => call(t.app, { method: 'POST', url: '/api/auth/login', body })));
      const statuses = storm.map((response) => response.status);
      expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
      const busy = storm.filter((response) => response.status === 503);
      expect(busy.length).toBeGreaterThan(0);
      for (const response of busy) {
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(response.json.code).toBe('SIGN_IN_BUSY');
        expect(response.headers['retry-after']).toBe('1');
      }
      expect((await call(t.app, { method: 'POST', url: '/api/auth/login', body })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
