import { expectNoViolations } from './axe.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage, startServer, uniqueEmail, type RunningServer } from './harness.ts';

/*
 * Notifications in a real browser: a doctor confirms a patient's request (set up through the API), the patient
 * sees the bell's unread count rise, reads the notification on the notifications page and the count goes down,
 * then saves a channel choice and creates and revokes a calendar link. Both pages are scanned by axe.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;
let doctor: { id: string; email: string; session: ApiSession } | undefined;

const TEMP_PASSWORD = 'Temporary-Pass-Word-77';
const DOCTOR_PASSWORD = 'Saffron-Bridge-Window-63';
const PATIENT_PASSWORD = 'Violet-Harbour-Teapot-19';

interface Notice {
  id: string;
  kind: string;
  title: string;
  readAt: string | null;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A doctor who has already replaced the temporary password, signed in through the API. */
async function createDoctor(): Promise<{ id: string; email: string; session: ApiSession }> {
  const specializations = await admin.request<{ id: string; name: string }[]>('GET', '/api/specializations?all=true');
  const specializationId =
    specializations[0]?.id ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name: 'Cardiology' })).id;
  const email = uniqueEmail('doctor');
  const doctor = await admin.request<{ id: string }>('POST', '/api/doctors', {
    name: 'Dr Lena Fischer', email, phone: '+44 20 7946 0101', specializationId, password: TEMP_PASSWORD,
  });
  const first = await ApiSession.logIn(server.baseUrl, email, TEMP_PASSWORD);
  await first.request('POST', '/api/auth/password', { currentPassword: TEMP_PASSWORD, newPassword: DOCTOR_PASSWORD });
  return { id: doctor.id, email, session: await ApiSession.logIn(server.baseUrl, email, DOCTOR_PASSWORD) };
}

