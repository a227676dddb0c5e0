import { expectNoViolations } from './axe.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { fillRegistration, logIn, signOut } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';

/*
 * The public home page, made entirely of what the administrator entered, and the way a visitor who wants to
 * book is asked to log in or register and then brought back to the doctor they chose.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the home page at 1280 and 360 px.
 */

let server: RunningServer;
let browser: Browser;

const hospital = {
  name: 'St Brigid’s University Hospital',
  tagline: 'Specialist care for the whole family, close to home.',
  about: 'Founded in 1921, St Brigid’s serves the city and its surrounding villages.\nOur teams work across twelve wards and two day-surgery units.',
  address: '14 Quayside Road\nPortsmouth PO1 3AX',
  phone: '+44 23 9286 0000',
  email: 'welcome@stbrigids.example.org',
  openingHours: 'Monday to Friday: 08:00–20:00\nSaturday: 09:00–13:00\nSunday: closed',
  timeZone: 'Europe/London',
};
const service = { name: 'Cardiology', description: 'Heart checks, ECGs and follow-up after a heart attack.' };
const doctorName = 'Dr Amara Okafor';
let serviceId = '';
let doctorId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const { updatedAt: _updatedAt, ...settings } = await admin.request<Record<string, unknown>>('GET', '/api/settings');
  await admin.request('PUT', '/api/settings', { ...settings, ...hospital });
  const existing = await admin.request<{ id: string; name: string }[]>('GET', '/api/specializations?all=true');
  serviceId = existing.find((item) => item.name === service.name)?.id ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name: service.name })).id;
  await admin.request('PATCH', `/api/specializations/${serviceId}`, { description: service.description, active: true });
  doctorId = (
    await admin.request<{ id: string }>('POST', '/api/doctors', {
      name: doctorName,
      email: uniqueEmail('amara'),
      phone: '+44 23 9286 0101',
      specializationId: serviceId,
      password: 'Temporary-Pass-Word-77',
    })
  ).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function bookingPath(): string {
  return `/app/book?doctor=${doctorId}`;
}

async function openHome(width = 1280): Promise<{ page: Page; close: () => Promise<void>; problems: string[] }> {
  const { page, context, problems } = await openPage(browser, server.baseUrl, width);
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: hospital.name }).waitFor();
  return { page, close: () => context.close(), problems };
}

