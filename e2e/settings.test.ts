import { expectNoViolations } from './axe.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { logInToDashboard, registerPatient } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';

/*
 * Hospital settings in a real browser: an administrator edits the information and rules, and visitors see
 * the change on the home page; invalid values are refused beside their field; the page passes axe.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;

interface SettingsAnswer {
  name: string;
  tagline?: string;
  timeZone: string;
  bookingHorizonDays: number;
  cancellationNoticeHours: number;
  reminderOffsetsMinutes: number[];
  updatedAt: string;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Signs the administrator in and opens Settings, with the form filled from the server. */
async function openSettings(page: Page): Promise<void> {
  await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
  await page.goto('/app/settings');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByRole('form', { name: 'Hospital settings' }).waitFor();
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const currentSettings = () => admin.request<SettingsAnswer>('GET', '/api/settings');

describe('hospital settings', () => {
  it('an administrator changes the name, tagline, time zone and a booking rule; they are kept, and visitors see them', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect(field(page, 'Hospital name').inputValue()).resolves.toBe('HMS General Hospital');
    await expect(field(page, 'Cancellation notice (hours)').inputValue()).resolves.toBe('24');

    await field(page, 'Hospital name').fill('Riverside Community Hospital');
    await field(page, 'Tagline (optional)').fill('Care close to the river');
    await field(page, 'Cancellation notice (hours)').fill('48');
    await page.getByRole('combobox', { name: 'Hospital time zone' }).fill('Lisbon');
    await page.getByRole('option', { name: 'Europe/Lisbon' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();

    await page.reload();
    await page.getByRole('form', { name: 'Hospital settings' }).waitFor();
    await expect(field(page, 'Hospital name').inputValue()).resolves.toBe('Riverside Community Hospital');
    await expect(field(page, 'Tagline (optional)').inputValue()).resolves.toBe('Care close to the river');
    await expect(field(page, 'Cancellation notice (hours)').inputValue()).resolves.toBe('48');
    await expect(page.getByRole('combobox', { name: 'Hospital time zone' }).inputValue()).resolves.toBe('Europe/Lisbon');
    expect(problems).toEqual([]);
    await context.close();

    const visitor = await openPage(browser, server.baseUrl);
    await visitor.page.goto('/');
    await visitor.page.getByRole('heading', { level: 1, name: 'Riverside Community Hospital' }).waitFor();
    await visitor.page.getByText('Care close to the river', { exact: true }).waitFor();
    const hospital = (await (await fetch(`${server.baseUrl}/api/hospital`)).json()) as { cancellationNoticeHours: number; timeZone: string };
    expect(hospital).toMatchObject({ cancellationNoticeHours: 48, timeZone: 'Europe/Lisbon' });
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();
  });

  it('an invalid value is refused beside its field and nothing is saved', async () => {
    const before = await currentSettings();
    const { page, context } = await openPage(browser, server.baseUrl);
    await openSettings(page);
    await field(page, 'Booking horizon (days)').fill('0');
    await page.getByRole('button', { name: 'Add a reminder' }).click();
    await field(page, 'Reminder 3').fill('2');
    await page.getByRole('combobox', { name: 'Reminder 3: unit' }).selectOption('hours');
    await page.getByRole('button', { name: 'Save settings' }).click();

    await page.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' }).waitFor();
    await page.getByText('Enter a whole number of days from 1 to 730.').waitFor();
    await expect(field(page, 'Booking horizon (days)').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText('Reminder 3 repeats another one (2 hours): give each reminder a different time.').waitFor();
    await expect(field(page, 'Reminder 3').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoViolations(page, 'settings with errors');
    expect(await currentSettings()).toEqual(before);

    await page.getByRole('button', { name: 'Remove reminder 3' }).click();
    await field(page, 'Booking horizon (days)').fill('90');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    const after = await currentSettings();
    expect(after).toMatchObject({ bookingHorizonDays: 90, reminderOffsetsMinutes: before.reminderOffsetsMinutes });
    await context.close();
  });

  it('is not there for anyone but an administrator', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await registerPatient(page, { name: 'Ines Duarte', email: uniqueEmail('ines'), password: 'Quartz-Harbour-Lantern-19' });
    await page.goto('/app/settings');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expect(page.getByRole('form', { name: 'Hospital settings' }).count()).resolves.toBe(0);
    await context.close();
  });

  for (const width of [360, 1280]) {
    it(`the Settings page has no axe violations at ${width}px`, async () => {
      const { page, context } = await openPage(browser, server.baseUrl, width);
      await openSettings(page);
      await expectNoViolations(page, `settings at ${width}px`);
      await context.close();
    });
  }
});
