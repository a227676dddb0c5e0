import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoViolations } from './axe.ts';
import { addDays, dayButtonName, pickSlot } from './scheduling.helpers.ts';
import { book, HOSPITAL_PHONE, heading, openPage, registerPatientViaApi, setUpWorld, signIn, tearDown, type UxWorld } from './ux.helpers.ts';

/*
 * What users tripped over, each proved in a real browser: the doctor form after a direct load, the change deadline,
 * the booking flow across Back, Forward and reload, the appointment page opened directly, and the open-requests limit.
 * The 360 px layout, the header and the notification bell are in ux-layout.test.ts.
 */

let world: UxWorld;
const JOURNEY_TIMEOUT = 180_000;

beforeAll(async () => {
  world = await setUpWorld();
}, 120_000);

afterAll(async () => {
  await tearDown(world);
});

const selectedText = (select: HTMLSelectElement) => select.selectedOptions[0]?.text ?? '';

describe('forms and pages opened by their address', () => {
  it('the doctor form opened directly (and reloaded) shows the doctor’s own specialization, and saving keeps it', async () => {
    const { page, context, problems } = await openPage(world);
    // The specializations answer late, as on a slow connection: the form must still show the doctor's own.
    await page.route('**/api/specializations*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    await signIn(page, { email: 'admin@example.test', password: 'Granite-Lantern-Orchid-42' });
    await page.goto(`/app/doctors/${world.doctor.id}`);
    await heading(page, world.doctor.name);
    const select = page.getByLabel('Specialization');
    await expect.poll(() => select.evaluate(selectedText), { timeout: 15_000 }).toBe('Neurology');
    await page.reload();
    await heading(page, world.doctor.name);
    await expect.poll(() => select.evaluate(selectedText), { timeout: 15_000 }).toBe('Neurology');
    await expect(select.isEnabled()).resolves.toBe(true);

    await page.getByLabel('Department (optional)').fill('Neurosciences, level 3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The doctor’s profile has been updated.').waitFor();
    const saved = await world.admin.request<{ department: string; specialization: { id: string } }>('GET', `/api/doctors/${world.doctor.id}`);
    expect(saved).toMatchObject({ department: 'Neurosciences, level 3', specialization: { id: world.specializations.neurology } });
    expect(problems).toEqual([]);
    await context.close();
  }, JOURNEY_TIMEOUT);

  it('the appointment page opened directly is styled: its summary is laid out as a grid', async () => {
    const id = await book(world, world.patient.session, world.day, '15:00');
    const { page, context, problems } = await openPage(world);
    await signIn(page, world.patient);
    // A notification link opens the page in a fresh tab: no slot picker has been on screen before.
    await page.goto(`/app/appointments/${id}`);
    await heading(page, 'Appointment');
    const list = page.locator('dl.summary-list');
    await list.waitFor();
    await expect(list.evaluate((element) => getComputedStyle(element).display)).resolves.toBe('grid');
    await expect(list.locator('dt').first().evaluate((element) => getComputedStyle(element).fontWeight)).resolves.toBe('600');
    await world.patient.session.request('POST', `/api/appointments/${id}/cancel`, {});
    expect(problems).toEqual([]);
    await context.close();
  }, JOURNEY_TIMEOUT);
});

describe('the change deadline', () => {
  it('inside the notice window a patient is offered neither Cancel nor Reschedule, and is told until when and whom to call', async () => {
    const patient = await registerPatientViaApi(world.server.baseUrl, 'Ines Carvalho');
    const id = await book(world, patient.session, world.day, '11:00', true);
    await world.admin.request('PUT', '/api/settings', { ...world.settings, cancellationNoticeHours: 24 * 5 });
    try {
      const { page, context, problems } = await openPage(world, 360);
      await signIn(page, patient);
      await page.goto('/app/appointments');
      await heading(page, 'My appointments');
      const deadlineDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
        .format(new Date(`${addDays(world.day, -5)}T00:00:00Z`));
      const told = `Changes were possible until ${deadlineDay}, 11:00 (${world.timeZone}). To change it now, call the hospital on ${HOSPITAL_PHONE}.`;
      const card = page.getByRole('article').filter({ hasText: world.doctor.name });
      await card.getByText(told, { exact: true }).waitFor();
      await expect(card.getByRole('button', { name: /^Cancel/ }).count()).resolves.toBe(0);
      await expect(card.getByRole('link', { name: /^Reschedule/ }).count()).resolves.toBe(0);
      await expectNoViolations(page, 'appointment inside the notice window');

      await page.goto(`/app/appointments/${id}`);
      await page.getByText(told, { exact: true }).waitFor();
      await expect(page.getByRole('button', { name: /^Cancel/ }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: /^Reschedule/ }).count()).resolves.toBe(0);
      // The reschedule page answers the same when opened by its address.
      await page.goto(`/app/appointments/${id}/reschedule`);
      await page.getByText('This appointment can no longer be moved.').waitFor();
      await page.getByText(told, { exact: true }).waitFor();
      expect(problems).toEqual([]);
      await context.close();

      // Staff may still change it, and are told they are not bound by the notice period.
      const desk = await openPage(world);
      await signIn(desk.page, { email: 'admin@example.test', password: 'Granite-Lantern-Orchid-42' });
      await desk.page.goto(`/app/appointments/${id}`);
      await desk.page.getByText(/staff can change it at any time\.$/).waitFor();
      await desk.page.getByRole('button', { name: /^Cancel…/ }).waitFor();
      expect(desk.problems).toEqual([]);
      await desk.context.close();
    } finally {
      await world.admin.request('PUT', '/api/settings', world.settings);
    }
  }, JOURNEY_TIMEOUT);
});

