import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from './api.ts';
import { expectNoViolations } from './axe.ts';
import { logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage as openHarnessPage, startServer, uniqueEmail, type RunningServer, type TestPage } from './harness.ts';

/*
 * The clinical record after a visit, per role, in a real browser: the administrator switches the hospital to °F;
 * the visit's doctor reads the temperature in °F, stops one prescription and marks another entered in error (void);
 * another doctor of the patient reads the signed consultation read-only from the patient's page; the front desk
 * sees only that the consultation is signed; the administrator reaches the content through break-glass, and the
 * audit viewer flags it.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;

const PASSWORD = 'Willow-Granite-Beacon-63';
const TEMPORARY = 'Temporary-Pass-Word-77';
const TIMEOUT = 300_000;

const world = {
  author: { email: '', name: 'Dr Ines Carvalho' },
  colleague: { email: '', name: 'Dr Tobias Lind' },
  desk: { email: '', name: 'Priya Natarajan' },
  patient: { id: '', name: 'Elena Marsh' },
  visitId: '',
  stopRx: '',
  errorRx: '',
  replaceRx: '',
};

async function openPage(width = 1280): Promise<TestPage> {
  const opened = await openHarnessPage(browser, server.baseUrl, width);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A staff account whose temporary password has been replaced, signed in through the API. */
async function staff(kind: 'doctor' | 'receptionist', name: string, specializationId: string): Promise<{ id: string; email: string; api: ApiSession }> {
  const email = uniqueEmail(name.split(' ').at(-1)?.toLowerCase() ?? kind);
  const created = kind === 'doctor'
    ? await admin.request<{ id: string }>('POST', '/api/doctors', { name, email, phone: '+44 20 7946 0110', specializationId, password: TEMPORARY })
    : await admin.request<{ id: string }>('POST', '/api/users', { name, email, role: kind, password: TEMPORARY });
  const first = await ApiSession.logIn(server.baseUrl, email, TEMPORARY);
  await first.request('POST', '/api/auth/password', { currentPassword: TEMPORARY, newPassword: PASSWORD });
  return { id: created.id, email, api: await ApiSession.logIn(server.baseUrl, email, PASSWORD) };
}

