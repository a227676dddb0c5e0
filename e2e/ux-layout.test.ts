import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, uniqueEmail } from './harness.ts';
import { book, HOSPITAL_NAME, openPage, PASSWORD, setUpWorld, signIn, tearDown, type UxWorld } from './ux.helpers.ts';

/*
 * A phone's width (360 px) for every role, with long names and emails in the data: no page scrolls sideways, the
 * header keeps the hospital's whole name and "Sign out"; the bell's count drops once notifications are read; the
 * dashboard's chart code is downloaded by the administrator's dashboard alone.
 */

let world: UxWorld;
let appointmentId = '';
const JOURNEY_TIMEOUT = 300_000;
const PHONE = 360;

beforeAll(async () => {
  world = await setUpWorld();
  appointmentId = await book(world, world.patient.session, world.day, '10:00', true);
}, 120_000);

afterAll(async () => {
  await tearDown(world);
});

/** Every link of the main and account navigation, as paths. */
async function navPaths(page: Page): Promise<string[]> {
  const hrefs = await page.locator('nav a[href^="/app"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs)];
}

interface Overflow {
  path: string;
  by: number;
  /** The innermost elements that reach past the right edge. */
  culprits: string[];
}

/** Opens each path and lists those whose page is wider than the window. */
async function sideScrolls(page: Page, paths: readonly string[]): Promise<Overflow[]> {
  const found: Overflow[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'), undefined, { timeout: 15_000 }).catch(() => undefined);
    const result = await page.evaluate(() => {
      const root = document.documentElement;
      const by = root.scrollWidth - root.clientWidth;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1 && element.children.length === 0)
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(element.textContent ?? '').slice(0, 40)}"`);
      return { by, culprits };
    });
    if (result.by > 0) found.push({ path, ...result });
  }
  return found;
}

/** The header keeps the whole hospital name and a whole "Sign out" button inside a phone's width. */
async function expectWholeHeader(page: Page): Promise<void> {
  const header = page.getByRole('banner');
  const name = header.getByRole('link', { name: HOSPITAL_NAME });
  await name.waitFor();
  const size = await name.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth, scrollHeight: element.scrollHeight, clientHeight: element.clientHeight }));
  expect(size.scrollWidth <= size.clientWidth + 1 && size.scrollHeight <= size.clientHeight + 1, `the hospital name is cut: ${JSON.stringify(size)}`).toBe(true);
  const box = await header.getByRole('button', { name: 'Sign out' }).boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= PHONE).toBe(true);
  const label = await header.getByRole('button', { name: 'Sign out' }).evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
  expect(label, '"Sign out" is cut').toBe(true);
}

describe('a phone’s width', () => {
  it('no page of any role scrolls sideways at 360 px, and the header keeps the hospital name and Sign out whole', async () => {
    const failures: Overflow[] = [];

    const visitor = await openPage(world, PHONE);
    failures.push(...(await sideScrolls(visitor.page, ['/', '/doctors', `/doctors/${world.doctor.id}`, '/login', '/register'])));
    await visitor.context.close();

    const patient = await openPage(world, PHONE);
    await signIn(patient.page, world.patient);
    await expectWholeHeader(patient.page);
    const patientPaths = [...(await navPaths(patient.page)), `/app/appointments/${appointmentId}`, `/app/appointments/${appointmentId}/reschedule`];
    failures.push(...(await sideScrolls(patient.page, patientPaths)));
    await patient.context.close();

    const doctor = await openPage(world, PHONE);
    await signIn(doctor.page, world.doctor);
    const doctorPaths = [...(await navPaths(doctor.page)), `/app/patients/${world.patient.id}`, `/app/appointments/${appointmentId}`];
    failures.push(...(await sideScrolls(doctor.page, doctorPaths)));
    await doctor.context.close();

    const receptionist = { email: uniqueEmail('reception.desk.with.a.rather.long.address'), password: 'Temporary-Desk-Pass-58' };
    await world.admin.request('POST', '/api/users', { name: 'Rosalind Featherstonehaugh-Whitmore', role: 'receptionist', ...receptionist });
    const deskApi = await ApiSession.logIn(world.server.baseUrl, receptionist.email, receptionist.password);
    await deskApi.request('POST', '/api/auth/password', { currentPassword: receptionist.password, newPassword: PASSWORD });
    receptionist.password = PASSWORD;
    const desk = await openPage(world, PHONE);
    await signIn(desk.page, receptionist);
    failures.push(...(await sideScrolls(desk.page, [...(await navPaths(desk.page)), `/app/patients/${world.patient.id}`])));
    await desk.context.close();

    const admin = await openPage(world, PHONE);
    await signIn(admin.page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await expectWholeHeader(admin.page);
    const adminPaths = [
      ...(await navPaths(admin.page)),
      `/app/patients/${world.patient.id}`, `/app/doctors/${world.doctor.id}`, `/app/users/${world.patient.userId}`,
      '/app/patients/new', '/app/doctors/new', '/app/users/new', `/app/appointments/${appointmentId}`,
    ];
    failures.push(...(await sideScrolls(admin.page, adminPaths)));
    await admin.context.close();

    expect(failures).toEqual([]);
  }, JOURNEY_TIMEOUT);
});

describe('the header', () => {
  it('the bell’s count drops to zero once the notifications are marked read on the Notifications page', async () => {
    const { page, context, problems } = await openPage(world, PHONE);
    await signIn(page, world.patient);
    const { count } = await world.patient.session.request<{ count: number }>('GET', '/api/notifications/unread-count');
    expect(count).toBeGreaterThan(0);
    const bell = (unread: number) => page.getByRole('banner').getByRole('link', { name: `Notifications, ${unread} unread`, exact: true });
    await bell(count).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await bell(0).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, JOURNEY_TIMEOUT);
});

describe('the dashboard’s chart code', () => {
  /** Whether any of these scripts carries the chart library. */
  async function anyChartCode(urls: Iterable<string>): Promise<boolean> {
    for (const url of urls) {
      const text = await (await fetch(url)).text();
      if (text.includes('recharts-')) return true;
    }
    return false;
  }

  it('is neither in the start-up bundle nor loaded by other pages, and loads on the administrator’s dashboard', async () => {
    const html = await (await fetch(`${world.server.baseUrl}/`)).text();
    const startUp = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => `${world.server.baseUrl}${match[1] ?? ''}`);
    expect(startUp.length).toBeGreaterThan(0);
    await expect(anyChartCode(startUp)).resolves.toBe(false);

    const { page, context } = await openPage(world);
    const loaded = new Set<string>();
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) loaded.add(response.url());
    });
    await signIn(page, world.patient);
    for (const path of ['/app', '/app/appointments', '/app/book', '/app/notifications']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    expect(loaded.size).toBeGreaterThan(0);
    await expect(anyChartCode(loaded)).resolves.toBe(false);
    await context.close();

    const admin = await openPage(world);
    const adminLoaded = new Set<string>();
    admin.page.on('response', (response) => {
      if (response.url().endsWith('.js')) adminLoaded.add(response.url());
    });
    await signIn(admin.page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await admin.page.locator('.recharts-wrapper').first().waitFor();
    await expect(anyChartCode(adminLoaded)).resolves.toBe(true);
    await admin.context.close();
  }, JOURNEY_TIMEOUT);
});