async function createPatient(email: string): Promise<ApiSession> {
  const response = await fetch(`${server.baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PATIENT_PASSWORD, name: 'Amara Okafor', dateOfBirth: '1979-11-03', gender: 'female', phone: '+44 20 7946 0555' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  return ApiSession.logIn(server.baseUrl, email, PATIENT_PASSWORD);
}

/** The doctor works around the clock; the patient requests the first free slot. */
async function requestAppointment(doctorId: string, patient: ApiSession): Promise<string> {
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await admin.request('PUT', `/api/doctors/${doctorId}/availability`, { slotMinutes: 30, weekly });
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { slots } = await patient.request<{ slots: { start: string }[] }>('GET', `/api/doctors/${doctorId}/slots?from=${from}&to=${to}`);
  const slot = slots[0];
  if (!slot) throw new Error('The doctor has no free slot in the next three days');
  const booked = await patient.request<{ id: string }>('POST', '/api/appointments', { doctorId, start: slot.start, reason: 'Chest pain when climbing stairs' });
  return booked.id;
}

const unreadCount = async (session: ApiSession) => (await session.request<{ count: number }>('GET', '/api/notifications/unread-count')).count;
const bell = (page: Page, count: number) => page.getByRole('banner').getByRole('link', { name: `Notifications, ${count} unread`, exact: true });

describe('notifications', () => {
  it('a patient sees the bell rise after the doctor confirms, reads the notice, and saves their settings', async () => {
    doctor = await createDoctor();
    const email = uniqueEmail('patient');
    const patient = await createPatient(email);
    const appointmentId = await requestAppointment(doctor.id, patient);

    const { page, context, problems } = await openPage(browser, server.baseUrl);
    await logInToDashboard(page, email, PATIENT_PASSWORD, PATIENT_PASSWORD);
    const before = await unreadCount(patient);
    await bell(page, before).waitFor();

    // The doctor confirms; after a reload the bell counts one more unread notification.
    await doctor.session.request('POST', `/api/appointments/${appointmentId}/confirm`, {});
    expect(await unreadCount(patient)).toBe(before + 1);
    await page.reload();
    await bell(page, before + 1).waitFor();
    const badge = bell(page, before + 1).getByText(String(before + 1), { exact: true });
    expect(await badge.isVisible()).toBe(true);

    // The notifications page lists it, marked "Unread", with a link to the appointments.
    const { items } = await patient.request<{ items: Notice[] }>('GET', '/api/notifications');
    const confirmed = items.find((item) => item.kind === 'appointment.confirmed');
    if (!confirmed) throw new Error(`No appointment.confirmed notification in ${JSON.stringify(items)}`);
    await bell(page, before + 1).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const card = page.getByRole('article', { name: confirmed.title }).first();
    await card.getByText('Unread', { exact: true }).waitFor();
    expect(await card.getByRole('link', { name: 'View appointments' }).getAttribute('href')).toBe('/app/appointments');
    await expectNoViolations(page, 'notifications');

    // Reading it takes the badge away and the bell's count goes down.
    await card.getByRole('button', { name: 'Mark as read' }).click();
    await card.getByText('Unread', { exact: true }).waitFor({ state: 'detached' });
    await bell(page, before).waitFor();
    expect(await unreadCount(patient)).toBe(before);

    // Settings: turn email off for confirmations and save.
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    const emailBox = page.getByRole('checkbox', { name: 'Appointment confirmed: email' });
    const wasOn = await emailBox.isChecked();
    await emailBox.setChecked(!wasOn);
    expect(await page.getByRole('checkbox', { name: 'Appointment confirmed: in the app (always on)' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Your notification settings are saved.' }).waitFor();
    const saved = await patient.request<{ items: { kind: string; email: boolean }[] }>('GET', '/api/notifications/preferences');
    expect(saved.items.find((item) => item.kind === 'appointment.confirmed')?.email).toBe(!wasOn);
    await expectNoViolations(page, 'notification settings');

    // The personal calendar feed: create a link, see it, revoke it.
    await page.getByRole('button', { name: 'Create calendar link' }).click();
    const link = page.getByRole('textbox', { name: 'Your calendar link' });
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/^https?:\/\//);
    expect(await link.getAttribute('readonly')).not.toBeNull();
    await expectNoViolations(page, 'notification settings with a calendar link');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('status').filter({ hasText: 'Your calendar link was revoked.' }).waitFor();
    await link.waitFor({ state: 'detached' });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('a doctor sees the new request, marks everything read, and has a calendar feed; a receptionist has none', async () => {
    if (!doctor) throw new Error('The first test did not create the doctor');
    const { page, context, problems } = await openPage(browser, server.baseUrl, 360);
    await logInToDashboard(page, doctor.email, DOCTOR_PASSWORD, DOCTOR_PASSWORD);
    const unread = await unreadCount(doctor.session);
    expect(unread).toBeGreaterThan(0);
    await bell(page, unread).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('article').first().waitFor();
    expect(await page.getByRole('button', { name: 'Older notifications' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await bell(page, 0).waitFor();
    expect(await page.getByText('Unread', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mark all as read' }).isDisabled()).toBe(true);
    await expectNoViolations(page, 'notifications at 360 px');
    await page.goto('/app/notifications/preferences');
    await page.getByRole('button', { name: 'Create calendar link' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const email = uniqueEmail('receptionist');
    await admin.request('POST', '/api/users', { name: 'Rita Reyes', email, role: 'receptionist', password: TEMP_PASSWORD });
    const desk = await openPage(browser, server.baseUrl);
    await logInToDashboard(desk.page, email, TEMP_PASSWORD, DOCTOR_PASSWORD);
    await desk.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications', exact: true }).click();
    await desk.page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await desk.page.getByText('You have no notifications yet.').waitFor();
    await desk.page.getByRole('link', { name: 'Notification settings' }).click();
    await desk.page.getByRole('checkbox', { name: 'Appointment confirmed: email' }).waitFor();
    expect(await desk.page.getByRole('button', { name: 'Create calendar link' }).count()).toBe(0);
    expect(desk.problems).toEqual([]);
    await desk.context.close();
  });
});
