import { describe, expect, it } from 'vitest';
import { logInToDashboard, registerPatient } from './flows.ts';
import { addDays, appointmentCard, expectNoViolations, heading, instantAt, nav, pickSlot, shot } from './scheduling.helpers.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, uniqueEmail } from './harness.ts';
import { admin, JOURNEY_TIMEOUT, logInDoctor, openPage, PASSWORD, server, useSchedulingWorld, world } from './scheduling.world.ts';

/*
 * The doctor's availability and schedule, the admin's no-show, and every scheduling page at 360 px.
 *
 * Set HMS_E2E_SHOTS=/some/dir to keep full-page screenshots of the pages at 1280 and 360 px.
 */

useSchedulingWorld();

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
    // Waiting for the appointment to start may take up to two minutes after set-up.
  }, JOURNEY_TIMEOUT);

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
    // Waiting for the appointment to start may take up to two minutes after set-up.
  }, JOURNEY_TIMEOUT);
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
