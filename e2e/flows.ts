import type { Page } from 'playwright-core';

export interface NewPatient {
  name: string;
  email: string;
  password: string;
}

export async function fillRegistration(page: Page, patient: NewPatient): Promise<void> {
  await page.getByLabel('Full name').fill(patient.name);
  await page.getByLabel('Email').fill(patient.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(patient.password);
  await page.getByLabel('Date of birth').fill('1988-05-17');
  await page.getByLabel('Gender').selectOption('female');
  await page.getByLabel('Phone').fill('+44 20 7946 0018');
  await page.getByLabel('Address (optional)').fill('12 Harbour Street, Portsmouth');
}

export async function registerPatient(page: Page, patient: NewPatient): Promise<void> {
  await page.goto('/register');
  await fillRegistration(page, patient);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Patient dashboard' }).waitFor();
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
}

/** Logs in; when the account still has a temporary password, replaces it with `newPassword` first. */
export async function logInToDashboard(page: Page, email: string, password: string, newPassword: string): Promise<void> {
  await page.goto('/login');
  await logIn(page, email, password);
  const dashboard = page.getByRole('heading', { level: 1, name: /dashboard$/ });
  const passwordPage = page.getByRole('heading', { level: 1, name: 'Change password' });
  await dashboard.or(passwordPage).waitFor();
  if (await dashboard.isVisible()) return;
  await page.getByRole('textbox', { name: 'Current password', exact: true }).fill(password);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(newPassword);
  await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await dashboard.waitFor();
}
