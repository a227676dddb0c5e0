import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fillRegistration, logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, openPage, uniqueEmail , useServerAndBrowser } from './harness.ts';

const suite = useServerAndBrowser();

/** The input is marked invalid and its description (what a screen reader announces with it) holds the sentence. */
async function expectFieldMessage(page: Page, field: Locator, sentence: string): Promise<void> {
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const described = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(described.join(' ')).toContain(sentence);
}

describe('field messages in the browser', () => {
  it('registration: a bad phone and a bad email are explained under their fields before anything is sent', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.baseUrl, 360);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/register')) sent.push(request.url());
    });
    await page.goto('/register');
    await fillRegistration(page, { name: 'Ana López', email: 'ana-at-example', password: 'Harbour-Lantern-Quartz-19' });
    await page.getByLabel('Phone').fill('call me maybe');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectFieldMessage(page, page.getByLabel('Phone'), 'Enter a phone number using digits, spaces and + ( ) - . /');
    await expectFieldMessage(page, page.getByLabel('Email'), 'Enter an email address like name@example.org');
    await expect.poll(() => page.getByText('must match').count()).toBe(0);
    expect(sent).toEqual([]);
    await context.close();
  });

  it("registration: the server's own rule (a common password) lands under the password field as a sentence", async () => {
    const { page, context } = await openPage(suite.browser, suite.server.baseUrl);
    await page.goto('/register');
    await fillRegistration(page, { name: 'Ana López', email: uniqueEmail('ana'), password: '1qaz2wsx3edc4rfv' });
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectFieldMessage(page, page.getByRole('textbox', { name: 'Password', exact: true }), 'This password is too common or predictable; choose another');
    await context.close();
  });

  it('the front desk: a bad phone and email on a new patient are explained under their fields', async () => {
    const { page, context } = await openPage(suite.browser, suite.server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await page.goto('/app/patients/new');
    await page.getByLabel('Full name').fill('Tomás Rivera');
    await page.getByLabel('Date of birth').fill('1979-04-02');
    await page.getByLabel('Gender').selectOption('male');
    await page.getByLabel(/^Phone/).fill('ext. 12');
    await page.getByLabel(/^Email/).fill('tomas@');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await expectFieldMessage(page, page.getByLabel(/^Phone/), 'Enter a phone number using digits, spaces and + ( ) - . /');
    await expectFieldMessage(page, page.getByLabel(/^Email/), 'Enter an email address like name@example.org');
    await context.close();
  });
});
