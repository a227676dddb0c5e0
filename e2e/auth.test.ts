import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, registerPatient, signOut } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('signing in and out', () => {
  it('a visitor registers as a patient from the home page, signs out and logs in again', async () => {
    const hospital = (await (await fetch(`${server.baseUrl}/api/hospital`)).json()) as { name: string };
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const patient = { name: 'Amara Okafor', email: uniqueEmail('amara'), password: 'Violet-Harbour-Teapot-19' };

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(hospital.name);
    await page.getByRole('main').getByRole('link', { name: 'Register as a patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register as a patient' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');

    await registerPatient(page, patient);
    expect(new URL(page.url()).pathname).toBe('/app');
    await expect(page.getByRole('heading', { name: `Welcome, ${patient.name}` }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Book an appointment' }).isVisible()).resolves.toBe(true);

    await signOut(page);
    expect(new URL(page.url()).pathname).toBe('/login');

    await logIn(page, patient.email, patient.password);
    await page.getByRole('heading', { level: 1, name: 'Patient dashboard' }).waitFor();
    await expect(page.getByRole('banner').getByText(patient.name).isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the administrator logs in and sees the admin dashboard and navigation', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Admin dashboard' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(['Dashboard', 'Users', 'Doctors', 'Patients', 'Specializations', 'Appointments', 'Settings', 'Audit log', 'Exports', 'Formulary', 'Notifications', 'Change password', 'Two-step verification']);
    await expect(nav.getByRole('link', { name: 'Book an appointment' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a wrong password shows the error message and stays on the login page', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto('/login');
    await logIn(page, ADMIN_EMAIL, 'not-the-right-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('The email or password is incorrect');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('a signed-out visitor who opens /app lands on the login page', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await page.goto('/app');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a call made after the session ended sends the user to log in again with an explanation', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    const password = 'Amber-Quarry-Lantern-31';
    await registerPatient(page, { name: 'Kenji Watanabe', email: uniqueEmail('kenji'), password });
    await page.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } });
    });
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('textbox', { name: 'Current password', exact: true }).fill(password);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('Birch-Canyon-Marble-84');
    await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('Birch-Canyon-Marble-84');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your session has expired. Please log in again.').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/login?expired=1');
    await context.close();
  });

  it('keyboard users can skip to the content, and focus moves to the new page heading', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent)).resolves.toBe('H1 Log in');
    await context.close();
  });
});
