import { describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe.ts';
import { logInToDashboard, registerPatient } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, openPage, uniqueEmail } from './harness.ts';
import { admin, bookAppointment, browser, createDoctor, createPatient, createStaff, focusIsInside, headingHasFocus, mainNav, NEW_PASSWORD, PNG, server, shoot, TEMP_PASSWORD, usePeopleWorld } from './people.world.ts';

/*
 * People journeys in a real browser: a receptionist registers a walk-in patient, a patient keeps their profile
 * and history, a doctor reads and edits a patient's history, and pages a role may not use are not found.
 * Every page visited is scanned by axe.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the pages at 1280 and 360 px, and
 * HMS_E2E_AXE_DEBUG=1 to print why the first node of each axe violation failed.
 */

usePeopleWorld();

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
  it('a patient who opens an admin page is told it does not exist, and the admin sees the history on a patient page through break-glass', async () => {
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
    // The history is clinical content: the admin reaches it through break-glass, with a reason.
    const history = adminPage.page.getByRole('region', { name: 'Medical history' });
    const step = history.getByRole('region', { name: 'Break-glass access' });
    await step.waitFor();
    await expect(adminPage.page.getByText('Appendectomy').count()).resolves.toBe(0);
    await expect(adminPage.page.getByRole('region', { name: 'Break-glass access' }).count()).resolves.toBe(1);
    await expectNoViolations(adminPage.page, 'admin patient page before break-glass');
    await step.getByRole('textbox', { name: 'Reason for break-glass access' }).fill('Surgical history needed for an urgent referral.');
    await step.getByRole('button', { name: /^Open the clinical record for/ }).click();
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