async function prescribe(doctor: ApiSession, drugText: string): Promise<string> {
  const draft = await doctor.request<{ id: string; number: string }>('POST', `/api/patients/${world.patient.id}/prescriptions`, {
    appointmentId: world.visitId, items: [{ drugText, dose: { value: '1', unit: 'tablet' }, route: 'oral', frequency: 'BD', duration: { value: 7, unit: 'd' } }],
  });
  await doctor.request('POST', `/api/prescriptions/${draft.id}/issue`, {});
  return draft.number;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const specializations = await admin.request<{ id: string }[]>('GET', '/api/specializations');
  const specializationId = specializations[0]?.id ?? (await admin.request<{ id: string }>('POST', '/api/specializations', { name: 'Family medicine' })).id;
  const author = await staff('doctor', world.author.name, specializationId);
  const colleague = await staff('doctor', world.colleague.name, specializationId);
  const desk = await staff('receptionist', world.desk.name, specializationId);
  world.author.email = author.email;
  world.colleague.email = colleague.email;
  world.desk.email = desk.email;
  const patient = await admin.request<{ id: string }>('POST', '/api/patients', {
    name: world.patient.name, dateOfBirth: '1984-02-11', gender: 'female', phone: '+44 20 7946 0333',
  });
  world.patient.id = patient.id;

  // The visit: a walk-in, written, signed (which completes it) and annotated, with two prescriptions.
  const visit = await desk.api.request<{ id: string }>('POST', '/api/appointments', {
    doctorId: author.id, patientId: patient.id, walkIn: true, reason: 'Fever and earache',
  });
  world.visitId = visit.id;
  await author.api.request('PUT', `/api/appointments/${visit.id}/consultation`, {
    complaint: 'Fever and left earache', notes: { examination: 'Left tympanic membrane red and bulging', plan: 'Analgesia and review in three days' },
    vitals: { temperatureC: 38.4, pulse: 92 }, diagnoses: [{ text: 'Acute otitis media', code: 'H66.9', primary: true, status: 'confirmed' }],
  });
  await author.api.request('POST', `/api/appointments/${visit.id}/consultation/sign`);
  await author.api.request('POST', `/api/appointments/${visit.id}/consultation/addenda`, { text: 'Swab result: no growth.' });
  world.stopRx = await prescribe(author.api, 'Ibuprofen 200 mg tablet');
  world.errorRx = await prescribe(author.api, 'Cefalexin 250 mg capsule');
  world.replaceRx = await prescribe(author.api, 'Paracetamol 500 mg tablet');
  // The colleague sees the patient later the same day, which makes them one of the patient's doctors.
  await desk.api.request('POST', '/api/appointments', { doctorId: colleague.id, patientId: patient.id, walkIn: true, reason: 'Follow-up of the earache' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the clinical record after the visit, per role', () => {
  it('the admin sets °F; the visit’s doctor reads 101.1 °F, stops one prescription, voids another and replaces a third', { timeout: TIMEOUT }, async () => {
    const adminPage = await openPage();
    const a = adminPage.page;
    await logInToDashboard(a, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await a.goto('/app/settings');
    await heading(a, 'Settings');
    await a.getByRole('radio', { name: 'Fahrenheit (°F)' }).check();
    await expect(a.getByRole('checkbox', { name: 'Completing a visit needs its signed consultation' }).isChecked()).resolves.toBe(true);
    await a.getByRole('button', { name: 'Save settings' }).click();
    await a.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
    expect(adminPage.problems).toEqual([]);
    await adminPage.context.close();

    const doctorPage = await openPage();
    const d = doctorPage.page;
    await logInToDashboard(d, world.author.email, PASSWORD, PASSWORD);
    await d.goto(`/app/appointments/${world.visitId}/consultation`);
    await d.getByRole('heading', { name: 'Signed consultation' }).waitFor();
    await d.getByText('101.1 °F').waitFor();
    await expect(d.getByText('°C').count()).resolves.toBe(0);

    await d.getByRole('button', { name: `Stop ${world.stopRx}` }).click();
    const stop = d.getByRole('dialog', { name: `Stop prescription ${world.stopRx}` });
    await stop.getByRole('button', { name: 'Stop prescription' }).click();
    await stop.getByText('Give the reason.').waitFor();
    await stop.getByRole('textbox', { name: 'Reason' }).fill('Pain settled; no longer needed.');
    await expectNoViolations(d, 'stop prescription dialog');
    await stop.getByRole('button', { name: 'Stop prescription' }).click();
    await d.getByRole('status').filter({ hasText: `Prescription ${world.stopRx} stopped.` }).waitFor();
    const list = d.getByRole('list', { name: 'Prescriptions of this visit' });
    await list.getByRole('article', { name: `Prescription ${world.stopRx}` }).getByText('Pain settled; no longer needed.').waitFor();

    await d.getByRole('button', { name: `Entered in error ${world.errorRx}` }).click();
    const error = d.getByRole('dialog', { name: `Mark prescription entered in error ${world.errorRx}` });
    await error.getByRole('textbox', { name: 'Reason' }).fill('Written for the wrong patient.');
    await error.getByRole('button', { name: 'Mark prescription entered in error' }).click();
    await d.getByRole('status').filter({ hasText: `Prescription ${world.errorRx} marked entered in error: it is void.` }).waitFor();
    const voided = list.getByRole('article', { name: `Prescription ${world.errorRx}` });
    await voided.getByText('Void:').waitFor();
    await voided.getByText('Entered in error (void)', { exact: true }).waitFor();
    await expect(d.getByRole('button', { name: `Entered in error ${world.errorRx}` }).count()).resolves.toBe(0);
    await expectNoViolations(d, 'workspace after stop and entered in error');

    // A change after issue is a new prescription replacing the old one, which is stopped.
    await d.getByRole('button', { name: `Replace ${world.replaceRx}` }).click();
    const replace = d.getByRole('dialog', { name: `Replace prescription ${world.replaceRx}` });
    await expect(replace.getByRole('textbox', { name: 'Medicine 1: name, strength and form' }).inputValue()).resolves.toBe('Paracetamol 500 mg tablet');
    await replace.getByRole('textbox', { name: 'Dose of medicine 1' }).fill('2');
    await expectNoViolations(d, 'replace prescription dialog');
    await replace.getByRole('button', { name: `Issue the replacement of ${world.replaceRx}` }).click();
    await d.getByRole('status').filter({ hasText: new RegExp(`issued; it replaces ${world.replaceRx}, which is stopped\\.`) }).waitFor();
    await list.getByRole('article', { name: `Prescription ${world.replaceRx}` }).getByText(/Replaced by RX-\d{4}-\d{6}/).waitFor();
    expect(doctorPage.problems).toEqual([]);
    await doctorPage.context.close();
  });

  it('another doctor of the patient reads the signed consultation read-only, with its addenda, also at 360 px', { timeout: TIMEOUT }, async () => {
    const opened = await openPage();
    const d = opened.page;
    await logInToDashboard(d, world.colleague.email, PASSWORD, PASSWORD);
    await d.goto(`/app/patients/${world.patient.id}`);
    await heading(d, world.patient.name);
    await d.getByRole('link', { name: new RegExp(`with ${world.author.name}$`) }).click();
    await heading(d, 'Consultation record');
    await d.getByText('Left tympanic membrane red and bulging').waitFor();
    await d.getByText('Swab result: no growth.').waitFor();
    await d.getByText('101.1 °F').waitFor();
    await expect(d.getByRole('textbox', { name: 'Addendum' }).count()).resolves.toBe(0);
    await expect(d.getByRole('textbox', { name: 'Chief complaint' }).count()).resolves.toBe(0);
    await expectNoViolations(d, 'consultation record (read only)');
    await d.setViewportSize({ width: 360, height: 800 });
    await expect.poll(() => d.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });

  it('another doctor of the patient issues a prescription outside a visit from the patient’s page; it is listed as active', { timeout: TIMEOUT }, async () => {
    const opened = await openPage();
    const d = opened.page;
    await logInToDashboard(d, world.colleague.email, PASSWORD, PASSWORD);
    await d.goto(`/app/patients/${world.patient.id}`);
    await heading(d, world.patient.name);
    await d.getByRole('button', { name: 'New prescription' }).click();
    const dialog = d.getByRole('dialog', { name: `New prescription for ${world.patient.name}` });
    await dialog.getByRole('button', { name: 'Issue prescription' }).click();
    await dialog.getByText('Please correct the fields marked below.').waitFor();
    await dialog.getByLabel('Medicine 1 is not in the formulary (free text)').check();
    await dialog.getByRole('textbox', { name: 'Medicine 1: name, strength and form' }).fill('Amoxicillin 500 mg capsule');
    await dialog.getByRole('textbox', { name: 'Dose of medicine 1' }).fill('1');
    await expectNoViolations(d, 'new prescription dialog on the patient’s page');
    await dialog.getByRole('button', { name: 'Issue prescription' }).click();
    await dialog.waitFor({ state: 'hidden' }).catch(async () => {
      throw new Error(`The prescription was not issued: ${await dialog.innerText()}`);
    });
    const notice = d.getByRole('status').filter({ hasText: /Prescription RX-\d{4}-\d{6} issued\./ });
    await notice.waitFor();
    const number = /RX-\d{4}-\d{6}/.exec(await notice.innerText())?.[0] ?? '';
    expect(number).not.toBe('');
    const card = d.getByRole('list', { name: 'Prescriptions of the patient' }).getByRole('article', { name: `Prescription ${number}` });
    await card.getByText('Active', { exact: true }).waitFor();
    await card.getByText('Amoxicillin 500 mg capsule', { exact: false }).waitFor();
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });

  it('the front desk sees that the consultation is signed, never its content', { timeout: TIMEOUT }, async () => {
    const opened = await openPage();
    const r = opened.page;
    await logInToDashboard(r, world.desk.email, PASSWORD, PASSWORD);
    await r.goto(`/app/appointments/${world.visitId}`);
    await heading(r, 'Appointment');
    await r.getByText('Consultation signed').waitFor();
    await expect(r.getByRole('link', { name: /consultation/i }).count()).resolves.toBe(0);
    await expect(r.getByText('Left tympanic membrane').count()).resolves.toBe(0);
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });

  it('the admin opens the clinical content through break-glass with a reason; the audit viewer flags it', { timeout: TIMEOUT }, async () => {
    const opened = await openPage();
    const a = opened.page;
    await logInToDashboard(a, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await a.goto(`/app/patients/${world.patient.id}`);
    await heading(a, world.patient.name);
    const step = a.getByRole('region', { name: 'Break-glass access' });
    await step.waitFor();
    await expect(a.getByText('Left tympanic membrane').count()).resolves.toBe(0);
    await step.getByRole('button', { name: /^Open the clinical record for 30 minutes/ }).click();
    await step.getByText('Give the reason in at least 10 characters.').waitFor();
    await step.getByRole('textbox', { name: 'Reason for break-glass access' }).fill('Patient collapsed in the waiting room; doctor unavailable.');
    await expectNoViolations(a, 'break-glass step');
    await step.getByRole('button', { name: /^Open the clinical record for 30 minutes/ }).click();
    await a.getByText(/You are reading this clinical record through break-glass access/).waitFor();
    await a.getByRole('list', { name: 'Prescriptions of the patient' }).getByText(world.errorRx, { exact: false }).first().waitFor();
    await a.getByRole('link', { name: new RegExp(`with ${world.author.name}$`) }).click();
    await heading(a, 'Consultation record');
    await a.getByText('Left tympanic membrane red and bulging').waitFor();

    await a.goto('/app/audit');
    await heading(a, /Audit/);
    await a.getByRole('region', { name: 'Audit entries' }).getByText('Break-glass').first().waitFor();
    await expectNoViolations(a, 'audit viewer with break-glass entries');
    expect(opened.problems).toEqual([]);
    await opened.context.close();
  });
});
