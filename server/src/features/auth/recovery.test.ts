import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, login, registerPatient, registration, uniqueEmail } from '../../test/http.ts';
import { startSmtpServer, type FakeSmtp } from '../notifications/notifications.fixtures.ts';
import { createTransports, type Transports } from '../notifications/transports.ts';
import { runDueJobs } from '../notifications/worker.ts';

const NEW_PASSWORD = 'a brand new passphrase for me';

describe.each(dialectsUnderTest())('password reset on %s', (dialect) => {
  let t: TestApp;
  let smtp: FakeSmtp;
  let transports: Transports;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp(dialect, { HMS_SMTP_URL: smtp.url, HMS_MAIL_FROM: 'HMS <noreply@hospital.test>', HMS_PUBLIC_URL: 'https://hms.hospital.test' });
    transports = createTransports(t.deps.config, { info: () => {}, warn: () => {} });
  });
  afterAll(async () => {
    transports.email?.close();
    await t.close();
    await smtp.close();
  });

  const mailTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address)).map((m) => m.mail);
  const ask = (email: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress: ip });
  const confirm = (token: string, newPassword = NEW_PASSWORD) =>
    call(t.app, { method: 'POST', url: '/api/auth/password-reset/confirm', body: { token, newPassword } });

  /** Asks for a link and returns the token of the email that arrives. */
  async function resetLink(email: string): Promise<string> {
    expect((await ask(email)).statusCode).toBe(202);
    await runDueJobs(t.deps, transports);
    const mail = mailTo(email).find((m) => m.subject?.startsWith('Reset your password'));
    const match = /https:\/\/hms\.hospital\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
    if (!match?.[1]) throw new Error(`no reset link was emailed to ${email}`);
    return match[1];
  }

  it('answers 202 alike for a known and an unknown email, and emails a link only to the known one', async () => {
    const patient = await registerPatient(t.app);
    const ghost = uniqueEmail('ghost');
    const known = await ask(patient.email.toUpperCase());
    const unknown = await ask(ghost);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    await runDueJobs(t.deps, transports);
    expect(mailTo(ghost)).toEqual([]);
    const [mail] = mailTo(patient.email);
    expect(mail?.subject).toBe('Reset your password — HMS General Hospital');
    expect(mail?.text).toMatch(/30 minutes/);
    expect(mail?.html || '').toContain('https://hms.hospital.test/reset-password?token=');
  });

  it('stores only a hash of the token', async () => {
    const patient = await registerPatient(t.app);
    const token = await resetLink(patient.email);
    const rows = await t.deps.db.selectFrom('password_reset_tokens').selectAll().where('user_id', '=', patient.userId).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a new password from the link ends every session, works for sign-in and tells the user by email', async () => {
    const patient = await registerPatient(t.app);
    const other = await login(t.app, patient.email, patient.password);
    const token = await resetLink(patient.email);
    const response = await confirm(token);
    expect(response.status).toBe(204);
    expect((await call(t.app, { url: '/api/auth/session', as: patient })).status).toBe(401);
    expect((await call(t.app, { url: '/api/auth/session', as: other })).status).toBe(401);
    expect((await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } })).status).toBe(401);
    await login(t.app, patient.email, NEW_PASSWORD);
    await runDueJobs(t.deps, transports);
    const told = mailTo(patient.email).find((m) => m.subject?.startsWith('Your password was changed'));
    expect(told?.text).toMatch(/signed out/);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'outcome']).where('entity_id', '=', patient.userId).where('action', 'like', 'auth.password_reset%').execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'auth.password_reset_request', outcome: 'success' }, { action: 'auth.password_reset', outcome: 'success' }]));
  });

  it('a used, an expired and an unknown token answer 400 RESET_TOKEN_INVALID', async () => {
    const patient = await registerPatient(t.app);
    const used = await resetLink(patient.email);
    expect((await confirm(used)).status).toBe(204);
    const again = await confirm(used, 'yet another passphrase here');
    expect(again.status).toBe(400);
    expect(again.json.code).toBe('RESET_TOKEN_INVALID');

    const second = await registerPatient(t.app);
    const expired = await resetLink(second.email);
    t.clock.advance(30 * 60_000 + 1);
    const late = await confirm(expired);
    expect(late.status).toBe(400);
    expect(late.json.code).toBe('RESET_TOKEN_INVALID');
    await login(t.app, second.email, second.password);

    const unknown = await confirm('x'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(unknown.json.code).toBe('RESET_TOKEN_INVALID');
  });

  it('a new link retires the older ones once a password is set; a weak new password is refused and the link still works', async () => {
    const patient = await registerPatient(t.app);
    const first = await resetLink(patient.email);
    const second = await resetLink(patient.email);
    const weak = await confirm(second, 'short one');
    expect(weak.status).toBe(400);
    expect(weak.json.errors[0].path).toBe('/newPassword');
    expect((await confirm(second)).status).toBe(204);
    expect((await confirm(first)).json.code).toBe('RESET_TOKEN_INVALID');
  });

  it('throttles requests per email (429 after three in an hour), counting unknown emails alike', async () => {
    for (const email of [(await registerPatient(t.app)).email, uniqueEmail('ghost')]) {
      for (let i = 0; i < 3; i += 1) expect((await ask(email, `10.1.0.${i}`)).statusCode).toBe(202);
      const blocked = await ask(email, '10.1.0.9');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('throttles requests per client address (429 after twenty in an hour)', async () => {
    for (let i = 0; i < 20; i += 1) expect((await ask(uniqueEmail('spray'), '10.2.0.1')).statusCode).toBe(202);
    expect((await ask(uniqueEmail('spray'), '10.2.0.1')).statusCode).toBe(429);
    expect((await ask(uniqueEmail('spray'), '10.2.0.2')).statusCode).toBe(202);
    t.clock.advance(61 * 60_000);
    expect((await ask(uniqueEmail('spray'), '10.2.0.1')).statusCode).toBe(202);
  });

  it('refuses unknown fields (400)', async () => {
    const response = await call(t.app, { method: 'POST', url: '/api/auth/password-reset', body: { email: 'a@b.test', role: 'admin' } });
    expect(response.status).toBe(400);
  });

  it('registering an address that has an account emails its owner instead of revealing it', async () => {
    const patient = await registerPatient(t.app);
    const response = await call(t.app, { method: 'POST', url: '/api/auth/register', body: registration({ email: patient.email }) });
    expect(response.status).toBe(202);
    await runDueJobs(t.deps, transports);
    const mail = mailTo(patient.email).find((m) => m.subject?.startsWith('Someone tried to register'));
    expect(mail?.text).toContain('https://hms.hospital.test/forgot-password');
  });
});