function pathAndQuery(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

async function expectOnBookingWithDoctor(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Book an appointment' }).waitFor();
  expect(pathAndQuery(page)).toBe(bookingPath());
  const chosen = page.getByRole('radio', { name: doctorName });
  await chosen.waitFor();
  await expect(chosen.isChecked()).resolves.toBe(true);
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.HMS_E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/home-${name}.png`, fullPage: true });
}

async function registerAccount(email: string, password: string): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name: 'Farah Siddiqui', dateOfBirth: '1979-11-03', gender: 'female', phone: '+44 23 9286 0202' }),
  });
  expect(response.status).toBe(201);
}

describe('the home page', () => {
  it('shows the name, tagline, about text, services, doctors and contact details the administrator entered', async () => {
    const { page, close, problems } = await openHome();
    await page.getByText(hospital.tagline).waitFor();
    await expect(page.title()).resolves.toBe(hospital.name);

    const about = page.getByRole('region', { name: 'About us' });
    await expect(about.innerText()).resolves.toContain('Founded in 1921, St Brigid’s serves the city and its surrounding villages.\nOur teams');

    const services = page.getByRole('region', { name: 'Our services' });
    await services.getByRole('heading', { level: 3, name: service.name }).waitFor();
    await services.getByText(service.description).waitFor();
    const seeDoctors = services.getByRole('link', { name: `See our 1 doctor in ${service.name}` });
    await expect(seeDoctors.getAttribute('href')).resolves.toBe(`/doctors?specialization=${serviceId}`);

    const doctors = page.getByRole('region', { name: 'Our doctors' });
    await expect(doctors.getByRole('link', { name: doctorName, exact: true }).getAttribute('href')).resolves.toBe(`/doctors/${doctorId}`);
    await doctors.getByText(service.name).waitFor();
    await expect(doctors.getByRole('link', { name: `Book an appointment with ${doctorName}` }).getAttribute('href')).resolves.toBe(bookingPath());

    const visit = page.getByRole('region', { name: 'Visit us' });
    await expect(visit.innerText()).resolves.toContain('14 Quayside Road\nPortsmouth PO1 3AX');
    await expect(visit.getByRole('link', { name: hospital.phone }).getAttribute('href')).resolves.toBe('tel:+442392860000');
    await expect(visit.getByRole('link', { name: hospital.email }).getAttribute('href')).resolves.toBe(`mailto:${hospital.email}`);
    await expect(visit.innerText()).resolves.toContain('Monday to Friday: 08:00–20:00\nSaturday: 09:00–13:00\nSunday: closed');
    await visit.getByText(/Opening hours and appointment times are in .+ \(Europe\/London\)\./).waitFor();

    const footer = page.getByRole('contentinfo');
    await footer.getByText(hospital.name).waitFor();
    await expect(footer.getByRole('link', { name: hospital.phone }).getAttribute('href')).resolves.toBe('tel:+442392860000');

    await shoot(page, '1280');
    await seeDoctors.click();
    await page.getByRole('heading', { level: 1, name: 'Our doctors' }).waitFor();
    // The list of specializations loads after the page: wait for the chosen one to be selected.
    await expect.poll(() => page.getByLabel('Specialization').inputValue()).toBe(serviceId);
    await page.getByRole('link', { name: doctorName, exact: true }).waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('"Register as a patient" leads to the registration form', async () => {
    const { page, close } = await openHome();
    await page.getByRole('main').getByRole('link', { name: 'Register as a patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register as a patient' }).waitFor();
    await page.getByLabel('Full name').waitFor();
    await close();
  });

  for (const width of [1280, 360]) {
    it(`has no axe violations at ${width}px`, async () => {
      const { page, close } = await openHome(width);
      await page.getByRole('region', { name: 'Visit us' }).waitFor();
      await expectNoViolations(page, `/ at ${width}px`);
      await close();
    });
  }

  it('fits a 360px screen without scrolling sideways', async () => {
    const { page, close } = await openHome(360);
    await page.getByRole('region', { name: 'Our doctors' }).waitFor();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await shoot(page, '360');
    await close();
  });
});

describe('booking from the home page', () => {
  it('a new visitor is asked to log in, registers instead, and lands on booking with the doctor chosen', async () => {
    const { page, close, problems } = await openHome();
    await page.getByRole('link', { name: `Book an appointment with ${doctorName}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(pathAndQuery(page)).toBe(`/login?next=${encodeURIComponent(bookingPath())}`);
    await page.getByText('Log in or register to book your appointment.').waitFor();
    await expectNoViolations(page, 'login on the way to booking');

    await page.getByRole('main').getByRole('link', { name: 'Register as a patient' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register as a patient' }).waitFor();
    expect(pathAndQuery(page)).toBe(`/register?next=${encodeURIComponent(bookingPath())}`);
    await fillRegistration(page, { name: 'Jonas Lindqvist', email: uniqueEmail('jonas'), password: 'Harbour-Lamp-Violet-81' });
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectOnBookingWithDoctor(page);

    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: hospital.name }).waitFor();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Book an appointment', exact: true }).getAttribute('href')).resolves.toBe('/app/book');
    await main.getByRole('link', { name: 'Go to my dashboard' }).waitFor();
    await expect(main.getByRole('link', { name: 'Log in' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('an existing patient logs in and lands on booking with the doctor chosen', async () => {
    const email = uniqueEmail('farah');
    const password = 'Orchard-Signal-Pebble-36';
    await registerAccount(email, password);
    const { page, close } = await openHome();
    await page.getByRole('link', { name: `Book an appointment with ${doctorName}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await logIn(page, email, password);
    await expectOnBookingWithDoctor(page);
    await close();
  });

  it('a visitor who followed "Log in" from the registration form still returns to booking', async () => {
    const email = uniqueEmail('idris');
    const password = 'Granary-Willow-Comet-19';
    await registerAccount(email, password);
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto(`/register?next=${encodeURIComponent(bookingPath())}`);
    await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(pathAndQuery(page)).toBe(`/login?next=${encodeURIComponent(bookingPath())}`);
    await logIn(page, email, password);
    await expectOnBookingWithDoctor(page);
    await context.close();
  });

  it('an unsafe next address is ignored: logging in goes to the dashboard', async () => {
    const email = uniqueEmail('mei');
    const password = 'Lantern-Thistle-Copper-52';
    await registerAccount(email, password);
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto('/login?next=//evil.example');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await expect(page.getByRole('main').getByRole('link', { name: 'Register as a patient' }).getAttribute('href')).resolves.toBe('/register');
    await logIn(page, email, password);
    await page.getByRole('heading', { level: 1, name: 'Patient dashboard' }).waitFor();
    expect(new URL(page.url()).origin).toBe(server.baseUrl);
    expect(pathAndQuery(page)).toBe('/app');

    await signOut(page);
    expect(pathAndQuery(page)).toBe('/login');
    await context.close();
  });
});
