import { describe, expect, it } from 'vitest';
import { logInToDashboard, registerPatient } from './flows.ts';
import {
  addDays, appointmentCard, arrowTo, dayButtonName, expectNoViolations, focusedText, heading, instantAt, nav, pickSlot, shot, tabInto, tabTo,
} from './scheduling.helpers.ts';
import { uniqueEmail } from './harness.ts';
import { admin, JOURNEY_TIMEOUT, logInDoctor, openPage, PASSWORD, registerViaApi, useSchedulingWorld, world } from './scheduling.world.ts';

/*
 * Scheduling journeys in a real browser: booking (patient, receptionist, keyboard only), the doctor's queue and
 * the front desk's list. The doctor's schedule and availability and the phone-width scans are in
 * scheduling-schedule.test.ts.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the pages at 1280 and 360 px.
 */

useSchedulingWorld();

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
