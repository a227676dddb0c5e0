import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDriver } from '../server/src/db/sqlite.ts';
import { ApiSession } from './api.ts';
import { logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, type RunningServer } from './harness.ts';
import { addDays, expectNoViolations, heading, localParts, shot, weekdayOf } from './scheduling.helpers.ts';

/*
 * The admin dashboard against a small, known hospital: three doctors, four patients and seven appointments,
 * five of them today (one of each status but confirmed) and two with Dr Cleo Varga three days ahead.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the dashboard at 1280 and 360 px.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;

const SEED_TIMEOUT = 300_000;
const TEST_TIMEOUT = 180_000;

const world = {
  timeZone: '',
  today: '',
  /** Ids of the appointments, by a short name. */
  ids: {} as Record<'adaCompleted' | 'benNoShow' | 'adaRequested' | 'benCancelled' | 'adaDeclined' | 'cleoConfirmed' | 'cleoOldRequest', string>,
  /** Today's first slot (HH:MM in the hospital's zone) and the one after it. */
  first: '',
  second: '',
  third: '',
};

const patients = ['Amara Okafor', 'Priya Raman', 'Tariq Aziz', 'Noor Haddad'] as const;

interface Created {
  id: string;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The UTC instant at which the hospital's clock shows date + HH:MM. */
function instantAt(date: string, time: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const shown = localParts(new Date(guess), timeZone);
  const shownMs = Date.parse(`${shown.date}T${hhmm(shown.hour * 60 + shown.minute)}:00Z`);
  return new Date(guess - (shownMs - guess)).toISOString();
}

/** "3 Nov", as the dashboard names days. */
const shortDay = (date: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${date}T00:00:00Z`));

/** A zone in which it is daytime now, so that today's appointments a few minutes ahead stay on today's date there. */
function daytimeZone(): string {
  const now = new Date();
  return (
    ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'].find((zone) => {
      const { hour } = localParts(now, zone);
      return hour >= 6 && hour < 20;
    }) ?? 'Asia/Tokyo'
  );
}

async function book(doctorId: string, patientId: string, start: string): Promise<string> {
  return (await admin.request<Created>('POST', '/api/appointments', { doctorId, patientId, start, reason: 'Follow-up visit' })).id;
}

/** Moves the request's creation two days back: the API only ever stamps "now", and the dashboard lists requests older than a day. */
function backdateRequest(id: string): void {
  const Driver = loadDriver();
  const db = new Driver(path.join(server.dataDir, 'hms.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    db.prepare('UPDATE appointments SET created_at = ? WHERE id = ?').run(twoDaysAgo, id);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);

  const { updatedAt: _updatedAt, ...settings } = await admin.request<Record<string, unknown>>('GET', '/api/settings');
  world.timeZone = daytimeZone();
  await admin.request('PUT', '/api/settings', {
    ...settings, timeZone: world.timeZone, approvalMode: 'manual', minNoticeMinutes: 0, bookingHorizonDays: 60, cancellationNoticeHours: 0, maxOpenRequestsPerPatient: 5,
    // The dashboard counts outcomes: its completed visit is completed directly, without a consultation.
    requireSignedConsultation: false,
  });

  const nephrology = await admin.request<Created>('POST', '/api/specializations', { name: 'Nephrology' });
  const rheumatology = await admin.request<Created>('POST', '/api/specializations', { name: 'Rheumatology' });
  const doctor = async (name: string, email: string, specializationId: string) =>
    (await admin.request<Created>('POST', '/api/doctors', { name, email, phone: '+44 20 7946 0101', specializationId, password: 'Temporary-Pass-Word-77' })).id;
  const ada = await doctor('Dr Ada Mensah', 'ada.mensah@example.test', nephrology.id);
  const ben = await doctor('Dr Ben Okoro', 'ben.okoro@example.test', rheumatology.id);
  const cleo = await doctor('Dr Cleo Varga', 'cleo.varga@example.test', rheumatology.id);
  const [amara, priya, tariq, noor] = await Promise.all(
    patients.map(async (name) => (await admin.request<Created>('POST', '/api/patients', { name, dateOfBirth: '1984-06-02', gender: 'other', phone: '+44 20 7946 0999' })).id),
  );
  if (!amara || !priya || !tariq || !noor) throw new Error('patients were not created');

  // Dr Cleo Varga works 09:00-11:00 in 30-minute slots on one weekday: 4 slots a week, 8 in the next 14 days.
  const now = localParts(new Date(), world.timeZone);
  world.today = now.date;
  const later = addDays(now.date, 3);
  await admin.request('PUT', `/api/doctors/${cleo}/availability`, { slotMinutes: 30, weekly: [{ weekday: weekdayOf(later), start: '09:00', end: '11:00' }] });
  world.ids.cleoConfirmed = await book(cleo, amara, instantAt(later, '09:00', world.timeZone));
  await admin.request('POST', `/api/appointments/${world.ids.cleoConfirmed}/confirm`, {});
  world.ids.cleoOldRequest = await book(cleo, priya, instantAt(later, '09:30', world.timeZone));
  backdateRequest(world.ids.cleoOldRequest);

  // Dr Ada Mensah and Dr Ben Okoro get 10-minute slots starting two minutes from now.
  const start = now.hour * 60 + now.minute + 2;
  [world.first, world.second, world.third] = [hhmm(start), hhmm(start + 10), hhmm(start + 20)];
  const today = [{ weekday: weekdayOf(now.date), start: world.first, end: hhmm(start + 30) }];
  for (const id of [ada, ben]) await admin.request('PUT', `/api/doctors/${id}/availability`, { slotMinutes: 10, weekly: today });
  const at = (time: string) => instantAt(now.date, time, world.timeZone);
  world.ids.adaCompleted = await book(ada, amara, at(world.first));
  world.ids.benNoShow = await book(ben, priya, at(world.first));
  world.ids.adaRequested = await book(ada, tariq, at(world.second));
  world.ids.benCancelled = await book(ben, noor, at(world.second));
  world.ids.adaDeclined = await book(ada, noor, at(world.third));
  for (const id of [world.ids.adaCompleted, world.ids.benNoShow]) await admin.request('POST', `/api/appointments/${id}/confirm`, {});
  await admin.request('POST', `/api/appointments/${world.ids.benCancelled}/cancel`, { reason: 'The patient phoned to cancel' });
  await admin.request('POST', `/api/appointments/${world.ids.adaDeclined}/reject`, { reason: 'Referred elsewhere' });
  // Their hours then end, so that their share of booked time does not change while the test runs.
  for (const id of [ada, ben]) await admin.request('PUT', `/api/doctors/${id}/availability`, { slotMinutes: 10, weekly: [] });

  // An outcome can be recorded once the appointment has started.
  const firstStart = Date.parse(at(world.first));
  while (Date.now() <= firstStart) await new Promise((resolve) => setTimeout(resolve, 500));
  await admin.request('POST', `/api/appointments/${world.ids.adaCompleted}/complete`, {});
  await admin.request('POST', `/api/appointments/${world.ids.benNoShow}/no-show`, {});
}, SEED_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------- helpers

/** Console errors of the pages opened by openDashboard. */
const consoleProblems: string[] = [];

async function openDashboard(width = 1280): Promise<Page> {
  const { page, problems } = await openPage(browser, server.baseUrl, width);
  page.on('close', () => consoleProblems.push(...problems));
  page.setDefaultTimeout(30_000);
  await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
  await heading(page, 'Admin dashboard');
  await page.getByRole('heading', { level: 2, name: 'Hospital overview' }).waitFor();
  await page.getByRole('figure').first().waitFor();
  return page;
}

function statValue(page: Page, label: string): Locator {
  return page.locator('dl > div').filter({ has: page.locator('dt').getByText(label, { exact: true }) }).locator('dd');
}

function figure(page: Page, title: string): Locator {
  return page.getByRole('figure', { name: title, exact: true });
}

/** Opens the figure's table and answers the region that holds it. */
async function showTable(page: Page, title: string): Promise<Locator> {
  await figure(page, title).getByRole('button', { name: `Show as table: ${title}` }).click();
  const region = page.getByRole('region', { name: `${title}, as a table` });
  await region.getByRole('table').waitFor();
  return region;
}

/** The data cells of the row whose header is `name`. */
async function rowCells(region: Locator, name: string): Promise<string[]> {
  const row = region.getByRole('row').filter({ has: region.page().getByRole('rowheader', { name, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

const allTitles = ['Appointments per day', 'Appointments by specialization', 'No-show rate per doctor', 'Utilisation per doctor'];

// ---------------------------------------------------------------- tests

describe('the admin dashboard', () => {
  it('shows the headline numbers of the hospital', async () => {
    const page = await openDashboard();
    const expected: [string, string][] = [
      ['Active patients', '4'], ['Active doctors', '3'], ['All appointments', '7'],
      ['Requested', '2'], ['Confirmed', '1'], ['Completed', '1'], ['No-show', '1'], ['Cancelled', '1'], ['Declined', '1'],
    ];
    for (const [label, value] of expected) await expect(statValue(page, label).innerText(), label).resolves.toBe(value);
    await page.getByText(`(${world.timeZone} time)`).waitFor();
    await page.context().close();
    expect(consoleProblems).toEqual([]);
  }, TEST_TIMEOUT);

  it('lists the request waiting more than a day and today’s appointments, each linking to the appointment', async () => {
    const page = await openDashboard();
    const pending = page.getByRole('region', { name: 'Requests waiting more than a day' });
    await pending.getByText('2 requests waiting for a decision; 1 has waited more than a day.').waitFor();
    const oldRequest = pending.getByRole('link', { name: 'Priya Raman with Dr Cleo Varga' });
    await expect(oldRequest.getAttribute('href')).resolves.toBe(`/app/appointments/${world.ids.cleoOldRequest}`);
    await expect(pending.getByRole('listitem').count()).resolves.toBe(1);

    const today = page.getByRole('region', { name: 'Today’s appointments', exact: true });
    await today.getByText(`5 appointments. Times in ${world.timeZone} (hospital time).`).waitFor();
    const table = today.getByRole('region', { name: 'Today’s appointments, as a table' }).getByRole('table');
    const links: [string, string, string, string][] = [
      [world.ids.adaCompleted, world.first, 'Amara Okafor with Dr Ada Mensah', 'Completed'],
      [world.ids.benNoShow, world.first, 'Priya Raman with Dr Ben Okoro', 'No-show'],
      [world.ids.adaRequested, world.second, 'Tariq Aziz with Dr Ada Mensah', 'Requested'],
      [world.ids.benCancelled, world.second, 'Noor Haddad with Dr Ben Okoro', 'Cancelled'],
      [world.ids.adaDeclined, world.third, 'Noor Haddad with Dr Ada Mensah', 'Declined'],
    ];
    for (const [id, time, who, status] of links) {
      const name = new RegExp(`^${time}–\\d\\d:\\d\\d, ${who}$`);
      await expect(table.getByRole('link', { name }).getAttribute('href'), who).resolves.toBe(`/app/appointments/${id}`);
      await table.getByRole('row').filter({ has: page.getByRole('link', { name }) }).getByText(status, { exact: true }).waitFor();
    }

    await oldRequest.click();
    await heading(page, 'Appointment');
    await page.getByText('Priya Raman', { exact: false }).first().waitFor();
    await page.goBack();
    await heading(page, 'Admin dashboard');
    await table.getByRole('link', { name: /Tariq Aziz with Dr Ada Mensah/ }).click();
    await heading(page, 'Appointment');
    expect(new URL(page.url()).pathname).toBe(`/app/appointments/${world.ids.adaRequested}`);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('captions every chart and says in words and in a table what it shows', async () => {
    const page = await openDashboard();
    for (const title of allTitles) await figure(page, title).getByRole('heading', { level: 3, name: title }).waitFor();
    for (const title of allTitles) await expect(figure(page, title).locator('svg').first().isVisible(), title).resolves.toBe(true);

    // Per day: the five appointments of today, one of each status but confirmed.
    const from = shortDay(addDays(world.today, -29));
    const day = shortDay(world.today);
    await figure(page, 'Appointments per day').getByText(`5 appointments in the last 30 days (${from} – ${day}); busiest day ${day} with 5.`).waitFor();
    const perDay = await showTable(page, 'Appointments per day');
    await perDay.getByText(`Appointments per day by status, ${from} – ${day}`).waitFor();
    await expect(perDay.getByRole('columnheader').allInnerTexts()).resolves.toEqual(['Date', 'Requested', 'Confirmed', 'Completed', 'No-show', 'Cancelled', 'Declined', 'Total']);
    await expect(perDay.getByRole('row').count()).resolves.toBe(31);
    await expect(rowCells(perDay, day)).resolves.toEqual(['1', '0', '1', '1', '1', '1', '5']);
    await expect(rowCells(perDay, shortDay(addDays(world.today, -1)))).resolves.toEqual(['0', '0', '0', '0', '0', '0', '0']);

    // By specialization: Dr Ada Mensah's three for nephrology, Dr Ben Okoro's two for rheumatology.
    await figure(page, 'Appointments by specialization').getByText('5 appointments across 2 specializations; busiest: Nephrology with 3.').waitFor();
    const bySpecialization = await showTable(page, 'Appointments by specialization');
    await bySpecialization.getByText(`Appointments by specialization and status, ${from} – ${day}`).waitFor();
    await expect(rowCells(bySpecialization, 'Nephrology')).resolves.toEqual(['1', '0', '1', '0', '0', '1', '3']);
    await expect(rowCells(bySpecialization, 'Rheumatology')).resolves.toEqual(['0', '0', '0', '1', '1', '0', '2']);

    // No-shows: Dr Ben Okoro missed his one, Dr Ada Mensah completed hers.
    await figure(page, 'No-show rate per doctor')
      .getByText('1 of 2 completed or missed appointments was a no-show (50%); highest rate: Dr Ben Okoro, 100% (1 of 1).')
      .waitFor();
    const noShows = await showTable(page, 'No-show rate per doctor');
    await expect(rowCells(noShows, 'Dr Ben Okoro')).resolves.toEqual(['0', '1', '100%']);
    await expect(rowCells(noShows, 'Dr Ada Mensah')).resolves.toEqual(['1', '0', '0%']);

    // Utilisation: Dr Cleo Varga has 2 of her 8 slots booked; the other two have no hours left.
    await figure(page, 'Utilisation per doctor')
      .getByText('2 of 8 slots booked over the next 14 days (25%); busiest: Dr Cleo Varga, 25%. 2 doctors have no hours in this period.')
      .waitFor();
    const utilisation = await showTable(page, 'Utilisation per doctor');
    await utilisation.getByText('Booked and available slots per doctor, next 14 days').waitFor();
    await expect(rowCells(utilisation, 'Dr Cleo Varga')).resolves.toEqual(['2', '8', '25%']);
    await expect(rowCells(utilisation, 'Dr Ada Mensah')).resolves.toEqual(['0', '0', 'No hours']);

    // The charts themselves stay out of the accessibility tree: the summary and the table say it all.
    for (const title of allTitles) {
      await expect(figure(page, title).locator('[aria-hidden="true"]').filter({ has: page.locator('svg') }).count(), title).resolves.toBeGreaterThan(0);
    }
    await page.context().close();
  }, TEST_TIMEOUT);

  it('opens a chart’s table from the keyboard and lets the keyboard scroll it', async () => {
    const page = await openDashboard(360);
    const toggle = figure(page, 'Appointments per day').getByRole('button', { name: /table: Appointments per day$/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(toggle.getAttribute('aria-label')).resolves.toBe('Hide table: Appointments per day');
    await page.keyboard.press('Tab');
    const region = page.getByRole('region', { name: 'Appointments per day, as a table' });
    await expect(region.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await toggle.click();
    await expect(region.isHidden()).resolves.toBe(true);
    await page.context().close();
  }, TEST_TIMEOUT);

  it('fits a 360 px screen without scrolling the page sideways', async () => {
    const page = await openDashboard(360);
    for (const title of allTitles) await showTable(page, title);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const title of allTitles) {
      const width = await figure(page, title).locator('svg').first().evaluate((svg) => svg.getBoundingClientRect().width);
      expect(width, title).toBeLessThanOrEqual(360);
    }
    await page.context().close();
  }, TEST_TIMEOUT);

  it('shows new figures after Refresh, keeping the focus on the button', async () => {
    const page = await openDashboard();
    await expect(statValue(page, 'Confirmed').innerText()).resolves.toBe('1');
    await admin.request('POST', `/api/appointments/${world.ids.adaRequested}/confirm`, {});
    const refresh = page.getByRole('button', { name: 'Refresh' });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => statValue(page, 'Confirmed').innerText()).toBe('2');
    await expect(refresh.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(statValue(page, 'Requested').innerText()).resolves.toBe('1');
    await page.getByRole('region', { name: 'Requests waiting more than a day' }).getByText('1 request waiting for a decision; 1 has waited more than a day.').waitFor();
    await page.context().close();
  }, TEST_TIMEOUT);
});

describe('accessibility (axe) of the admin dashboard', () => {
  for (const width of [1280, 360]) {
    it(`has no violations at ${width}px, with the tables hidden and shown`, async () => {
      const page = await openDashboard(width);
      await expectNoViolations(page, `admin dashboard at ${width}px`);
      await shot(page, `admin-dashboard-${width}`);
      for (const title of allTitles) await showTable(page, title);
      await shot(page, `admin-dashboard-tables-${width}`);
      await expectNoViolations(page, `admin dashboard with tables at ${width}px`);
      await page.context().close();
      expect(consoleProblems).toEqual([]);
    }, TEST_TIMEOUT);
  }
});
