import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { logInToDashboard, registerPatient } from './flows.ts';
import {
  addDays, appointmentCard, arrowTo, dayButtonName, expectNoViolations, focusedText, heading, instantAt, localParts, nav, pickSlot, shot, tabInto, tabTo, weekdayOf,
} from './scheduling.helpers.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage as openHarnessPage, startServer, uniqueEmail, type RunningServer, type TestPage } from './harness.ts';

/*
 * Scheduling journeys in a real browser: booking (patient, receptionist, keyboard only), the doctor's queue,
 * schedule and availability, the front desk's list, and an axe scan of every scheduling page.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the pages at 1280 and 360 px.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;

const PASSWORD = 'Copper-Meadow-Kettle-58';
/** The longest journeys sign several people in and run many axe scans; the machine may be busy. */
const JOURNEY_TIMEOUT = 240_000;
const DOCTOR_TEMP = 'Temporary-Pass-Word-77';

interface DoctorAccount {
  id: string;
  name: string;
  email: string;
  password: string;
}

const world = {
  timeZone: '',
  /** A date three days ahead, in the hospital's zone: inside the slot picker's first week. */
  day: '',
  lena: null as unknown as DoctorAccount,
  omar: null as unknown as DoctorAccount,
  grace: null as unknown as DoctorAccount,
  /** When the two appointments booked "just ahead" (with Omar and Grace) start. */
  pastStart: '',
};

// ---------------------------------------------------------------- helpers

