import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe.ts';
import { logIn } from './flows.ts';
import { launchBrowser, openPage, startServer, type RunningServer } from './harness.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ firstAdmin: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function printedLink(): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const match = /(http:\/\/\S+\/setup#token=[A-Za-z0-9_-]+)/.exec(server.output());
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no setup link in the server log:\n${server.output()}`);
}

describe('first run', () => {
  it('the home page of a hospital without an administrator is the first-run screen, and a wrong token is refused', async () => {
    const { page, context } = await openPage(browser, server.baseUrl, 360);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Set up HMS' }).waitFor();
    await expectNoViolations(page, 'first-run screen at 360px');
    await page.getByLabel(/^Setup token/).fill('guessed-token');
    await page.getByLabel(/^Full name/).fill('Grace Hopper');
    await page.getByLabel(/^Email/).fill('grace@hospital.test');
    await page.getByRole('textbox', { name: /^Password/ }).fill('a long first-run passphrase');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('alert').filter({ hasText: 'The setup token is wrong, already used or expired' }).waitFor();
    await context.close();
  });

  it('the link printed in the log creates the first administrator, who then signs in; the screen is gone', async () => {
    const link = await printedLink();
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto(link.replace(/^http:\/\/[^/]+/, ''));
    await page.getByRole('heading', { level: 1, name: 'Set up HMS' }).waitFor();
    expect(await page.getByLabel(/^Setup token/).inputValue()).toBe(new URL(link).hash.replace('#token=', ''));
    await page.getByLabel(/^Full name/).fill('Grace Hopper');
    await page.getByLabel(/^Email/).fill('grace@hospital.test');
    await page.getByRole('textbox', { name: /^Password/ }).fill('a long first-run passphrase');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByRole('heading', { level: 1, name: 'HMS is ready' }).waitFor();
    expect(page.url()).not.toContain('token');
    await page.getByRole('status').getByRole('link', { name: 'Log in' }).click();
    await logIn(page, 'grace@hospital.test', 'a long first-run passphrase');
    await page.getByRole('heading', { level: 1, name: /dashboard$/ }).waitFor();
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Set up HMS' }).count()).toBe(0);
    await page.goto('/setup');
    await page.getByRole('heading', { level: 1, name: 'HMS is set up' }).waitFor();
    await context.close();
  });
});