describe('booking', () => {
  it('Back, Forward and reload keep the booking flow on the same step with the same choices', async () => {
    const patient = await registerPatientViaApi(world.server.baseUrl, 'Tomasz Kowalczyk');
    const { page, context, problems } = await openPage(world);
    await signIn(page, patient);
    await page.goto('/app/book');
    await heading(page, 'Book an appointment');
    await page.getByLabel('Specialty').selectOption({ label: 'Neurology' });
    await page.getByRole('radio', { name: world.doctor.name }).click();
    await expect.poll(() => page.getByRole('radio', { name: world.doctor.name }).isChecked()).toBe(true);
    // The following week, a date in it, a time, and a reason.
    await page.getByRole('button', { name: 'Later dates' }).click();
    const later = addDays(world.day, 7);
    await pickSlot(page, later, '10:30');
    const reason = 'Headaches every morning for two weeks';
    await page.getByRole('textbox', { name: 'Reason for the visit' }).fill(reason);

    const sameChoices = async () => {
      await expect.poll(() => page.getByLabel('Specialty').evaluate(selectedText)).toBe('Neurology');
      await expect.poll(() => page.getByRole('radio', { name: world.doctor.name }).isChecked()).toBe(true);
      await page.getByRole('group', { name: 'Dates' }).getByRole('button', { name: dayButtonName(later) }).waitFor();
      await expect
        .poll(() => page.getByRole('group', { name: /^Free times on/ }).getByRole('button', { name: '10:30', exact: true }).getAttribute('aria-pressed'))
        .toBe('true');
      await expect(page.getByRole('textbox', { name: 'Reason for the visit' }).inputValue()).resolves.toBe(reason);
    };

    await page.reload();
    await heading(page, 'Book an appointment');
    await sameChoices();

    await page.getByRole('button', { name: 'Review booking' }).click();
    await page.getByRole('heading', { name: 'Check your booking' }).waitFor();
    // The step shows at once; the address follows a moment later.
    await page.waitForURL(/[?&]step=review/);
    await page.goBack();
    await page.getByRole('button', { name: 'Review booking' }).waitFor();
    await sameChoices();
    await page.goForward();
    await page.getByRole('heading', { name: 'Check your booking' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Check your booking' }).waitFor();
    await page.getByRole('definition').filter({ hasText: reason }).waitFor();
    await page.getByRole('button', { name: 'Request appointment' }).click();
    await page.getByRole('heading', { name: 'Appointment requested' }).waitFor();

    // A fresh start forgets the choices and the reason.
    await page.goto('/app/book');
    await heading(page, 'Book an appointment');
    await expect(page.getByRole('textbox', { name: 'Reason for the visit' }).inputValue()).resolves.toBe('');
    expect(problems).toEqual([]);
    await context.close();
  }, JOURNEY_TIMEOUT);

  it('entering Book says how many requests may wait at once, and says before the form when the limit is reached', async () => {
    const patient = await registerPatientViaApi(world.server.baseUrl, 'Aroha Ngata');
    const { page, context, problems } = await openPage(world);
    await signIn(page, patient);
    await page.goto('/app/book');
    await heading(page, 'Book an appointment');
    await page.getByText('You can have up to 2 appointment requests waiting for a decision at once; you have 0 now.').waitFor();

    await book(world, patient.session, addDays(world.day, 1), '09:00');
    await book(world, patient.session, addDays(world.day, 1), '09:30');
    await page.reload();
    await heading(page, 'Book an appointment');
    const alert = page.getByText(/You already have 2 appointment requests waiting for a decision, and the hospital takes at most 2 at once/);
    await alert.waitFor();
    await expectNoViolations(page, 'book at the open-requests limit');
    expect(problems).toEqual([]);
    await context.close();
  }, JOURNEY_TIMEOUT);
});
