import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ApiSession } from './api.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, startServer, uniqueEmail, type RunningServer } from './harness.ts';

/* The hospital and the helpers the people journeys share; each test file gets its own server and browser. */

export let server: RunningServer;
export let browser: Browser;
export let admin: ApiSession;
export let cardiologyId = '';

export const TEMP_PASSWORD = 'Temporary-Pass-Word-77';
export const NEW_PASSWORD = 'Saffron-Bridge-Window-63';
// A 16×16 PNG in four colours, enough for the photo upload.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAIUlEQVR4nGPgL2nCik7gQAyjGmij4U4TVnQCBxrVQBMNANRQlZDEM8AbAAAAAElFTkSuQmCC',
  'base64',
);

/** The id of the specialization with this name; created when the hospital does not have it yet. */
export async function specializationNamed(name: string): Promise<string> {
  const all = await admin.request<{ id: string; name: string }[]>('GET', '/api/specializations?all=true');
  return all.find((item) => item.name === name)?.id ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name })).id;
}

/** With HMS_E2E_SHOTS set, full-page screenshots at 1280 and 360 px. */
export async function shoot(page: Page, name: string): Promise<void> {
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

export async function headingHasFocus(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe(`H1 ${name}`);
}

export async function focusIsInside(page: Page, dialogName: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  await expect.poll(() => dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

export interface Account {
  id: string;
  name: string;
  email: string;
}

export async function createStaff(role: 'receptionist' | 'admin', name: string): Promise<Account> {
  const email = uniqueEmail(role);
  const user = await admin.request<{ id: string }>('POST', '/api/users', { name, email, role, password: TEMP_PASSWORD });
  return { id: user.id, name, email };
}

export async function createDoctor(name: string): Promise<Account> {
  const email = uniqueEmail('doctor');
  const doctor = await admin.request<{ id: string }>('POST', '/api/doctors', {
    name, email, phone: '+44 20 7946 0101', specializationId: cardiologyId, password: TEMP_PASSWORD,
  });
  return { id: doctor.id, name, email };
}

export interface PatientAccount extends Account {
  password: string;
  session: ApiSession;
}

export async function createPatient(name: string): Promise<PatientAccount> {
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
export async function bookAppointment(doctorId: string, patient: PatientAccount): Promise<void> {
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

/** Starts the server and the browser before the file's tests (with Cardiology and Dermatology); stops both after. */
export function usePeopleWorld(): void {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    cardiologyId = await specializationNamed('Cardiology');
    await specializationNamed('Dermatology');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
