import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ApiSession } from './api.ts';
import { logInToDashboard } from './flows.ts';
import { addDays, heading, instantAt, localParts, weekdayOf } from './scheduling.helpers.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage as openHarnessPage, startServer, uniqueEmail, type RunningServer, type TestPage } from './harness.ts';

/*
 * The hospital the scheduling journeys run in: a zone where it is daytime now, manual approval, three doctors
 * (Lena works every day; Omar and Grace each hold one confirmed appointment that starts about two minutes
 * after set-up, outside their hours by the time the tests run). Each test file gets its own server.
 */

export let server: RunningServer;
let browser: Browser;
export let admin: ApiSession;

export const PASSWORD = 'Copper-Meadow-Kettle-58';
/** The longest journeys sign several people in and run many axe scans; the machine may be busy. */
export const JOURNEY_TIMEOUT = 240_000;
const DOCTOR_TEMP = 'Temporary-Pass-Word-77';

export interface DoctorAccount {
  id: string;
  name: string;
  email: string;
  password: string;
}

export const world = {
  timeZone: '',
  /** A date three days ahead, in the hospital's zone: inside the slot picker's first week. */
  day: '',
  lena: null as unknown as DoctorAccount,
  omar: null as unknown as DoctorAccount,
  grace: null as unknown as DoctorAccount,
  /** When the two appointments booked "just ahead" (with Omar and Grace) start. */
  pastStart: '',
};

/** A fresh browser context; waits are longer than the harness default because sign-ins hash passwords on a busy machine. */
export async function openPage(width = 1280): Promise<TestPage> {
  const opened = await openHarnessPage(browser, server.baseUrl, width);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

async function createDoctor(name: string, specializationId: string, fee?: number): Promise<DoctorAccount> {
  const email = uniqueEmail(name.split(' ')[1]?.toLowerCase() ?? 'doctor');
  const doctor = await admin.request<{ id: string }>('POST', '/api/doctors', {
    name, email, phone: '+44 20 7946 0101', specializationId, password: DOCTOR_TEMP,
    department: 'Outpatients', bio: `${name} sees adults and teenagers.`, languages: ['English', 'French'], yearsOfExperience: 12,
    ...(fee === undefined ? {} : { consultationFee: { amountMinor: fee, currency: 'GBP' } }),
  });
  return { id: doctor.id, name, email, password: DOCTOR_TEMP };
}

export async function registerViaApi(name: string): Promise<ApiSession> {
  const email = uniqueEmail(name.split(' ')[0]?.toLowerCase() ?? 'patient');
  const response = await fetch(`${server.baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, name, dateOfBirth: '1990-02-03', gender: 'other', phone: '+44 20 7946 0999' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  return ApiSession.logIn(server.baseUrl, email, PASSWORD);
}

/** Logs the doctor in; the first time, replaces the temporary password. */
export async function logInDoctor(page: Page, doctor: DoctorAccount): Promise<void> {
  await logInToDashboard(page, doctor.email, doctor.password, PASSWORD);
  doctor.password = PASSWORD;
  await heading(page, 'Doctor dashboard');
}

/** A zone in which it is daytime now, so that appointments "a minute from now" fall on today's date there. */
function daytimeZone(): string {
  const now = new Date();
  return ['America/New_York', 'Asia/Tokyo', 'Europe/London'].find((zone) => {
    const { hour } = localParts(now, zone);
    return hour >= 6 && hour < 20;
  }) ?? 'Asia/Tokyo';
}

/** Starts the server and the browser and builds the hospital before the file's tests; stops both after. */
export function useSchedulingWorld(): void {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);

    const { updatedAt: _updatedAt, ...settings } = await admin.request<Record<string, unknown>>('GET', '/api/settings');
    world.timeZone = daytimeZone();
    await admin.request('PUT', '/api/settings', {
      ...settings, timeZone: world.timeZone, minNoticeMinutes: 0, approvalMode: 'manual', cancellationNoticeHours: 24, maxOpenRequestsPerPatient: 5,
      // These journeys record outcomes directly; the consultation suite signs visits.
      requireSignedConsultation: false,
    });
    const now = localParts(new Date(), world.timeZone);
    world.day = addDays(now.date, 3);

    const existing = await admin.request<{ id: string; name: string }[]>('GET', '/api/specializations');
    const specialization = async (name: string) =>
      existing.find((item) => item.name === name) ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name }));
    const cardiology = await specialization('Cardiology');
    const dermatology = await specialization('Dermatology');
    world.lena = await createDoctor('Dr Lena Fischer', cardiology.id, 6000);
    world.omar = await createDoctor('Dr Omar Haddad', dermatology.id);
    world.grace = await createDoctor('Dr Grace Lin', dermatology.id);
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    await admin.request('PUT', `/api/doctors/${world.lena.id}/availability`, { slotMinutes: 30, weekly: everyDay });

    // Omar and Grace each get one confirmed appointment starting about a minute from now; by the time the
    // schedule tests run it has started, so it can be marked completed or a no-show.
    const minute = now.hour * 60 + now.minute + 2;
    const hhmm = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
    const soon = [{ weekday: weekdayOf(now.date), start: hhmm(minute), end: hhmm(minute + 10) }];
    world.pastStart = instantAt(now.date, hhmm(minute), world.timeZone);
    for (const doctor of [world.omar, world.grace]) {
      await admin.request('PUT', `/api/doctors/${doctor.id}/availability`, { slotMinutes: 10, weekly: soon });
      const patient = await registerViaApi(doctor === world.omar ? 'Priya Raman' : 'Tariq Aziz');
      const booked = await patient.request<{ id: string }>('POST', '/api/appointments', { doctorId: doctor.id, start: world.pastStart, reason: 'Skin rash on both arms' });
      await admin.request('POST', `/api/appointments/${booked.id}/confirm`, {});
      // Their hours then move, so the appointment now lies outside them.
      await admin.request('PUT', `/api/doctors/${doctor.id}/availability`, { slotMinutes: 10, weekly: [{ weekday: weekdayOf(world.day), start: '13:00', end: '15:00' }] });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}