/** A fresh browser context; waits are longer than the harness default because sign-ins hash passwords on a busy machine. */
async function openPage(width = 1280): Promise<TestPage> {
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

async function registerViaApi(name: string): Promise<ApiSession> {
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
async function logInDoctor(page: Page, doctor: DoctorAccount): Promise<void> {
  await logInToDashboard(page, doctor.email, doctor.password, PASSWORD);
  doctor.password = PASSWORD;
  await heading(page, 'Doctor dashboard');
}

// ---------------------------------------------------------------- set-up

/** A zone in which it is daytime now, so that appointments "a minute from now" fall on today's date there. */
function daytimeZone(): string {
  const now = new Date();
  return ['America/New_York', 'Asia/Tokyo', 'Europe/London'].find((zone) => {
    const { hour } = localParts(now, zone);
    return hour >= 6 && hour < 20;
  }) ?? 'Asia/Tokyo';
}

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

// ---------------------------------------------------------------- journeys

describe('booking and managing appointments', () => {
  it('a patient books, the doctor confirms, the patient reschedules, the doctor confirms again, the patient cancels', async () => {
    const patient = await openPage();
    const doctor = await openPage();
    const p = patient.page;
    const d = doctor.page;

    await registerPatient(p, { name: 'Amara Okafor', email: uniqueEmail('amara'), password: PASSWORD });
    await p.getByRole('heading', { name: 'Upcoming appointments' }).waitFor();
    await p.getByText('You have no upcoming appointments.').waitFor();

    // Book.
    await nav(p, 'Book an appointment');
    await p.getByLabel('Specialty').selectOption({ label: 'Cardiology' });
    await p.getByRole('radio', { name: 'Dr Lena Fischer' }).check();
    await p.getByText(`Times shown in ${world.timeZone} (hospital time).`).waitFor();
    await pickSlot(p, world.day, '10:00');
    await p.getByRole('textbox', { name: 'Reason for the visit' }).fill('Chest tightness when climbing stairs');
    await expectNoViolations(p, 'booking form');
    await shot(p, 'book-form-1280');
    await p.getByRole('button', { name: 'Review booking' }).click();
    await p.getByRole('heading', { name: 'Check your booking' }).waitFor();
    await expect(focusedText(p)).resolves.toBe('H2 Check your booking');
    await p.getByText('£60.00', { exact: true }).waitFor();
    await p.getByText(`10:00 (${world.timeZone} time)`).waitFor();
    await expectNoViolations(p, 'booking review');
    const posted = p.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/appointments');
    await p.getByRole('button', { name: 'Request appointment' }).click();
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await p.getByRole('heading', { name: 'Appointment requested' }).waitFor();
    await expectNoViolations(p, 'booking done');

    // The doctor confirms.
    await logInDoctor(d, world.lena);
    await nav(d, 'Requests', 'Appointment requests');
    const request = appointmentCard(d, 'Amara Okafor');
    await request.getByText('Chest tightness when climbing stairs').waitFor();
    await expectNoViolations(d, 'request queue');
    await shot(d, 'requests-1280');
    await request.getByRole('button', { name: /^Confirm/ }).click();
    await d.getByRole('status').filter({ hasText: 'Appointment confirmed: Amara Okafor' }).waitFor();
    await expect(focusedText(d)).resolves.toMatch(/Appointment confirmed: Amara Okafor/);

    // The patient sees it confirmed, and moves it.
    await nav(p, 'My appointments');
    const upcoming = p.getByRole('region', { name: 'Upcoming' });
    await appointmentCard(upcoming, 'Dr Lena Fischer').getByText('Confirmed', { exact: true }).waitFor();
    await expectNoViolations(p, 'my appointments');
    await shot(p, 'my-appointments-1280');
    await appointmentCard(upcoming, 'Dr Lena Fischer').getByRole('link', { name: /^Reschedule/ }).click();
    await heading(p, 'Reschedule appointment');
    await p.getByText(/^You can cancel or move this appointment online until .*, \d\d:\d\d \((America|Asia|Europe)\/.*\)\.$/).waitFor();
    await pickSlot(p, world.day, '11:00');
    await expectNoViolations(p, 'reschedule');
    await shot(p, 'reschedule-1280');
    await p.getByRole('button', { name: 'Move appointment' }).click();
    await heading(p, 'Appointment');
    await p.getByRole('status').filter({ hasText: /Appointment moved to .*11:00.*waiting for the doctor/ }).waitFor();
    await p.getByText('Requested', { exact: true }).waitFor();
    await p.getByText(/^Moved from .*10:00 to .*11:00/).waitFor();
    await expectNoViolations(p, 'appointment detail');
    await shot(p, 'appointment-detail-1280');

    // The doctor confirms the new time.
    await d.reload();
    await heading(d, 'Appointment requests');
    await appointmentCard(d, 'Amara Okafor').getByRole('heading', { name: /11:00–11:30/ }).waitFor();
    await appointmentCard(d, 'Amara Okafor').getByRole('button', { name: /^Confirm/ }).click();
    await d.getByText('No requests are waiting for you.').waitFor();

    // The patient cancels.
    await nav(p, 'My appointments');
    const card = appointmentCard(p.getByRole('region', { name: 'Upcoming' }), 'Dr Lena Fischer');
    await card.getByText('Confirmed', { exact: true }).waitFor();
    await card.getByRole('button', { name: /^Cancel…/ }).click();
    const dialog = p.getByRole('dialog', { name: 'Cancel this appointment?' });
    await dialog.waitFor();
    await expect(p.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
    await expectNoViolations(p, 'cancel dialog');
    await dialog.getByRole('textbox', { name: 'Reason (optional)' }).fill('Feeling better');
    await dialog.getByRole('button', { name: 'Cancel the appointment' }).click();
    await p.getByRole('status').filter({ hasText: 'Appointment cancelled' }).waitFor();
    await p.getByText('You have no upcoming appointments.').waitFor();
    const cancelled = appointmentCard(p.getByRole('region', { name: 'Past and cancelled' }), 'Dr Lena Fischer');
    await cancelled.getByText('Cancelled', { exact: true }).waitFor();
    await cancelled.getByText('Feeling better').waitFor();

    expect(patient.problems).toEqual([]);
    expect(doctor.problems).toEqual([]);
    await patient.context.close();
    await doctor.context.close();
  }, JOURNEY_TIMEOUT);

  it('the doctor declines a request with a reason, which the patient then sees', async () => {
    const patient = await openPage();
    const doctor = await openPage();
    await registerPatient(patient.page, { name: 'Jonas Berg', email: uniqueEmail('jonas'), password: PASSWORD });
    await patient.page.goto(`/app/book?doctor=${world.lena.id}`);
    await heading(patient.page, 'Book an appointment');
    await expect(patient.page.getByRole('radio', { name: 'Dr Lena Fischer' }).isChecked()).resolves.toBe(true);
    await pickSlot(patient.page, world.day, '13:00');
    await patient.page.getByRole('textbox', { name: 'Reason for the visit' }).fill('Palpitations at night');
    await patient.page.getByRole('button', { name: 'Review booking' }).click();
    await patient.page.getByRole('button', { name: 'Request appointment' }).click();
    await patient.page.getByRole('heading', { name: 'Appointment requested' }).waitFor();

    const d = doctor.page;
    await logInDoctor(d, world.lena);
    await nav(d, 'Requests', 'Appointment requests');
    await appointmentCard(d, 'Jonas Berg').getByRole('button', { name: /^Decline…/ }).click();
    const dialog = d.getByRole('dialog', { name: 'Decline this request' });
    await dialog.waitFor();
    await expect(d.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
    await dialog.getByRole('button', { name: 'Decline request' }).click();
    await dialog.getByText('Give a reason: the patient will see it.').waitFor();
    await expect(dialog.getByRole('textbox', { name: 'Reason for declining' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectNoViolations(d, 'decline dialog with an error');
    await shot(d, 'decline-dialog-1280');
    await dialog.getByRole('textbox', { name: 'Reason for declining' }).fill('Please see your GP first for a referral.');
    await dialog.getByRole('button', { name: 'Decline request' }).click();
    await d.getByRole('status').filter({ hasText: 'Request from Jonas Berg declined' }).waitFor();

    await nav(patient.page, 'My appointments');
    const declined = appointmentCard(patient.page.getByRole('region', { name: 'Past and cancelled' }), 'Dr Lena Fischer');
    await declined.getByText('Declined', { exact: true }).waitFor();
    await declined.getByText('Please see your GP first for a referral.').waitFor();
    await patient.context.close();
    await doctor.context.close();
  });

  it('a receptionist books for a walk-in patient and confirms it from the appointments list', async () => {
    const receptionist = { email: uniqueEmail('reception'), password: 'Temporary-Pass-Word-78' };
    await admin.request('POST', '/api/users', { name: 'Tomás Rivera', email: receptionist.email, role: 'receptionist', password: receptionist.password });
    await admin.request('POST', '/api/patients', { name: 'Walter Inkpen', dateOfBirth: '1951-11-30', gender: 'male', phone: '+44 20 7946 0555' });

    const { page, context, problems } = await openPage();
    await logInToDashboard(page, receptionist.email, receptionist.password, PASSWORD);
    await heading(page, 'Receptionist dashboard');
    await nav(page, 'Book for a patient');
    await page.getByRole('searchbox', { name: 'Find the patient' }).fill('Inkpen');
    await page.getByRole('button', { name: 'Choose Walter Inkpen' }).click();
    await page.getByRole('group', { name: 'Booking for Walter Inkpen' }).waitFor();
    await page.getByLabel('Specialty').selectOption({ label: 'Cardiology' });
    await page.getByRole('radio', { name: 'Dr Lena Fischer' }).check();
    await pickSlot(page, world.day, '15:00');
    await page.getByRole('textbox', { name: 'Reason for the visit' }).fill('Blood pressure check (walk-in)');
    await expectNoViolations(page, 'staff booking form');
    await shot(page, 'book-staff-1280');
    await page.getByRole('button', { name: 'Review booking' }).click();
    await page.getByText('Walter Inkpen (born 1951-11-30)').waitFor();
    await page.getByRole('button', { name: 'Book appointment' }).click();
    await page.getByRole('heading', { name: 'Appointment requested' }).waitFor();

    await nav(page, 'Appointments');
    await page.getByLabel('Doctor').selectOption({ label: 'Dr Lena Fischer' });
    await page.getByLabel('Status').selectOption({ label: 'Requested' });
    const card = appointmentCard(page, 'Walter Inkpen');
    await card.getByText('Blood pressure check (walk-in)').waitFor();
    await expectNoViolations(page, 'staff appointments');
    await shot(page, 'staff-appointments-1280');
    await card.getByRole('button', { name: /^Confirm for Walter Inkpen/ }).click();
    await page.getByRole('status').filter({ hasText: 'Appointment confirmed: Walter Inkpen' }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Confirmed' });
    await appointmentCard(page, 'Walter Inkpen').getByText('Confirmed', { exact: true }).waitFor();

    // Filter by patient, then move the appointment on the patient's behalf: it stays confirmed.
    await page.getByLabel('Doctor').selectOption({ label: 'All doctors' });
    await page.getByRole('searchbox', { name: 'Patient' }).fill('Inkpen');
    await page.getByRole('button', { name: 'Show appointments of Walter Inkpen (1951-11-30)' }).click();
    await page.getByRole('button', { name: 'Clear the patient filter' }).waitFor();
    await expect.poll(() => page.getByRole('article').count(), { timeout: 15_000 }).toBe(1);
    await appointmentCard(page, 'Walter Inkpen').getByRole('link', { name: /^Reschedule/ }).click();
    await heading(page, 'Reschedule appointment');
    await page.getByText(/staff can change it at any time/).waitFor();
    await pickSlot(page, world.day, '16:30');
    await page.getByRole('button', { name: 'Move appointment' }).click();
    await heading(page, 'Appointment');
    await page.getByRole('status').filter({ hasText: /Appointment moved to .*16:30/ }).waitFor();
    await page.getByText('Confirmed', { exact: true }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a patient inside the cancellation notice window is told the deadline and cannot cancel online', async () => {
    const patient = await registerViaApi('Elena Petrova');
    const booked = await patient.request<{ id: string }>('POST', '/api/appointments', {
      doctorId: world.lena.id, start: instantAt(world.day, '12:00', world.timeZone), reason: 'Results discussion',
    });
    await admin.request('POST', `/api/appointments/${booked.id}/confirm`, {});
    const { updatedAt: _updatedAt, ...settings } = await admin.request<Record<string, unknown>>('GET', '/api/settings');
    await admin.request('PUT', '/api/settings', { ...settings, cancellationNoticeHours: 24 * 10, phone: '+44 20 7946 0000' });
    try {
      const { page, context } = await openPage();
      await page.goto('/login');
      await page.getByLabel('Email').fill((await patient.request<{ user: { email: string } }>('GET', '/api/auth/session')).user.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await heading(page, 'Patient dashboard');
      await nav(page, 'My appointments');
      // Ten days' notice for an appointment three days ahead: the deadline passed seven days ago, at 12:00 local time.
      const deadlineDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
        .format(new Date(`${addDays(world.day, -10)}T00:00:00Z`));
      const deadline = `${deadlineDay}, 12:00 (${world.timeZone})`;
      const told = `Changes were possible until ${deadline}. To change it now, call the hospital on +44 20 7946 0000.`;
      const card = appointmentCard(page, 'Dr Lena Fischer');
      await card.getByText('Confirmed', { exact: true }).waitFor();
      await card.getByText(told, { exact: true }).waitFor();
      await expect(card.getByRole('button', { name: /^Cancel/ }).count()).resolves.toBe(0);
      await expect(card.getByRole('link', { name: /^Reschedule/ }).count()).resolves.toBe(0);
      await expectNoViolations(page, 'too late to cancel');
      await card.getByRole('link', { name: /^Details and history/ }).click();
      await heading(page, 'Appointment');
      await page.getByText(told, { exact: true }).waitFor();
      await expect(page.getByRole('button', { name: /^Cancel/ }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: /^Reschedule/ }).count()).resolves.toBe(0);
      await expect(page.getByText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/).count()).resolves.toBe(0);
      await context.close();
    } finally {
      await admin.request('PUT', '/api/settings', { ...settings, cancellationNoticeHours: 24 });
    }
  });

  it('a patient books with the keyboard alone', async () => {
    const { page, context, problems } = await openPage();
    await registerPatient(page, { name: 'Keiko Sato', email: uniqueEmail('keiko'), password: PASSWORD });

    // From here on: Tab, Shift+Tab, Enter, Space and arrow keys only.
    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Book an appointment' }));
    await page.keyboard.press('Enter');
    await heading(page, 'Book an appointment');
    await expect(focusedText(page)).resolves.toBe('H1 Book an appointment');

    const specialty = page.getByLabel('Specialty');
    await tabTo(page, specialty);
    for (let i = 0; i < 40 && (await specialty.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)) !== 'Cardiology'; i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(specialty.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).resolves.toBe('Cardiology');

    const radio = page.getByRole('radio', { name: 'Dr Lena Fischer' });
    await tabTo(page, radio);
    await page.keyboard.press('Space');
    await expect(radio.isChecked()).resolves.toBe(true);

    const dates = page.getByRole('group', { name: 'Dates' });
    await tabInto(page, dates);
    await arrowTo(page, dates.getByRole('button', { name: dayButtonName(world.day) }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Free times on/ }).filter({ hasText: String(Number(world.day.slice(8))) }).waitFor();

    const times = page.getByRole('group', { name: /^Free times on/ });
    await tabInto(page, times);
    const slot = times.getByRole('button', { name: '10:30', exact: true });
    await arrowTo(page, slot);
    await page.keyboard.press('Space');
    await expect(slot.getAttribute('aria-pressed')).resolves.toBe('true');

    await tabTo(page, page.getByRole('textbox', { name: 'Reason for the visit' }));
    await page.keyboard.type('Follow-up after an ECG');
    await tabTo(page, page.getByRole('button', { name: 'Review booking' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check your booking' }).waitFor();
    await expect(focusedText(page)).resolves.toBe('H2 Check your booking');
    await tabTo(page, page.getByRole('button', { name: 'Request appointment' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Appointment requested' }).waitFor();
    await expect(focusedText(page)).resolves.toBe('H2 Appointment requested');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a time taken meanwhile answers with a friendly message and fresh slots', async () => {
    const { page, context } = await openPage();
    await registerPatient(page, { name: 'Bruno Costa', email: uniqueEmail('bruno'), password: PASSWORD });
    await page.goto(`/app/book?doctor=${world.lena.id}`);
    await heading(page, 'Book an appointment');
    await pickSlot(page, world.day, '14:00');
    await page.getByRole('textbox', { name: 'Reason for the visit' }).fill('Shortness of breath');
    await page.getByRole('button', { name: 'Review booking' }).click();
    await page.getByRole('heading', { name: 'Check your booking' }).waitFor();

    const rival = await registerViaApi('Rita Quick');
    await rival.request('POST', '/api/appointments', { doctorId: world.lena.id, start: instantAt(world.day, '14:00', world.timeZone), reason: 'Check-up' });

    await page.getByRole('button', { name: 'Request appointment' }).click();
    await page.getByRole('alert').filter({ hasText: 'That time has just been taken' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/That time has just been taken/);
    const times = page.getByRole('group', { name: /^Free times on/ });
    await times.getByRole('button', { name: '14:30', exact: true }).waitFor();
    await expect.poll(() => times.getByRole('button', { name: '14:00', exact: true }).count(), { timeout: 15_000 }).toBe(0);
    await page.getByText('No time selected yet.').waitFor();
    await expect(page.getByRole('heading', { name: /^Free times on/ }).textContent()).resolves.toContain(String(Number(world.day.slice(8))));
    await expectNoViolations(page, 'slot taken');
    await shot(page, 'slot-taken-1280');
    await pickSlot(page, world.day, '14:30');
    await page.getByRole('button', { name: 'Review booking' }).click();
    await page.getByRole('button', { name: 'Request appointment' }).click();
    await page.getByRole('heading', { name: 'Appointment requested' }).waitFor();
    await context.close();
  });
});

describe('the doctor’s availability and schedule', () => {
  it('the doctor edits weekly hours and time off', async () => {
    const { page, context, problems } = await openPage();
    await logInDoctor(page, world.lena);
    await nav(page, 'Availability');
    const monday = page.getByRole('group', { name: 'Monday' });
    await monday.getByRole('button', { name: 'Add hours on Monday' }).click();
    await monday.getByLabel('From (Monday, interval 2)').fill('16:00');
    await monday.getByLabel('To (Monday, interval 2)').fill('19:00');
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await monday.getByText('Overlaps 09:00–17:00 on the same day.').waitFor();
    await expectNoViolations(page, 'availability with an error');
    await monday.getByLabel('From (Monday, interval 2)').fill('18:00');
    await page.getByLabel('Appointment length').selectOption({ label: '20 minutes' });
    await page.getByRole('button', { name: 'Save weekly hours' }).click();
    await page.getByRole('status').filter({ hasText: 'Weekly hours saved' }).waitFor();
    const saved = await admin.request<{ slotMinutes: number; weekly: { weekday: number; start: string; end: string }[] }>('GET', `/api/doctors/${world.lena.id}/availability`);
    expect(saved.slotMinutes).toBe(20);
    expect(saved.weekly.filter((item) => item.weekday === 1)).toEqual([
      { weekday: 1, start: '09:00', end: '17:00' },
      { weekday: 1, start: '18:00', end: '19:00' },
    ]);

    const offDay = addDays(world.day, 1);
    await page.getByLabel('Starts').fill(`${offDay}T09:00`);
    await page.getByLabel('Ends').fill(`${offDay}T12:00`);
    await page.getByLabel('Reason (optional)').fill('Conference');
    await page.getByRole('button', { name: 'Add time off' }).click();
    await page.getByRole('status').filter({ hasText: /Time off .* added/ }).waitFor();
    const timeOff = page.getByRole('region', { name: 'Time off' });
    await timeOff.getByText('Conference').waitFor();
    const slots = await (await fetch(`${server.baseUrl}/api/doctors/${world.lena.id}/slots?from=${offDay}&to=${offDay}`)).json() as { slots: { start: string }[] };
    expect(slots.slots.map((slot) => slot.start)).not.toContain(instantAt(offDay, '10:00', world.timeZone));
    expect(slots.slots.map((slot) => slot.start)).toContain(instantAt(offDay, '12:00', world.timeZone));
    await expectNoViolations(page, 'availability');
    await shot(page, 'availability-1280');
    await timeOff.getByRole('button', { name: /^Delete time off/ }).click();
    await timeOff.getByText('No time off planned.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the doctor sees today and the week, and marks a past appointment completed', async () => {
    const wait = Date.parse(world.pastStart) + 2_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { page, context, problems } = await openPage();
    await logInDoctor(page, world.omar);
    await nav(page, 'My schedule');
    const today = page.getByRole('region', { name: /^Today, / });
    const card = appointmentCard(today, 'Priya Raman');
    await card.getByText('Outside your hours').waitFor();
    await card.getByText('Confirmed', { exact: true }).waitFor();
    await expectNoViolations(page, 'schedule');
    await shot(page, 'schedule-1280');
    await card.getByRole('button', { name: /^Mark completed/ }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as completed: Priya Raman' }).waitFor();
    await appointmentCard(today, 'Priya Raman').getByText('Completed', { exact: true }).waitFor();

    const week = page.getByRole('region', { name: /^Week of / });
    const title = await week.getByRole('heading', { level: 2 }).textContent();
    await page.getByRole('button', { name: 'Next week' }).click();
    await expect.poll(() => week.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).not.toBe(title);
    await page.getByRole('button', { name: 'This week' }).click();
    await expect.poll(() => week.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toBe(title);
    await week.getByText('Today’s appointments are listed above.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an admin filters all appointments by doctor and marks a no-show', async () => {
    const wait = Date.parse(world.pastStart) + 2_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { page, context, problems } = await openPage();
    await logInToDashboard(page, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await nav(page, 'Appointments');
    await page.getByLabel('Doctor').selectOption({ label: 'Dr Grace Lin' });
    const card = appointmentCard(page, 'Tariq Aziz');
    await card.getByText('Outside the doctor’s hours').waitFor();
    await card.getByRole('button', { name: /^Mark no-show/ }).click();
    await page.getByRole('status').filter({ hasText: 'Marked as a no-show: Tariq Aziz' }).waitFor();
    await appointmentCard(page, 'Tariq Aziz').getByText('No-show', { exact: true }).waitFor();
    await expectNoViolations(page, 'admin appointments');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('scheduling pages at 360 px', () => {
  it('the booking, appointments and doctor pages have no axe violations on a phone', async () => {
    const patient = await openPage(360);
    const p = patient.page;
    await registerPatient(p, { name: 'Lucía Fernández', email: uniqueEmail('lucia'), password: PASSWORD });
    await expectNoViolations(p, 'patient dashboard at 360px');
    await p.goto(`/app/book?doctor=${world.lena.id}`);
    await heading(p, 'Book an appointment');
    await pickSlot(p, world.day, '16:00');
    await expectNoViolations(p, 'booking at 360px');
    await shot(p, 'book-form-360');
    await p.getByRole('textbox', { name: 'Reason for the visit' }).fill('Dizziness');
    await p.getByRole('button', { name: 'Review booking' }).click();
    await shot(p, 'book-review-360');
    await p.getByRole('button', { name: 'Request appointment' }).click();
    await p.getByRole('heading', { name: 'Appointment requested' }).waitFor();
    await p.goto('/app/appointments');
    await heading(p, 'My appointments');
    await appointmentCard(p, 'Dr Lena Fischer').waitFor();
    await expectNoViolations(p, 'my appointments at 360px');
    await shot(p, 'my-appointments-360');
    await p.goto('/app');
    await heading(p, 'Patient dashboard');
    await p.getByRole('region', { name: 'Upcoming appointments' }).getByText('Dr Lena Fischer').waitFor();
    await expectNoViolations(p, 'patient dashboard with an appointment at 360px');
    await shot(p, 'dashboard-360');
    await patient.context.close();

    const doctor = await openPage(360);
    const d = doctor.page;
    await logInDoctor(d, world.lena);
    for (const [path, title, name] of [
      ['/app/requests', 'Appointment requests', 'requests'],
      ['/app/schedule', 'My schedule', 'schedule'],
      ['/app/availability', 'Availability', 'availability'],
    ] as const) {
      await d.goto(path);
      await heading(d, title);
      await expectNoViolations(d, `${path} at 360px`);
      await shot(d, `${name}-360`);
    }
    await doctor.context.close();
  }, JOURNEY_TIMEOUT);

  it('pages a role may not use are not found', async () => {
    const { page, context } = await openPage();
    await registerPatient(page, { name: 'Nils Holm', email: uniqueEmail('nils'), password: PASSWORD });
    for (const path of ['/app/requests', '/app/schedule', '/app/availability']) {
      await page.goto(path);
      await heading(page, 'Page not found');
    }
    await context.close();
  });
});
