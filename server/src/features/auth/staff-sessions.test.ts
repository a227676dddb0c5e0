import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor, DOCTOR_PASSWORD } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, login, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';

const MINUTE = 60_000;

describe.each(dialectsUnderTest())('second factor required for staff, idle sign-out and password changes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  async function changeSettings(changes: Record<string, unknown>): Promise<void> {
    const admin = await loginAdmin(t.app);
    const { updatedAt: _updatedAt, ...current } = (await call(t.app, { url: '/api/settings', as: admin })).json;
    const response = await call(t.app, { method: 'PUT', url: '/api/settings', as: admin, body: { ...current, ...changes } });
    expect(response.status).toBe(200);
  }
  const codeAt = (secret: string) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: t.clock.now().getTime() });
  const auditRows = (userId: string, action: string) =>
    t.deps.db.selectFrom('audit_log').select(['outcome', 'details']).where('actor_id', '=', userId).where('action', '=', action).orderBy('seq').execute();

  describe('the hospital requires a second factor for staff', () => {
    let doctor: Caller & { doctorId: string; email: string };
    beforeAll(async () => {
      doctor = await createDoctor(t);
      await changeSettings({ mfaRequiredForStaff: true });
    });
    afterAll(async () => {
      // Patients and later tests sign in with the password alone again.
      await t.deps.db.updateTable('settings').set({ mfa_required_for_staff: 0 }).where('id', '=', 1).execute();
    });

    it('a doctor without a factor is told to enrol at sign-in and can use nothing else until enrolled (403 MFA_ENROLMENT_REQUIRED)', async () => {
      const signedIn = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: doctor.email, password: DOCTOR_PASSWORD } });
      expect(signedIn.status).toBe(200);
      expect(signedIn.json.user.mustEnrolSecondFactor).toBe(true);
      const session = await login(t.app, doctor.email, DOCTOR_PASSWORD);
      const appointments = await call(t.app, { url: '/api/appointments', as: session });
      expect(appointments.status).toBe(403);
      expect(appointments.json.code).toBe('MFA_ENROLMENT_REQUIRED');
      const denied = await t.deps.db.selectFrom('audit_log').select('details').where('actor_id', '=', doctor.userId).where('action', '=', 'access.denied').execute();
      expect(denied.map((row) => JSON.parse(String(row.details)).code)).toContain('MFA_ENROLMENT_REQUIRED');
      expect((await call(t.app, { url: '/api/auth/session', as: session })).json.user.mustEnrolSecondFactor).toBe(true);

      const enrol = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/enrol', as: session });
      expect(enrol.status).toBe(200);
      const confirm = await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/confirm', as: session, body: { code: codeAt(enrol.json.secret) } });
      expect(confirm.status).toBe(200);
      expect((await call(t.app, { url: '/api/auth/session', as: session })).json.user.mustEnrolSecondFactor).toBe(false);
      expect((await call(t.app, { url: '/api/appointments', as: session })).status).toBe(200);
      t.clock.advance(30_000);
      const next = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: doctor.email, password: DOCTOR_PASSWORD } });
      expect(next.json).toEqual({ mfaRequired: true, methods: ['totp', 'recovery_code'] });
    });

    it('turning the setting on sends an already signed-in receptionist to enrolment at the next request', async () => {
      await t.deps.db.updateTable('settings').set({ mfa_required_for_staff: 0 }).where('id', '=', 1).execute();
      const admin = await loginAdmin(t.app);
      expect((await call(t.app, { url: '/api/users', as: admin })).status).toBe(200);
      await t.deps.db.updateTable('settings').set({ mfa_required_for_staff: 1 }).where('id', '=', 1).execute();
      expect((await call(t.app, { url: '/api/users', as: admin })).json.code).toBe('MFA_ENROLMENT_REQUIRED');
      expect((await call(t.app, { method: 'POST', url: '/api/auth/logout', as: admin })).status).toBe(204);
    });

    it('patients are not made to enrol, and may opt in', async () => {
      const patient = await registerPatient(t.app);
      expect((await call(t.app, { url: '/api/auth/session', as: patient })).json.user.mustEnrolSecondFactor).toBe(false);
      expect((await call(t.app, { url: '/api/appointments', as: patient })).status).toBe(200);
      expect((await call(t.app, { method: 'POST', url: '/api/auth/mfa/totp/enrol', as: patient })).status).toBe(200);
    });
  });

  describe('automatic sign-out', () => {
    it('background requests do not keep a session alive; the user\'s own requests do', async () => {
      await changeSettings({ sessionIdleMinutes: 5 });
      const polled = await registerPatient(t.app);
      const active = await registerPatient(t.app);
      expect((await call(t.app, { url: '/api/auth/session', as: polled })).json.idleMinutes).toBe(5);
      const background = { 'x-hms-background': '1' };
      for (let minute = 1; minute <= 4; minute += 1) {
        t.clock.advance(MINUTE);
        expect((await call(t.app, { url: '/api/notifications/unread-count', as: polled, headers: background })).status).toBe(200);
        expect((await call(t.app, { url: '/api/notifications/unread-count', as: active })).status).toBe(200);
      }
      t.clock.advance(MINUTE + 1000);
      const expired = await call(t.app, { url: '/api/notifications/unread-count', as: polled, headers: background });
      expect(expired.status).toBe(401);
      expect((await call(t.app, { url: '/api/auth/session', as: active })).status).toBe(200);
      await changeSettings({ sessionIdleMinutes: 30 });
    });
  });

  describe('changing the password', () => {
    it('a wrong current password is audited, and after five the change is throttled (429) even with the right one', async () => {
      const patient = await registerPatient(t.app);
      const change = (currentPassword: string) =>
        call(t.app, { method: 'POST', url: '/api/auth/password', as: patient, body: { currentPassword, newPassword: 'another long enough passphrase' } });
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const wrong = await change('not the password at all');
        expect(wrong.status).toBe(400);
        expect(wrong.json.errors?.[0]?.path ?? wrong.json.details?.[0]?.path).toBe('/currentPassword');
      }
      const throttled = await change(patient.password);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      const rows = await auditRows(patient.userId, 'auth.password_change');
      expect(rows.map((row) => row.outcome)).toEqual(['failure', 'failure', 'failure', 'failure', 'failure', 'denied']);
      expect(JSON.parse(String(rows[0]?.details)).reason).toBe('wrong current password');

      t.clock.advance(2 * MINUTE);
      expect((await change(patient.password)).status).toBe(204);
      expect((await auditRows(patient.userId, 'auth.password_change')).at(-1)?.outcome).toBe('success');
    });
  });
});
