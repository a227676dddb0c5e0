import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';

type Patient = Caller & { email: string; password: string };

describe.each(dialectsUnderTest())('second factor (TOTP) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    // On a step boundary, so that "one step later" is exact.
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / 30_000) * 30_000));
  });
  afterAll(async () => {
    await t.close();
  });

  /** The library's own generator, at the test's clock. */
  const codeAt = (secret: string, ms = t.clock.now().getTime()) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: ms });

  async function enrolled(): Promise<{ patient: Patient; secret: string; recoveryCodes: string[] }> {
    const patient = await registerPatient(t.app);
    const enrol = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/enrol', as: patient });
    expect(enrol.status).toBe(200);
    const secret: string = enrol.json.secret;
    const confirm = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/confirm', as: patient, body: { code: codeAt(secret) } });
    expect(confirm.status).toBe(200);
    t.clock.advance(30_000);
    return { patient, secret, recoveryCodes: confirm.json.recoveryCodes };
  }

  async function passwordStep(patient: Patient) {
    const response = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } });
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const mfaCookie = cookies.find((c) => c.startsWith('hms_mfa='))?.split(';')[0] ?? '';
    return { response, cookies, mfaCookie };
  }

  const verify = (mfaCookie: string, body: Record<string, string>) =>
    call(t.app, { method: 'POST', url: '/api/auth/mfa/verify', headers: { cookie: mfaCookie }, body });

  it('enrolment shows the secret as text and as a QR code, and counts only once a code confirms it', async () => {
    const patient = await registerPatient(t.app);
    const enrol = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/enrol', as: patient });
    expect(enrol.json.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol.json.otpauthUri).toContain(`secret=${enrol.json.secret}`);
    expect(enrol.json.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await call(t.app, { url: '/api/auth/mfa', as: patient })).json).toEqual({ totp: false, recoveryCodesLeft: 0 });
    const wrong = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/confirm', as: patient, body: { code: '000000' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.code).toBe('MFA_CODE_INVALID');
    expect((await passwordStep(patient)).response.json.csrfToken).toEqual(expect.any(String));
    const right = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/confirm', as: patient, body: { code: codeAt(enrol.json.secret) } });
    expect(right.json.recoveryCodes).toHaveLength(10);
    expect((await call(t.app, { url: '/api/auth/mfa', as: patient })).json).toEqual({ totp: true, recoveryCodesLeft: 10 });
    const again = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/enrol', as: patient });
    expect(again.status).toBe(409);
  });

  it('a right password answers mfaRequired and no session; the code opens the session', async () => {
    const { patient, secret } = await enrolled();
    const { response, cookies, mfaCookie } = await passwordStep(patient);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ mfaRequired: true, methods: ['totp', 'recovery_code'] });
    expect(cookies.some((c) => c.startsWith('hms_session='))).toBe(false);
    expect(mfaCookie).toMatch(/^hms_mfa=.{40,}/);
    const ok = await verify(mfaCookie, { code: codeAt(secret) });
    expect(ok.status).toBe(200);
    expect(ok.json.user.id).toBe(patient.userId);
    const session = String(([] as string[]).concat(ok.headers['set-cookie'] ?? []).find((c) => c.startsWith('hms_session='))).split(';')[0] ?? '';
    expect((await call(t.app, { url: '/api/auth/session', headers: { cookie: session } })).status).toBe(200);
    expect((await verify(mfaCookie, { code: codeAt(secret) })).json.code).toBe('MFA_CHALLENGE_INVALID');
  });

  it('a code is refused a second time, even in a new sign-in within its window', async () => {
    const { patient, secret } = await enrolled();
    const code = codeAt(secret);
    expect((await verify((await passwordStep(patient)).mfaCookie, { code })).status).toBe(200);
    const replay = await verify((await passwordStep(patient)).mfaCookie, { code });
    expect(replay.status).toBe(401);
    expect(replay.json.code).toBe('MFA_CODE_INVALID');
  });

  it('accepts the codes of one step before and after, and refuses two steps away', async () => {
    const { patient, secret } = await enrolled();
    // Two steps after the one that confirmed the enrolment, so that the step before is unused.
    t.clock.advance(30_000);
    const now = t.clock.now().getTime();
    for (const [offset, expected] of [[-60_000, 401], [60_000, 401], [-30_000, 200], [30_000, 200]] as const) {
      const { mfaCookie } = await passwordStep(patient);
      expect((await verify(mfaCookie, { code: codeAt(secret, now + offset) })).status, `offset ${offset}`).toBe(expected);
    }
    // The last step accepted was +1: the current step's code is now older, and refused.
    expect((await verify((await passwordStep(patient)).mfaCookie, { code: codeAt(secret, now) })).status).toBe(401);
    t.clock.advance(60_000);
    expect((await verify((await passwordStep(patient)).mfaCookie, { code: codeAt(secret) })).status).toBe(200);
  });

  it('a recovery code works once; the challenge ends after five wrong codes or five minutes', async () => {
    const { patient, secret, recoveryCodes } = await enrolled();
    const [first = ''] = recoveryCodes;
    expect((await verify((await passwordStep(patient)).mfaCookie, { recoveryCode: first.toUpperCase() })).status).toBe(200);
    expect((await verify((await passwordStep(patient)).mfaCookie, { recoveryCode: first })).status).toBe(401);
    expect((await call(t.app, { url: '/api/auth/mfa', as: patient })).json.recoveryCodesLeft).toBe(9);

    const { mfaCookie } = await passwordStep(patient);
    for (let i = 0; i < 5; i += 1) expect((await verify(mfaCookie, { code: '000000' })).status).toBe(401);
    expect((await verify(mfaCookie, { code: codeAt(secret) })).json.code).toBe('MFA_CHALLENGE_INVALID');

    const late = await passwordStep(patient);
    t.clock.advance(5 * 60_000 + 1);
    expect((await verify(late.mfaCookie, { code: codeAt(secret) })).json.code).toBe('MFA_CHALLENGE_INVALID');
    expect((await verify('', { code: codeAt(secret) })).json.code).toBe('MFA_CHALLENGE_INVALID');
  });

  it('an administrator resets a user\'s factors (audited); others may not', async () => {
    const { patient } = await enrolled();
    const other = await registerPatient(t.app);
    expect((await call(t.app, { method: 'DELETE', url: `/api/auth/mfa/users/${patient.userId}`, as: other })).status).toBe(403);
    const admin = await loginAdmin(t.app);
    expect((await call(t.app, { method: 'DELETE', url: `/api/auth/mfa/users/${patient.userId}`, as: admin })).status).toBe(204);
    expect((await call(t.app, { method: 'DELETE', url: '/api/auth/mfa/users/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', as: admin })).status).toBe(404);
    expect((await passwordStep(patient)).response.json.csrfToken).toEqual(expect.any(String));
    const audit = await t.deps.db.selectFrom('audit_log').select(['actor_id', 'outcome']).where('action', '=', 'auth.mfa_reset').where('entity_id', '=', patient.userId).execute();
    expect(audit).toEqual([{ actor_id: admin.userId, outcome: 'success' }]);
  });

  it('with a second factor a 12-character new password is enough', async () => {
    const { patient } = await enrolled();
    const session = await call(t.app, { method: 'POST', url: '/api/auth/password', as: patient, body: { currentPassword: patient.password, newPassword: 'quiet rivers' } });
    expect(session.status).toBe(204);
  });
});
