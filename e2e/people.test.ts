import { expectNoViolations } from './axe.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { logInToDashboard, registerPatient } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';

/*
 * People journeys in a real browser: an administrator adds a doctor and manages users and specializations,
 * a receptionist registers a walk-in patient, a patient keeps their profile and history, and a doctor reads
 * and edits a patient's history. Every page visited is scanned by axe.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the pages at 1280 and 360 px, and
 * HMS_E2E_AXE_DEBUG=1 to print why the first node of each axe violation failed.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
let cardiologyId = '';

const TEMP_PASSWORD = 'Temporary-Pass-Word-77';
const NEW_PASSWORD = 'Saffron-Bridge-Window-63';
// A 16×16 PNG in four colours, enough for the photo upload.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAIUlEQVR4nGPgL2nCik7gQAyjGmij4U4TVnQCBxrVQBMNANRQlZDEM8AbAAAAAElFTkSuQmCC',
  'base64',
);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  cardiologyId = await specializationNamed('Cardiology');
  await specializationNamed('Dermatology');
});

/** The id of the specialization with this name; created when the hospital does not have it yet. */
async function specializationNamed(name: string): Promise<string> {
  const all = await admin.request<{ id: string; name: string }[]>('GET', '/api/specializations?all=true');
  return all.find((item) => item.name === name)?.id ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name })).id;
}

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------- helpers

/** With HMS_E2E_SHOTS set, full-page screenshots at 1280 and 360 px. */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.HMS_E2E_SHOTS;
  if (!dir) return;
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${dir}/people-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}

async function headingHasFocus(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe(`H1 ${name}`);
}

