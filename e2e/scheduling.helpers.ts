export { expectNoViolations } from './axe.ts';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Helpers for the scheduling browser tests: hospital-zone dates, the slot picker, keyboard moves, axe. */

export function localParts(instant: Date, timeZone: string): { date: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')), minute: Number(get('minute')) };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The start of a day button's accessible name, e.g. /^Tue 5 Mar / */
export function dayButtonName(date: string): RegExp {
  const utc = new Date(`${date}T00:00:00Z`);
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short' }).format(utc);
  const dayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(utc);
  return new RegExp(`^${weekday} ${dayMonth} `);
}

/** The UTC instant at which the hospital's clock shows date + HH:MM (a zone without DST changes that day). */
export function instantAt(date: string, time: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const shown = localParts(new Date(guess), timeZone);
  const shownMs = Date.parse(`${shown.date}T${String(shown.hour).padStart(2, '0')}:${String(shown.minute).padStart(2, '0')}:00Z`);
  return new Date(guess - (shownMs - guess)).toISOString();
}

export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.HMS_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function nav(page: Page, label: string, title: string | RegExp = label): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await heading(page, title);
}

export async function pickSlot(page: Page, date: string, time: string): Promise<void> {
  await page.getByRole('group', { name: 'Dates' }).getByRole('button', { name: dayButtonName(date) }).click();
  await page.getByRole('group', { name: /^Free times on/ }).getByRole('button', { name: time, exact: true }).click();
  await expect(page.getByRole('group', { name: /^Free times on/ }).getByRole('button', { name: time, exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
}

export function appointmentCard(scope: Page | Locator, text: string | RegExp): Locator {
  return scope.getByRole('article').filter({ hasText: text });
}

export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

export async function tabInto(page: Page, container: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await container.evaluate((element) => element.contains(document.activeElement))) return;
  }
  throw new Error(`Tab never entered ${container.toString()}`);
}

export async function arrowTo(page: Page, target: Locator, key = 'ArrowRight', max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

export const focusedText = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim()}`);
