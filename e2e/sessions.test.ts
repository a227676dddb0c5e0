import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe.ts';
import { logInToDashboard, registerPatient } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // The shortest idle limit Settings allows; the page's clock is then moved forward instead of waiting.
  server = await startServer({ env: { HMS_SESSION_IDLE_MINUTES: '5' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('automatic sign-out', () => {
  it('warns a minute before the idle limit, keeps the session on "Stay signed in", then signs out to a bare login page', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await page.clock.install();
    const patient = { name: 'Ida Idle', email: uniqueEmail('ida'), password: 'Walnut-Harbour-Cinder-19' };
    await registerPatient(page, patient);
    const warning = page.getByRole('dialog', { name: 'Stay signed in?' });

    // The unread-count poll keeps running in the background all along; it does not count as activity.
    await page.clock.fastForward('03:50');
    await expect(warning.count()).resolves.toBe(0);
    await page.clock.fastForward('00:15');
    await warning.waitFor();
    await expectNoViolations(page, 'idle warning');
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Patient dashboard' }).waitFor();

    await page.clock.fastForward('04:05');
    await warning.waitFor();
    const session = (await context.cookies()).find((cookie) => cookie.name === 'hms_session');
    await page.clock.fastForward('01:00');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(page.url()).toContain('/login?idle=1');
    await page.getByRole('status').getByText('signed out after a period without activity').waitFor();
    await expect(page.getByText(patient.name).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'Patient dashboard' }).count()).resolves.toBe(0);
    // The old session is over on the server too, not only hidden.
    const replay = await fetch(`${server.baseUrl}/api/auth/session`, { headers: { cookie: `hms_session=${session?.value ?? ''}` } });
    expect(replay.status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('two-step verification required for staff', () => {
  it('an administrator turns the setting on in Settings and is sent to set up an authenticator app before anything else', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await page.goto('/app/settings');
    await page.getByRole('checkbox', { name: 'Require two-step verification for staff' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
    await page.getByRole('status').getByText('The hospital requires two-step verification for staff').waitFor();
    await expectNoViolations(page, 'required enrolment');

    await page.goto('/app/users');
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/security');

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.getByLabel('Code from the app').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await page.getByRole('link', { name: 'Continue to HMS' }).click();
    await page.goto('/app/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