async function focusIsInside(page: Page, dialogName: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

interface Account {
  id: string;
  name: string;
  email: string;
}

async function createStaff(role: 'receptionist' | 'admin', name: string): Promise<Account> {
  const email = uniqueEmail(role);
  const user = await admin.request<{ id: string }>('POST', '/api/users', { name, email, role, password: TEMP_PASSWORD });
  return { id: user.id, name, email };
}

async function createDoctor(name: string): Promise<Account> {
  const email = uniqueEmail('doctor');
  const doctor = await admin.request<{ id: string }>('POST', '/api/doctors', {
    name, email, phone: '+44 20 7946 0101', specializationId: cardiologyId, password: TEMP_PASSWORD,
  });
  return { id: doctor.id, name, email };
}

interface PatientAccount extends Account {
  password: string;
  session: ApiSession;
}

async function createPatient(name: string): Promise<PatientAccount> {
  const email = uniqueEmail('patient');
  const password = 'Violet-Harbour-Teapot-19';
  const response = await fetch(`${server.baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name, dateOfBirth: '1979-11-03', gender: 'male', phone: '+44 20 7946 0555' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { user: { patientId: string } };
  return { id: body.user.patientId, name, email, password, session: await ApiSession.logIn(server.baseUrl, email, password) };
}

/** The doctor works around the clock, and the patient books their first free slot. */
async function bookAppointment(doctorId: string, patient: PatientAccount): Promise<void> {
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await admin.request('PUT', `/api/doctors/${doctorId}/availability`, { slotMinutes: 30, weekly });
  const today = new Date();
  const from = today.toISOString().slice(0, 10);
  const to = new Date(today.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await patient.session.request<{ slots: { start: string }[] }>('GET', `/api/doctors/${doctorId}/slots?from=${from}&to=${to}`);
  const slot = slots[0];
  if (!slot) throw new Error('The doctor has no free slot in the next three days');
  await patient.session.request('POST', '/api/appointments', { doctorId, start: slot.start, reason: 'Chest pain when climbing stairs' });
}

// ---------------------------------------------------------------- administrator

describe('an administrator', () => {
  it('adds a doctor, sees the server’s message beside the email field, and finds the doctor in the public directory', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Doctors' }).click();
    await headingHasFocus(page, 'Doctors');
    await expectNoViolations(page, 'admin doctors list');

    await page.getByRole('link', { name: 'Add a doctor' }).click();
    await headingHasFocus(page, 'Add a doctor');
    await page.getByRole('button', { name: 'Add doctor' }).click();
    await expect(page.getByRole('textbox', { name: 'Full name', exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoViolations(page, 'new doctor with errors');

    const name = 'Dr Lena Fischer';
    await page.getByRole('textbox', { name: 'Full name', exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'Sign-in email', exact: true }).fill(ADMIN_EMAIL);
    await page.getByRole('combobox', { name: 'Specialization' }).selectOption({ label: 'Cardiology' });
    await page.getByRole('textbox', { name: 'Department (optional)' }).fill('Heart Centre');
    await page.getByRole('textbox', { name: 'Consultation fee (optional)' }).fill('85.50');
    await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('+44 20 7946 0202');
    await page.getByRole('textbox', { name: 'Languages (optional)' }).fill('English, German');
    await page.getByRole('textbox', { name: 'About (optional)' }).fill('Consultant cardiologist with an interest in heart failure.');
    await page.getByRole('textbox', { name: 'Temporary password', exact: true }).fill(TEMP_PASSWORD);
    await page.getByRole('button', { name: 'Add doctor' }).click();
    const emailField = page.getByRole('textbox', { name: 'Sign-in email', exact: true });
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    await expect(page.getByText('An account with this email already exists').first().isVisible()).resolves.toBe(true);

    await emailField.fill(uniqueEmail('lena'));
    await page.getByRole('button', { name: 'Add doctor' }).click();
    await headingHasFocus(page, name);
    await page.getByRole('status').filter({ hasText: 'Doctor added' }).waitFor();
    const doctorId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expectNoViolations(page, 'admin doctor page');
    await shoot(page, 'admin-doctor');

    await page.goto('/doctors');
    await page.getByRole('heading', { level: 1, name: 'Our doctors' }).waitFor();
    await page.getByRole('combobox', { name: 'Specialization' }).selectOption({ label: 'Dermatology' });
    await page.getByText('No doctors found.').waitFor();
    await page.getByRole('combobox', { name: 'Specialization' }).selectOption({ label: 'Cardiology' });
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('fisch');
    await page.getByRole('button', { name: 'Search' }).click();
    const card = page.getByRole('list', { name: 'Doctors' }).getByRole('listitem').filter({ hasText: name });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('£85.50');
    await expectNoViolations(page, 'public directory');
    await shoot(page, 'directory');

    await card.getByRole('link', { name, exact: true }).click();
    await headingHasFocus(page, name);
    const book = page.getByRole('link', { name: 'Book an appointment' });
    await expect(book.getAttribute('href')).resolves.toBe(`/app/book?doctor=${doctorId}`);
    await expectNoViolations(page, 'public doctor profile');
    await shoot(page, 'public-doctor');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('deactivates a doctor with a reason, after a confirmation dialog that takes the focus', async () => {
    const doctor = await createDoctor('Dr Omar Haddad');
    const { page, context } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await page.goto(`/app/doctors/${doctor.id}`);
    await page.getByRole('heading', { level: 1, name: doctor.name }).waitFor();
    await page.getByRole('textbox', { name: 'Reason given to patients (optional)' }).fill('Dr Haddad has moved to another hospital.');
    await page.getByRole('button', { name: 'Deactivate doctor' }).click();
    await focusIsInside(page, 'Deactivate this doctor?');
    await expectNoViolations(page, 'deactivate doctor dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate doctor' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Deactivated', { exact: true }).waitFor();
    const response = await fetch(`${server.baseUrl}/api/doctors/${doctor.id}`);
    expect(response.status).toBe(404);
    await context.close();
  });

  it('deactivates a doctor and reactivates them, and the doctor is back in the public directory', async () => {
    const doctor = await createDoctor('Dr Ines Moreau');
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await page.goto(`/app/doctors/${doctor.id}`);
    await page.getByRole('heading', { level: 1, name: doctor.name }).waitFor();
    await page.getByRole('button', { name: 'Deactivate doctor' }).click();
    await focusIsInside(page, 'Deactivate this doctor?');
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate doctor' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Deactivated', { exact: true }).waitFor();
    await expectNoViolations(page, 'deactivated doctor page');

    await page.getByRole('button', { name: 'Reactivate doctor' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Doctor reactivated' });
    await notice.waitFor();
    await expect.poll(() => notice.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.getByText('Active', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Deactivate doctor' }).waitFor();
    await expectNoViolations(page, 'reactivated doctor page');

    await page.goto('/doctors');
    await page.getByRole('heading', { level: 1, name: 'Our doctors' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('moreau');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('list', { name: 'Doctors' }).getByRole('listitem').filter({ hasText: doctor.name }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates a user, pages through users with Next page, and unlocks and resets an account', async () => {
    await Promise.all(
      Array.from({ length: 26 }, (_, i) => createStaff('receptionist', `Pager Person ${String(i + 1).padStart(2, '0')}`)),
    );
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Users' }).click();
    await headingHasFocus(page, 'Users');
    await page.getByRole('searchbox', { name: 'Search users' }).fill('Pager Person');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('receptionist');
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(26);
    await expectNoViolations(page, 'users list');
    await shoot(page, 'users');
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByText('Page 2').waitFor();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => rows.count()).toBe(26);

    await page.getByRole('link', { name: 'Create a user' }).click();
    await headingHasFocus(page, 'Create a user');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('doctor');
    await expect(page.getByRole('main').getByRole('link', { name: 'Add a doctor' }).getAttribute('href')).resolves.toBe('/app/doctors/new');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('receptionist');
    await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Tomás Rivera');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(uniqueEmail('tomas'));
    await expectNoViolations(page, 'new user');
    await page.getByRole('button', { name: 'Create user' }).click();
    await headingHasFocus(page, 'Tomás Rivera');
    const created = page.getByRole('status').filter({ hasText: 'User created' });
    await created.waitFor();
    const generated = (await created.locator('code').textContent()) ?? '';
    expect(generated.length).toBeGreaterThanOrEqual(12);

    await page.getByRole('button', { name: 'Unlock sign-in' }).click();
    await page.getByRole('status').filter({ hasText: 'Sign-in is unlocked' }).waitFor();
    await page.getByRole('textbox', { name: 'New temporary password', exact: true }).fill('Lichen-Compass-Harbor-204');
    await page.getByRole('button', { name: 'Set temporary password' }).click();
    await page.getByRole('status').filter({ hasText: 'Temporary password set' }).waitFor();
    await page.getByRole('combobox', { name: 'Role' }).selectOption('admin');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await focusIsInside(page, 'Deactivate this account?');
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByRole('button', { name: 'Reactivate account' }).waitFor();
    await expectNoViolations(page, 'user page');
    await shoot(page, 'user');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds, renames, retires and restores a specialization', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Specializations' }).click();
    await headingHasFocus(page, 'Specializations');
    const add = page.getByRole('form', { name: 'Add a specialization' });
    await add.getByRole('textbox', { name: 'Name', exact: true }).fill('Cardiology');
    await add.getByRole('button', { name: 'Add specialization' }).click();
    await expect.poll(() => add.getByRole('textbox', { name: 'Name', exact: true }).getAttribute('aria-invalid')).toBe('true');

    await add.getByRole('textbox', { name: 'Name', exact: true }).fill('Sports medicine');
    await add.getByRole('button', { name: 'Add specialization' }).click();
    await page.getByRole('status').filter({ hasText: '“Sports medicine” has been added.' }).waitFor();
    await page.getByRole('button', { name: 'Rename Sports medicine' }).click();
    await focusIsInside(page, 'Rename specialization');
    await expectNoViolations(page, 'rename dialog');
    await page.getByRole('dialog').getByRole('textbox', { name: 'Name', exact: true }).fill('Sports and exercise medicine');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Retire Sports and exercise medicine' }).click();
    await page.getByRole('button', { name: 'Restore Sports and exercise medicine' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Sports and exercise medicine' });
    await expect(row.textContent()).resolves.toContain('Retired');
    await expectNoViolations(page, 'specializations');
    await shoot(page, 'specializations');
    await page.getByRole('button', { name: 'Restore Sports and exercise medicine' }).click();
    await page.getByRole('button', { name: 'Retire Sports and exercise medicine' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

// ---------------------------------------------------------------- receptionist

describe('a receptionist', () => {
  it('registers a walk-in patient with a login, then corrects the contact details; no medical history is shown', async () => {
    const receptionist = await createStaff('receptionist', 'Maria Santos');
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, receptionist.email, TEMP_PASSWORD, NEW_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Patients' }).click();
    await headingHasFocus(page, 'Patients');
    await expectNoViolations(page, 'receptionist patients');

    await page.getByRole('link', { name: 'Register a walk-in patient' }).click();
    await headingHasFocus(page, 'Register a patient');
    await expectNoViolations(page, 'register walk-in');
    const name = 'Ade Bello';
    await page.getByRole('textbox', { name: 'Full name', exact: true }).fill(name);
    await page.getByLabel('Date of birth').fill('1962-02-14');
    await page.getByRole('combobox', { name: 'Gender' }).selectOption('male');
    await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('+44 20 7946 0333');
    await page.getByRole('checkbox', { name: 'Give the patient a login now' }).check();
    await page.getByRole('button', { name: 'Register patient' }).click();
    const emailField = page.getByRole('textbox', { name: 'Email (optional)', exact: true });
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    await expectNoViolations(page, 'register walk-in with errors');

    const email = uniqueEmail('ade');
    await emailField.fill(email);
    await page.getByRole('textbox', { name: 'Contact name' }).fill('Funmi Bello');
    await page.getByRole('textbox', { name: 'Contact phone' }).fill('+44 20 7946 0444');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await headingHasFocus(page, name);
    const notice = page.getByRole('status').filter({ hasText: 'Patient registered' });
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(email);
    await expect(page.getByRole('heading', { name: 'Medical history' }).count()).resolves.toBe(0);

    await page.getByRole('textbox', { name: 'Phone', exact: true }).fill('+44 20 7946 0999');
    await page.getByRole('textbox', { name: 'Address (optional)' }).fill('4 Mill Lane, Leeds');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved' }).waitFor();
    await expectNoViolations(page, 'receptionist patient page');
    await shoot(page, 'receptionist-patient');

    await page.getByRole('link', { name: 'Back to patients' }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('Ade Bello');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('table').getByRole('link', { name }).waitFor();
    await expect(page.getByRole('table').getByRole('row').count()).resolves.toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// ---------------------------------------------------------------- patient

describe('a patient', () => {
  it('edits their profile (an email change asks for the current password) and adds an allergy to their history', async () => {
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    const password = 'Copper-Meadow-Kettle-58';
    await registerPatient(page, { name: 'Sipho Dlamini', email: uniqueEmail('sipho'), password });
    await mainNav(page).getByRole('link', { name: 'My profile' }).click();
    await headingHasFocus(page, 'My profile');
    await expectNoViolations(page, 'patient profile');

    await page.getByRole('textbox', { name: 'Contact name' }).fill('Thandi Dlamini');
    await page.getByRole('textbox', { name: 'Contact phone' }).fill('+27 21 555 0199');
    await page.getByRole('combobox', { name: 'Blood group' }).selectOption('O+');
    const newEmail = uniqueEmail('sipho.new');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(newEmail);
    const current = page.getByRole('textbox', { name: 'Current password', exact: true });
    await current.fill('not-my-password-at-all');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('The current password is incorrect', { exact: true }).waitFor();
    await expectNoViolations(page, 'patient profile with errors');

    await current.fill(password);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved' }).waitFor();
    await expect(current.count()).resolves.toBe(0);
    await page.getByRole('banner').getByText('Sipho Dlamini').waitFor();
    await shoot(page, 'patient-profile');

    await mainNav(page).getByRole('link', { name: 'Medical history' }).click();
    await headingHasFocus(page, 'Medical history');
    await page.getByText('No entries yet').waitFor();
    await expectNoViolations(page, 'empty patient history');
    await page.getByRole('button', { name: 'Add a self-reported entry' }).click();
    await focusIsInside(page, 'Add a self-reported entry');
    const dialog = page.getByRole('dialog', { name: 'Add a self-reported entry' });
    await dialog.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Kind' }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('allergy');
    await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Penicillin');
    await dialog.getByRole('textbox', { name: 'Details (optional)' }).fill('Rash and swelling within an hour.');
    await dialog.getByLabel('Onset date (optional)').fill('2004-06-01');
    await expectNoViolations(page, 'add history entry dialog');
    await dialog.getByRole('button', { name: 'Add entry' }).click();
    await dialog.waitFor({ state: 'detached' });

    const entry = page.getByRole('list', { name: 'History entries' }).getByRole('listitem').filter({ hasText: 'Penicillin' });
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('Allergy');
    expect(text).toContain('Self-reported');
    expect(text).toContain('Onset date: 1 Jun 2004');
    await expectNoViolations(page, 'patient history');
    await shoot(page, 'patient-history');
    expect(problems).toEqual([]);
    await context.close();
  });
});

// ---------------------------------------------------------------- doctor

describe('a doctor', () => {
  it('reads the history of a patient who booked with them, adds an entry and edits one, keeping earlier versions', async () => {
    const doctor = await createDoctor('Dr Grace Mensah');
    const patient = await createPatient('Kwame Asante');
    await bookAppointment(doctor.id, patient);
    await admin.request('POST', `/api/patients/${patient.id}/history`, { kind: 'condition', title: 'Hypertension', onsetDate: '2019-04-02' });
    await patient.session.request('POST', `/api/patients/${patient.id}/history`, { kind: 'allergy', title: 'Peanuts' });

    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, doctor.email, TEMP_PASSWORD, NEW_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'My patients' }).click();
    await headingHasFocus(page, 'My patients');
    await expectNoViolations(page, 'my patients');
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('asante');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('table').getByRole('link', { name: patient.name }).click();
    await headingHasFocus(page, patient.name);
    await page.getByRole('heading', { level: 2, name: 'Medical history' }).waitFor();
    const entries = page.getByRole('list', { name: 'History entries' }).getByRole('listitem');
    await entries.filter({ hasText: 'Hypertension' }).waitFor();
    await expect(entries.filter({ hasText: 'Peanuts' }).textContent()).resolves.toContain('Self-reported');
    await expect(page.getByRole('textbox', { name: 'Phone', exact: true }).count()).resolves.toBe(0);
    await expectNoViolations(page, 'doctor patient page');

    await page.getByRole('button', { name: 'Add an entry' }).click();
    await focusIsInside(page, 'Add a history entry');
    const add = page.getByRole('dialog', { name: 'Add a history entry' });
    await add.getByRole('combobox', { name: 'Kind' }).selectOption('medication');
    await add.getByRole('textbox', { name: 'Title', exact: true }).fill('Amlodipine 5 mg daily');
    await add.getByLabel('Started on (optional)').fill('2019-04-10');
    await add.getByRole('button', { name: 'Add entry' }).click();
    await add.waitFor({ state: 'detached' });
    await entries.filter({ hasText: 'Amlodipine' }).waitFor();

    await page.getByRole('button', { name: 'Edit Hypertension' }).click();
    await focusIsInside(page, 'Edit history entry');
    const edit = page.getByRole('dialog', { name: 'Edit history entry' });
    await edit.getByText('Saving keeps the current content as an earlier version').waitFor();
    await edit.getByRole('textbox', { name: 'Details (optional)' }).fill('Well controlled on medication.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const hypertension = entries.filter({ hasText: 'Hypertension' });
    await hypertension.getByText('Well controlled on medication.').waitFor();
    const disclosure = hypertension.getByRole('button', { name: 'Show earlier versions (1)' });
    await disclosure.click();
    await expect(hypertension.getByRole('button', { name: 'Hide earlier versions' }).getAttribute('aria-expanded')).resolves.toBe('true');
    const versions = hypertension.getByRole('list', { name: 'Earlier versions of Hypertension' });
    await versions.getByText(/^Version 1 — .*, by /).waitFor();
    await expectNoViolations(page, 'doctor patient page with versions');
    await shoot(page, 'doctor-patient');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('updates their own profile and photo; the specialization and fee are read-only', async () => {
    const doctor = await createDoctor('Dr Aiko Tanaka');
    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, doctor.email, TEMP_PASSWORD, NEW_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'My profile' }).click();
    await headingHasFocus(page, 'My profile');
    await expectNoViolations(page, 'doctor profile');
    await expect(page.getByRole('textbox', { name: 'Specialization' }).count()).resolves.toBe(0);
    await page.getByText('These are set by the hospital’s administrator').waitFor();

    await page.getByRole('textbox', { name: 'Years of experience (optional)' }).fill('twelve');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Years of experience (optional)' }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('textbox', { name: 'Years of experience (optional)' }).fill('12');
    await page.getByRole('textbox', { name: 'Languages (optional)' }).fill('English, Japanese');
    await page.getByRole('textbox', { name: 'About (optional)' }).fill('Cardiologist focused on prevention.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved' }).waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a photo' }).click();
    await (await chooser).setFiles({ name: 'aiko.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('img', { name: 'Preview of the chosen photo' }).waitFor();
    await expectNoViolations(page, 'doctor profile with photo preview');
    await page.getByRole('button', { name: 'Upload photo' }).click();
    await page.getByRole('status').filter({ hasText: 'Your photo has been updated.' }).waitFor();
    await page.getByRole('button', { name: 'Remove photo' }).waitFor();
    await expectNoViolations(page, 'doctor profile with photo');
    await shoot(page, 'doctor-profile');

    const publicProfile = (await (await fetch(`${server.baseUrl}/api/doctors/${doctor.id}`)).json()) as { languages: string[]; hasPhoto: boolean };
    expect(publicProfile).toMatchObject({ languages: ['English', 'Japanese'], hasPhoto: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('pages a role may not use', () => {
  it('a patient who opens an admin page is told it does not exist, and the admin sees the history on a patient page', async () => {
    const patient = await createPatient('Lucía Romero');
    await patient.session.request('POST', `/api/patients/${patient.id}/history`, { kind: 'surgery', title: 'Appendectomy', onsetDate: '2001-08-20' });
    const { page, context } = await openPage(browser, server.baseUrl);
    await page.goto('/login');
    await page.getByLabel('Email').fill(patient.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(patient.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Patient dashboard' }).waitFor();
    await page.goto('/app/users');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await context.close();

    const adminPage = await openPage(browser, server.baseUrl);
    await logInToDashboard(adminPage.page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await adminPage.page.goto(`/app/patients/${patient.id}`);
    await adminPage.page.getByRole('heading', { level: 1, name: patient.name }).waitFor();
    const entry = adminPage.page.getByRole('list', { name: 'History entries' }).getByRole('listitem').filter({ hasText: 'Appendectomy' });
    await expect(entry.textContent()).resolves.toContain('Date of surgery: 20 Aug 2001');
    await adminPage.page.getByRole('button', { name: 'Deactivate patient' }).click();
    await focusIsInside(adminPage.page, 'Deactivate this patient?');
    await adminPage.page.getByRole('dialog').getByRole('button', { name: 'Deactivate patient' }).click();
    await adminPage.page.getByRole('dialog').waitFor({ state: 'detached' });
    await adminPage.page.getByText('Deactivated', { exact: true }).waitFor();
    await expectNoViolations(adminPage.page, 'admin patient page');
    await adminPage.page.getByRole('button', { name: 'Reactivate patient' }).click();
    await adminPage.page.getByRole('status').filter({ hasText: 'Patient reactivated' }).waitFor();
    await adminPage.page.getByRole('button', { name: 'Deactivate patient' }).waitFor();
    await adminPage.context.close();
  });
});
