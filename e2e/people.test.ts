import { describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe.ts';
import { logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, openPage, uniqueEmail } from './harness.ts';
import { browser, createDoctor, createStaff, focusIsInside, headingHasFocus, mainNav, server, shoot, TEMP_PASSWORD, usePeopleWorld } from './people.world.ts';

/*
 * People journeys in a real browser: an administrator adds a doctor and manages users and specializations.
 * Every page visited is scanned by axe. The receptionist, patient and doctor journeys are in people-roles.test.ts.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the pages at 1280 and 360 px, and
 * HMS_E2E_AXE_DEBUG=1 to print why the first node of each axe violation failed.
 */

usePeopleWorld();

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
