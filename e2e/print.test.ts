import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotextOf } from '../server/src/test/pdf-text.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './harness.ts';
import { book, heading, openPage, setUpWorld, signIn, tearDown, type UxWorld } from './ux.helpers.ts';

/*
 * Paper at the desk: the patient downloads an appointment slip, the desk produces the record of a patient
 * without a login, and the staff appointments list and the doctor's schedule print without navigation chrome.
 */

let world: UxWorld;
let appointmentId: string;
// A fresh object each time: signIn records a replaced password on the account it is given.
const admin = () => ({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });

beforeAll(async () => {
  world = await setUpWorld();
  appointmentId = await book(world, world.patient.session, world.day, '10:00', true);
}, 120_000);

afterAll(async () => tearDown(world));

async function pdfOf(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return { name: download.suggestedFilename(), text: (await pdftotextOf(bytes)).replace(/\s+/g, ' ') };
}

/** In print, the header, the navigation, every button and every filter are gone; `kept` is still on the page. */
async function expectPrintedWithoutChrome(page: Page, kept: Locator): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await expect.poll(() => page.getByRole('banner').isVisible()).toBe(false);
  expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
  for (const role of ['button', 'combobox', 'checkbox'] as const) expect(await page.getByRole(role).filter({ visible: true }).count()).toBe(0);
  expect(await kept.isVisible()).toBe(true);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('banner').waitFor();
}

describe('documents and printing in the browser', () => {
  it('the patient clicks "Download the appointment slip (PDF)" and receives the slip with the doctor and the local time', async () => {
    const { page, context, problems } = await openPage(world);
    await signIn(page, world.patient);
    await page.goto(`/app/appointments/${appointmentId}`);
    const { name, text } = await pdfOf(page, page.getByRole('link', { name: 'Download the appointment slip (PDF)' }));
    expect(name).toBe(`appointment-slip-${world.day}.pdf`);
    expect(text).toContain(world.doctor.name);
    expect(text).toContain('10:00');
    expect(text).toContain(world.patient.name);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the desk downloads the record of a patient without a login; the download is audited', async () => {
    const created = await world.admin.request<{ id: string }>('POST', '/api/patients', {
      name: 'Zoë Ångström-Ñúñez', dateOfBirth: '1962-03-14', gender: 'female', phone: '+44 20 7946 0777',
    });
    const desk = { email: 'desk.print@hospital.test', password: 'front desk passphrase 2026' };
    await world.admin.request('POST', '/api/users', { name: 'Rita Reyes', email: desk.email, role: 'receptionist', password: desk.password });
    const { page, context, problems } = await openPage(world);
    await signIn(page, desk);
    await page.goto(`/app/patients/${created.id}`);
    await heading(page, 'Zoë Ångström-Ñúñez');
    const { name, text } = await pdfOf(page, page.getByRole('link', { name: 'Download the patient’s record (PDF)' }));
    expect(name).toMatch(/^patient-record-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(text).toContain('Zoë Ångström-Ñúñez');
    const audit = await world.admin.request<{ items: { action: string; entityId: string; outcome: string }[] }>(
      'GET', `/api/audit?entityType=patient&entityId=${created.id}`,
    );
    expect(audit.items.filter((row) => row.action === 'document.patient_record.generate' && row.outcome === 'success')).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the staff appointments list prints without the header, the navigation, the filters or any button', async () => {
    const { page, context, problems } = await openPage(world);
    await signIn(page, admin());
    await page.goto('/app/appointments');
    await heading(page, 'Appointments');
    await page.getByRole('button', { name: 'Print this list' }).waitFor();
    await expectPrintedWithoutChrome(page, page.getByRole('region', { name: 'Results' }));
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the doctor's day list prints without the header, the navigation or any button", async () => {
    const { page, context, problems } = await openPage(world);
    await signIn(page, world.doctor);
    await page.goto('/app/schedule');
    await heading(page, 'My schedule');
    await page.getByRole('button', { name: 'Print my day' }).waitFor();
    await expectPrintedWithoutChrome(page, page.getByRole('heading', { name: /^Today, / }));
    expect(problems).toEqual([]);
    await context.close();
  });
});
