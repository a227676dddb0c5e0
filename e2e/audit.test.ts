import { expectNoViolations } from './axe.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';
import { addDays, localParts } from './scheduling.helpers.ts';

/*
 * The administrator's audit log and CSV exports in a real browser: filters kept in the address, expandable
 * details, the chain check, downloads that carry the filters, and "not found" for everyone else.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;

const PASSWORD = 'Violet-Harbour-Teapot-19';
const world = {
  timeZone: 'UTC',
  today: '',
  receptionist: { id: '', name: 'Tomás Rivera', email: '' },
  patient: { name: 'Quentin Zephyrine', email: '' },
  doctor: { id: '', name: 'Dr Lena Fischer' },
  confirmedId: '',
  requestedId: '',
  bookingDay: '',
};

interface AuditItem {
  seq: number;
  action: string;
  outcome: string;
  actorId: string | null;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);

  // Settings change (audited with before and after).
  const { updatedAt: _updatedAt, ...settings } = await admin.request<Record<string, unknown> & { bookingHorizonDays: number; timeZone: string }>(
    'GET',
    '/api/settings',
  );
  await admin.request('PUT', '/api/settings', {
    ...settings, approvalMode: 'manual', minNoticeMinutes: 0, maxOpenRequestsPerPatient: 5, bookingHorizonDays: settings.bookingHorizonDays + 1,
  });
  world.timeZone = settings.timeZone;
  world.today = localParts(new Date(), world.timeZone).date;

  // A new staff user, who signs in once and then fails once.
  world.receptionist.email = uniqueEmail('tomas');
  const user = await admin.request<{ id: string }>('POST', '/api/users', {
    name: world.receptionist.name, email: world.receptionist.email, role: 'receptionist', password: PASSWORD,
  });
  world.receptionist.id = user.id;
  await ApiSession.logIn(server.baseUrl, world.receptionist.email, PASSWORD);
  const failed = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: world.receptionist.email, password: 'not the right password' }),
  });
  expect(failed.status).toBe(401);

  // A patient with two appointments with one doctor, one of them confirmed.
  world.patient.email = uniqueEmail('quentin');
  const registered = await fetch(`${server.baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: world.patient.email, password: PASSWORD, name: world.patient.name, dateOfBirth: '1979-11-03', gender: 'male', phone: '+44 20 7946 0555' }),
  });
  expect(registered.status).toBe(201);
  const { user: { patientId } } = (await registered.json()) as { user: { patientId: string } };
  // Each read of a patient's record is audited: enough of them for more than one page of the log.
  for (let i = 0; i < 55; i += 1) await admin.request('GET', `/api/patients/${patientId}`);
  const patient = await ApiSession.logIn(server.baseUrl, world.patient.email, PASSWORD);
  const specializations = await admin.request<{ id: string }[]>('GET', '/api/specializations');
  const specialization = specializations[0] ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name: 'Cardiology' }));
  const doctor = await admin.request<{ id: string }>('POST', '/api/doctors', {
    name: world.doctor.name, email: uniqueEmail('lena'), phone: '+44 20 7946 0101', specializationId: specialization.id, password: PASSWORD,
  });
  world.doctor.id = doctor.id;
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  await admin.request('PUT', `/api/doctors/${doctor.id}/availability`, { slotMinutes: 30, weekly });
  world.bookingDay = addDays(world.today, 3);
  const { slots } = await patient.request<{ slots: { start: string }[] }>('GET', `/api/doctors/${doctor.id}/slots?from=${world.bookingDay}&to=${world.bookingDay}`);
  const [first, second] = slots;
  if (!first || !second) throw new Error('The doctor has fewer than two free slots on the booking day');
  world.confirmedId = (await patient.request<{ id: string }>('POST', '/api/appointments', { doctorId: doctor.id, start: first.start, reason: 'Chest pain' })).id;
  world.requestedId = (await patient.request<{ id: string }>('POST', '/api/appointments', { doctorId: doctor.id, start: second.start, reason: 'Follow-up' })).id;
  await admin.request('POST', `/api/appointments/${world.confirmedId}/confirm`, {});
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------- helpers

async function adminPage(width = 1280) {
  const opened = await openPage(browser, server.baseUrl, width);
  await logInToDashboard(opened.page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
  return opened;
}

async function openFromNav(page: Page, label: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const entriesRegion = (page: Page) => page.getByRole('region', { name: 'Audit entries' });

/** The entry rows of the table (not the opened details rows): entry number, action and outcome of each. */
function shownEntries(page: Page): Promise<{ seq: number; actor: string; action: string; outcome: string }[]> {
  return entriesRegion(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      (rows as HTMLTableRowElement[])
        .filter((row) => row.cells.length > 1)
        .map((row) => ({
          seq: Number(row.cells[0]?.textContent),
          actor: row.cells[2]?.querySelector('p')?.textContent ?? '',
          action: row.cells[3]?.textContent ?? '',
          outcome: row.cells[5]?.textContent ?? '',
        })),
    );
}

