import type { Browser, Page } from 'playwright-core';
import { ApiSession } from './api.ts';
import { logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage as openHarnessPage, startServer, uniqueEmail, type RunningServer, type TestPage } from './harness.ts';
import { addDays, instantAt, localParts } from './scheduling.helpers.ts';

/**
 * A small hospital for the usability browser tests: a long hospital name, people with long names and emails,
 * three specializations (the doctor's is not the first), a doctor who works every day and a patient.
 */

export const PASSWORD = 'Harbour-Lantern-Violet-63';
const DOCTOR_TEMP = 'Temporary-Harbour-Pass-71';
export const HOSPITAL_NAME = 'St Catherine’s Royal Harbour Hospital';
export const HOSPITAL_PHONE = '+44 23 9200 1234';
/** Long enough to push a 360 px page sideways unless it wraps. */
export const LONG_PATIENT_NAME = 'Maximiliana Alexandrovna Konstantinopoulou-Worthington';

export interface Account {
  id: string;
  name: string;
  email: string;
  password: string;
  session: ApiSession;
}

export interface UxWorld {
  server: RunningServer;
  browser: Browser;
  admin: ApiSession;
  timeZone: string;
  /** A date three days ahead in the hospital's zone. */
  day: string;
  specializations: { cardiology: string; dermatology: string; neurology: string };
  doctor: Omit<Account, 'session'> & { userId: string };
  patient: Account & { userId: string };
  settings: Record<string, unknown>;
}

function longEmail(prefix: string): string {
  return uniqueEmail(`${prefix}.alexandrovna.konstantinopoulou.worthington`);
}

export async function registerPatientViaApi(baseUrl: string, name: string, email = longEmail('patient')): Promise<Account & { userId: string }> {
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, name, dateOfBirth: '1984-07-09', gender: 'female', phone: '+44 20 7946 0321' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  const session = await ApiSession.logIn(baseUrl, email, PASSWORD);
  const { user } = await session.request<{ user: { id: string; patientId?: string } }>('GET', '/api/auth/session');
  if (!user.patientId) throw new Error('The new account has no patient record');
  return { id: user.patientId, userId: user.id, name, email, password: PASSWORD, session };
}

export async function setUpWorld(): Promise<UxWorld> {
  const server = await startServer();
  const browser = await launchBrowser();
  const admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const { updatedAt: _updatedAt, ...current } = await admin.request<Record<string, unknown>>('GET', '/api/settings');
  const timeZone = 'Asia/Tokyo';
  const settings = {
    ...current, name: HOSPITAL_NAME, phone: HOSPITAL_PHONE, timeZone, minNoticeMinutes: 0, approvalMode: 'manual',
    cancellationNoticeHours: 24, maxOpenRequestsPerPatient: 2,
  };
  await admin.request('PUT', '/api/settings', settings);

  const existing = await admin.request<{ id: string; name: string }[]>('GET', '/api/specializations');
  const specialization = async (name: string) =>
    (existing.find((item) => item.name === name) ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name }))).id;
  const specializations = { cardiology: await specialization('Cardiology'), dermatology: await specialization('Dermatology'), neurology: await specialization('Neurology') };

  const doctorEmail = longEmail('doctor');
  const doctorName = 'Dr Bartholomew Fitzwilliam-Ashcombe';
  const created = await admin.request<{ id: string; userId: string }>('POST', '/api/doctors', {
    name: doctorName, email: doctorEmail, phone: '+44 20 7946 0456', specializationId: specializations.neurology, password: DOCTOR_TEMP,
    department: 'Neurosciences', bio: 'Sees adults with headaches, epilepsy and sleep disorders.', languages: ['English'], yearsOfExperience: 15,
  });
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  await admin.request('PUT', `/api/doctors/${created.id}/availability`, { slotMinutes: 30, weekly: everyDay });
  // The doctor replaces the temporary password at once, so that signing in at a phone's width lands on the dashboard.
  const doctorSession = await ApiSession.logIn(server.baseUrl, doctorEmail, DOCTOR_TEMP);
  await doctorSession.request('POST', '/api/auth/password', { currentPassword: DOCTOR_TEMP, newPassword: PASSWORD });
  const doctor = { id: created.id, userId: created.userId, name: doctorName, email: doctorEmail, password: PASSWORD };

  const patient = await registerPatientViaApi(server.baseUrl, LONG_PATIENT_NAME);
  const day = addDays(localParts(new Date(), timeZone).date, 3);
  return { server, browser, admin, timeZone, day, specializations, doctor, patient, settings };
}

export async function tearDown(world: UxWorld | undefined): Promise<void> {
  await world?.browser.close();
  await world?.server.stop();
}

export async function openPage(world: UxWorld, width = 1280): Promise<TestPage> {
  const opened = await openHarnessPage(world.browser, world.server.baseUrl, width);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

/** Signs in; an account with a temporary password replaces it with PASSWORD the first time. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await logInToDashboard(page, account.email, account.password, PASSWORD);
  account.password = PASSWORD;
}

/** Books (and optionally confirms) an appointment of the world's patient with the doctor at `time` on `date`. */
export async function book(world: UxWorld, patient: ApiSession, date: string, time: string, confirm = false): Promise<string> {
  const booked = await patient.request<{ id: string }>('POST', '/api/appointments', {
    doctorId: world.doctor.id, start: instantAt(date, time, world.timeZone), reason: 'Recurring headaches in the morning',
  });
  if (confirm) await world.admin.request('POST', `/api/appointments/${booked.id}/confirm`, {});
  return booked.id;
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
