import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type FakeSmtp } from '../server/src/features/notifications/notifications.fixtures.ts';
import { expectNoViolations } from './axe.ts';
import { fillRegistration, logIn, registerPatient, signOut } from './flows.ts';
import { launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;
let smtp: FakeSmtp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startServer({ env: { HMS_SMTP_URL: smtp.url, HMS_MAIL_FROM: 'HMS <noreply@hospital.test>', HMS_PUBLIC_URL: 'http://placeholder.invalid' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

/** Waits for the delivery worker to hand an email with this subject to the mail server. */
async function mailFor(address: string, subject: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const mail = smtp.received.find((m) => m.envelopeTo.includes(address) && m.mail.subject?.startsWith(subject));
    if (mail) return mail.mail.text ?? '';
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no "${subject}" email reached ${address}`);
}

describe('account recovery', () => {
  it('a patient who forgot the password asks for a link from the login page, sets a new one and logs in with it', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const patient = { name: 'Nia Forgetful', email: uniqueEmail('nia'), password: 'Copper-Meadow-Lantern-77' };
    await registerPatient(page, patient);
    await signOut(page);

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
    await expectNoViolations(page, 'forgot password');
    await page.getByLabel('Email').fill(patient.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').getByText('Check your inbox').waitFor();

    const text = await mailFor(patient.email, 'Reset your password');
    const link = /http:\/\/placeholder\.invalid(\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!link) throw new Error(`the email holds no reset link:\n${text}`);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectNoViolations(page, 'reset password');
    const newPassword = 'Saffron-Glacier-Pylon-31';
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
    await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').getByText('Password changed').waitFor();

    await page.goto(link);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Another-Fresh-Passphrase-8');
    await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('Another-Fresh-Passphrase-8');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').getByText('This link does not work').waitFor();

    await page.getByRole('link', { name: 'Go to log in' }).click();
    await logIn(page, patient.email, newPassword);
    await page.getByRole('heading', { level: 1, name: 'Patient dashboard' }).waitFor();
    await expect(mailFor(patient.email, 'Your password was changed')).resolves.toContain('signed out');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('registering with an address that has an account shows only "check your inbox" and emails the owner', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    const owner = { name: 'Owen Owner', email: uniqueEmail('owen'), password: 'Marble-Thistle-Beacon-64' };
    await registerPatient(page, owner);
    await signOut(page);
    await page.goto('/register');
    await fillRegistration(page, { ...owner, name: 'Someone Else' });
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('status').getByText('Check your inbox', { exact: true }).waitFor();
    await expect(page.getByRole('heading', { name: 'Patient dashboard' }).count()).resolves.toBe(0);
    await expect(mailFor(owner.email, 'Someone tried to register')).resolves.toContain('/forgot-password');
    await context.close();
  });
});

describe('two-step verification', () => {
  it('a patient sets up an authenticator app from the QR page, then signs in with password and code', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const patient = { name: 'Tomas Twofactor', email: uniqueEmail('tomas'), password: 'Indigo-Pebble-Falcon-52' };
    await registerPatient(page, patient);
    await page.getByRole('link', { name: 'Two-step verification' }).click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await expectNoViolations(page, 'two-step enrolment');
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.getByLabel('Code from the app').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await page.getByRole('status').getByText('Two-step verification is on').waitFor();
    await signOut(page);

    await logIn(page, patient.email, patient.password);
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
    // A code of the next step: the one used at enrolment is never accepted twice.
    await page.getByLabel('Authentication code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patient dashboard' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