/** The entries the API lists for the filters: the first page of the web page's size unless told otherwise. */
async function auditItems(query: string, limit = 50): Promise<AuditItem[]> {
  return (await admin.request<{ items: AuditItem[] }>('GET', `/api/audit?limit=${limit}&${query}`)).items;
}

async function applyFilters(page: Page, fill: () => Promise<void>, expectedSearch: RegExp): Promise<void> {
  await fill();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(expectedSearch);
}

/** Waits until the table shows exactly the entries the API lists for the same filters. */
async function expectEntriesOf(page: Page, query: string): Promise<AuditItem[]> {
  const items = await auditItems(query);
  expect(items.length).toBeGreaterThan(0);
  await expect.poll(async () => (await shownEntries(page)).map((entry) => entry.seq)).toEqual(items.map((item) => item.seq));
  return items;
}

/** CSV records without the byte order mark; cells split naively (the columns read here hold no commas). */
function csvRows(text: string): string[][] {
  return text
    .replace('\uFEFF', '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}

async function download(page: Page, link: Locator): Promise<{ type: string; rows: string[][] }> {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('The link has no address');
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  return { type: response.headers()['content-type'] ?? '', rows: csvRows(await response.text()) };
}

// ---------------------------------------------------------------- audit log

describe('the audit log', () => {
  it('filters by action and outcome in the address, opens details, verifies the chain and exports the filtered view', async () => {
    const { page, context, problems } = await adminPage();
    await openFromNav(page, 'Audit log', 'Audit log');
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H1 Audit log');
    await page.getByRole('status').filter({ hasText: /entries, newest first/ }).waitFor();

    await applyFilters(
      page,
      async () => {
        await page.getByRole('combobox', { name: 'Action' }).fill('user.create');
        await page.getByRole('combobox', { name: 'Outcome' }).selectOption('success');
      },
      /action=user\.create&outcome=success/,
    );
    await expectEntriesOf(page, 'action=user.create&outcome=success');
    const { user: adminUser } = await admin.request<{ user: { name: string } }>('GET', '/api/auth/session');
    const rows = await shownEntries(page);
    expect(new Set(rows.map((row) => `${row.action} ${row.outcome}`))).toEqual(new Set(['user.create Success']));
    // The newest is the receptionist the administrator created; the oldest, the first administrator made at start-up.
    expect([rows[0]?.actor, rows[rows.length - 1]?.actor]).toEqual([adminUser.name, 'System or anonymous']);
    await page.getByRole('status').filter({ hasText: /matching these filters/ }).waitFor();

    await applyFilters(
      page,
      async () => {
        await page.getByRole('combobox', { name: 'Action' }).fill('auth.login');
        await page.getByRole('combobox', { name: 'Outcome' }).selectOption('failure');
      },
      /action=auth\.login&outcome=failure/,
    );
    await expectEntriesOf(page, 'action=auth.login&outcome=failure');
    expect((await shownEntries(page)).every((row) => row.action === 'auth.login' && row.outcome === 'Failure')).toBe(true);
    await expect(page.getByRole('button', { name: 'Apply filters' }).evaluate((button) => button === document.activeElement)).resolves.toBe(true);

    // The export link carries the same filters, and the file holds the same rows.
    const exportLink = page.getByRole('link', { name: 'Export CSV' });
    await expect(exportLink.getAttribute('href')).resolves.toBe('/api/audit/export.csv?action=auth.login&outcome=failure');
    const csv = await download(page, exportLink);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const [header, ...records] = csv.rows;
    expect(header?.slice(0, 9)).toEqual(['seq', 'id', 'at', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'outcome']);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((cells) => cells[5] === 'auth.login' && cells[8] === 'failure')).toBe(true);
    expect(records.map((cells) => Number(cells[0]))).toEqual((await shownEntries(page)).map((entry) => entry.seq));

    // The back button returns to the previous filtered view, form included.
    await page.goBack();
    await page.waitForURL(/action=user\.create&outcome=success/);
    await expect.poll(() => page.getByRole('combobox', { name: 'Action' }).inputValue()).toBe('user.create');
    await expectEntriesOf(page, 'action=user.create&outcome=success');

    // A settings change opens to show what changed.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.search === '');
    // The form resets to the cleared address once the unfiltered list is shown: type only after that.
    await page.getByRole('status').filter({ hasText: /entries, newest first/ }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Action' }).inputValue()).toBe('');
    await applyFilters(page, () => page.getByRole('combobox', { name: 'Action' }).fill('settings.update'), /action=settings\.update$/);
    const [change] = await expectEntriesOf(page, 'action=settings.update');
    const toggle = page.getByRole('button', { name: `Show details of entry ${change?.seq}` });
    await toggle.click();
    const opened = page.getByRole('button', { name: `Hide details of entry ${change?.seq}` });
    await expect(opened.getAttribute('aria-expanded')).resolves.toBe('true');
    const details = page.locator(`#${await opened.getAttribute('aria-controls')}`);
    await expect(details.textContent()).resolves.toMatch(/"before": \{[\s\S]*"bookingHorizonDays"[\s\S]*"after": \{/);
    await expectNoViolations(page, 'audit log with details at 1280px');

    // The chain check reports in a status region.
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const report = page.getByRole('status').filter({ hasText: 'Chain intact' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(/All \d+ entries were checked/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters by a searched actor and by hospital dates, and says when nothing matches or the filters are refused', async () => {
    const { page, context, problems } = await adminPage();
    await page.goto('/app/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('combobox', { name: 'Actor' }).fill('Tomás');
    await page.getByRole('option', { name: `${world.receptionist.name} (${world.receptionist.email})` }).click();
    await page.getByRole('textbox', { name: 'From date' }).fill(addDays(world.today, -1));
    await page.getByRole('textbox', { name: 'To date' }).fill(addDays(world.today, 1));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(new RegExp(`actorId=${world.receptionist.id}`));
    const items = await expectEntriesOf(page, `actorId=${world.receptionist.id}`);
    expect(items.map((item) => item.action)).toContain('auth.login');
    expect((await shownEntries(page)).every((row) => row.actor === world.receptionist.name)).toBe(true);

    // Reloading the bookmarked address shows the same view, with the actor named in the form.
    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: 'Actor' }).inputValue()).toBe(`${world.receptionist.name} (${world.receptionist.email})`);
    await expectEntriesOf(page, `actorId=${world.receptionist.id}`);

    await page.getByRole('textbox', { name: 'From date' }).fill('2001-01-01');
    await page.getByRole('textbox', { name: 'To date' }).fill('2001-01-31');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('status').filter({ hasText: 'No audit entry matches these filters.' }).waitFor();
    await expect(entriesRegion(page).count()).resolves.toBe(0);

    await page.getByRole('textbox', { name: 'To date' }).fill('2000-12-31');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('alert').filter({ hasText: 'The end date is before the start date' }).waitFor();
    expect(page.url()).toContain('to=2001-01-31');

    // An address edited by hand into a filter the server refuses says why instead of showing a table.
    await page.goto(`/app/audit?entityId=${'x'.repeat(65)}`);
    await page.getByRole('alert').filter({ hasText: 'Could not load the audit log' }).waitFor();
    await expect(entriesRegion(page).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows fifty entries at a time and the next ones with "Load more"', async () => {
    const { page, context, problems } = await adminPage();
    await page.goto('/app/audit?action=patient.read');
    await page.getByRole('status').filter({ hasText: '50+ entries matching these filters, newest first.' }).waitFor();
    const all = await auditItems('action=patient.read', 200);
    expect(all.length).toBeGreaterThan(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('status').filter({ hasText: `${all.length} entries matching these filters, newest first.` }).waitFor();
    expect((await shownEntries(page)).map((entry) => entry.seq)).toEqual(all.map((item) => item.seq));
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no axe violations at 360px, and its table scrolls inside a focusable region', async () => {
    const { page, context } = await adminPage(360);
    await page.goto('/app/audit?action=settings.update');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const region = entriesRegion(page);
    await region.waitFor();
    await expect(region.getAttribute('tabindex')).resolves.toBe('0');
    await expect(region.evaluate((node) => node.scrollWidth > node.clientWidth)).resolves.toBe(true);
    await expectNoViolations(page, 'audit log at 360px');
    await page.getByRole('button', { name: /^Show details of entry/ }).first().click();
    await page.getByRole('button', { name: /^Hide details of entry/ }).waitFor();
    await expectNoViolations(page, 'audit log with details at 360px');
    await context.close();
  });
});

// ---------------------------------------------------------------- exports

describe('the exports page', () => {
  it('downloads the patients and appointments matching the filters as CSV, and each download is audited', async () => {
    const { page, context, problems } = await adminPage();
    await openFromNav(page, 'Exports', 'Exports');
    await page.getByText('Every download is recorded in the audit log').waitFor();
    await expectNoViolations(page, 'exports at 1280px');

    const patientsLink = page.getByRole('link', { name: 'Download CSV of patients' });
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('Zephyrine');
    await expect(patientsLink.getAttribute('href')).resolves.toBe('/api/admin/export/patients.csv?q=Zephyrine');
    const patients = await download(page, patientsLink);
    expect(patients.type).toBe('text/csv; charset=utf-8');
    expect(patients.rows[0]?.slice(0, 2)).toEqual(['id', 'name']);
    expect(patients.rows.slice(1).map((cells) => cells[1])).toEqual([world.patient.name]);
    await page.getByRole('combobox', { name: 'Patient status' }).selectOption({ label: 'Deactivated only' });
    await expect(patientsLink.getAttribute('href')).resolves.toBe('/api/admin/export/patients.csv?q=Zephyrine&active=false');
    expect((await download(page, patientsLink)).rows).toHaveLength(1);

    const appointmentsLink = page.getByRole('link', { name: 'Download CSV of appointments' });
    await page.getByRole('checkbox', { name: 'Confirmed' }).check();
    await page.getByRole('combobox', { name: 'Doctor' }).selectOption({ label: world.doctor.name });
    await page.getByRole('textbox', { name: 'From date' }).fill(world.bookingDay);
    await page.getByRole('textbox', { name: 'To date' }).fill(world.bookingDay);
    const href = await appointmentsLink.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/admin/export/appointments\\.csv\\?status=confirmed&from=[^&]+&to=[^&]+&doctorId=${world.doctor.id}$`));
    const confirmed = await download(page, appointmentsLink);
    expect(confirmed.type).toBe('text/csv; charset=utf-8');
    expect(confirmed.rows[0]?.slice(0, 6)).toEqual(['id', 'start', 'end', 'localDate', 'localTime', 'status']);
    expect(confirmed.rows.slice(1).map((cells) => [cells[0], cells[3], cells[5]])).toEqual([[world.confirmedId, world.bookingDay, 'confirmed']]);

    await page.getByRole('checkbox', { name: 'Requested' }).check();
    const both = await download(page, appointmentsLink);
    expect(both.rows.slice(1).map((cells) => cells[0]).sort()).toEqual([world.confirmedId, world.requestedId].sort());

    await page.getByRole('textbox', { name: 'From date' }).fill(addDays(world.bookingDay, 1));
    await page.getByRole('alert').filter({ hasText: 'The end date is before the start date' }).waitFor();
    await expect(appointmentsLink.count()).resolves.toBe(0);

    const audited = await auditItems('action=patients.export');
    expect(audited).toHaveLength(2);
    expect(await auditItems('action=appointments.export')).toHaveLength(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no axe violations at 360px', async () => {
    const { page, context } = await adminPage(360);
    await page.goto('/app/exports');
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor();
    await page.getByRole('combobox', { name: 'Doctor' }).getByRole('option', { name: world.doctor.name }).waitFor({ state: 'attached' });
    await expectNoViolations(page, 'exports at 360px');
    await context.close();
  });
});

describe('other roles', () => {
  it('a patient opening the audit log or the exports page is told the page does not exist', async () => {
    const { page, context } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, world.patient.email, PASSWORD, PASSWORD);
    for (const path of ['/app/audit', '/app/exports']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await expect(page.getByRole('button', { name: 'Verify chain' }).count()).resolves.toBe(0);
    }
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('Audit log');
    expect(nav).not.toContain('Exports');
    await context.close();
  });
});
