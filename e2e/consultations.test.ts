import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdftotextOf } from '../server/src/test/pdf-text.ts';
import { ApiSession } from './api.ts';
import { expectNoViolations } from './axe.ts';
import { logInToDashboard } from './flows.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, openPage as openHarnessPage, startServer, uniqueEmail, type RunningServer, type TestPage } from './harness.ts';

/*
 * The consultation in a real browser: the front desk books a walk-in, the doctor opens it from the schedule, writes
 * the notes, vitals and a coded diagnosis, prescribes amoxicillin to a patient allergic to penicillins (overriding the
 * warning with a reason), signs and completes the visit and adds an addendum; the patient then reads the visit summary
 * and the prescription. The workspace is scanned by axe and checked at 360 px for horizontal scrolling.
 */

let server: RunningServer;
let browser: Browser;
let admin: ApiSession;

const PASSWORD = 'Copper-Meadow-Kettle-58';
const DOCTOR_TEMP = 'Temporary-Pass-Word-77';
const JOURNEY_TIMEOUT = 300_000;

const world = {
  doctor: { id: '', name: 'Dr Helena Brandt', email: '', password: DOCTOR_TEMP, specialization: '' },
  patient: { id: '', name: 'Marcus Oyelaran', email: '' },
};

async function openPage(width = 1280): Promise<TestPage> {
  const opened = await openHarnessPage(browser, server.baseUrl, width);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function nav(page: Page, label: string, title: string | RegExp = label): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true }).click();
  await heading(page, title);
}

/** The elements that stick out past the right edge of the viewport (empty when nothing scrolls sideways). */
async function wideElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(-8)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (${Math.round(element.getBoundingClientRect().right)} px)`);
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await ApiSession.logIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);

  const specializations = await admin.request<{ id: string; name: string }[]>('GET', '/api/specializations');
  const specialization =
    specializations[0] ?? (await admin.request<{ id: string; name: string }>('POST', '/api/specializations', { name: 'General practice' }));
  world.doctor.specialization = specialization.name;
  world.doctor.email = uniqueEmail('brandt');
  const doctor = await admin.request<{ id: string }>('POST', '/api/doctors', {
    name: world.doctor.name, email: world.doctor.email, phone: '+44 20 7946 0102', specializationId: specialization.id, password: DOCTOR_TEMP,
  });
  world.doctor.id = doctor.id;

  world.patient.email = uniqueEmail('marcus');
  const registered = await fetch(`${server.baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: world.patient.email, password: PASSWORD, name: world.patient.name, dateOfBirth: '1979-11-23', gender: 'male', phone: '+44 20 7946 0777' }),
  });
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
  const patient = await ApiSession.logIn(server.baseUrl, world.patient.email, PASSWORD);
  const session = await patient.request<{ user: { patientId: string } }>('GET', '/api/auth/session');
  world.patient.id = session.user.patientId;
  // The patient reports a penicillin allergy, coded to the drug class.
  await patient.request('POST', `/api/patients/${world.patient.id}/history`, {
    kind: 'allergy', title: 'Penicillin allergy', details: 'Hives as a child', allergen: { class: 'penicillins' },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a consultation from the schedule to the patient’s visit summary', () => {
  it('the desk books a walk-in; the doctor writes, prescribes with an overridden allergy warning and signs; the patient reads it', { timeout: JOURNEY_TIMEOUT }, async () => {
    // The front desk books the walk-in.
    const desk = await openPage();
    const a = desk.page;
    await logInToDashboard(a, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_PASSWORD);
    await nav(a, 'Appointments');
    await a.getByRole('button', { name: 'Walk-in…' }).click();
    const dialog = a.getByRole('dialog', { name: 'Walk-in: see a patient now' });
    await dialog.getByLabel('Doctor').selectOption({ label: `${world.doctor.name} (${world.doctor.specialization})` });
    await dialog.getByRole('searchbox', { name: 'Find the patient' }).fill('Oyelaran');
    await dialog.getByRole('button', { name: `Choose ${world.patient.name}` }).click();
    await dialog.getByRole('textbox', { name: 'Reason for the visit' }).fill('Sore throat and fever for three days');
    await expectNoViolations(a, 'walk-in dialog');
    await dialog.getByRole('button', { name: 'Book walk-in now' }).click();
    await a.getByRole('status').filter({ hasText: `Walk-in booked: ${world.patient.name} with ${world.doctor.name}` }).waitFor();
    expect(desk.problems).toEqual([]);
    await desk.context.close();

    // The doctor opens it from today's schedule.
    const doctorPage = await openPage();
    const d = doctorPage.page;
    await logInToDashboard(d, world.doctor.email, world.doctor.password, PASSWORD);
    await nav(d, 'My schedule');
    const today = d.getByRole('region', { name: /^Today/ });
    const card = today.getByRole('article').filter({ hasText: world.patient.name });
    await card.getByText('Sore throat and fever for three days').waitFor();
    await card.getByRole('link', { name: /^Start consultation/ }).click();
    await heading(d, 'Consultation');
    const record = d.getByRole('complementary', { name: `${world.patient.name}: record` });
    await record.getByText('Penicillin allergy').waitFor();

    await d.getByRole('textbox', { name: 'Chief complaint' }).fill('Sore throat, fever');
    await d.getByRole('textbox', { name: 'History' }).fill('Three days of sore throat and fever, no cough.');
    await d.getByRole('textbox', { name: 'Examination' }).fill('Tonsils swollen with exudate, tender cervical nodes.');
    await d.getByRole('textbox', { name: 'Assessment' }).fill('Likely streptococcal tonsillitis.');
    await d.getByRole('textbox', { name: 'Plan' }).fill('Antibiotic for five days, fluids, paracetamol for pain.');
    // A pulse outside the physiological bounds is refused before anything is sent.
    await d.getByRole('textbox', { name: 'Pulse (/min)' }).fill('400');
    await d.getByRole('textbox', { name: 'Temperature (°C)' }).fill('38.4');
    await d.getByRole('button', { name: 'Save draft' }).click();
    await d.getByText(/Pulse must be between 20–300/).waitFor();
    await d.getByRole('textbox', { name: 'Pulse (/min)' }).fill('96');
    await d.getByRole('textbox', { name: /^Systolic/ }).fill('124');
    await d.getByRole('textbox', { name: /^Diastolic/ }).fill('78');
    await d.getByRole('textbox', { name: 'Weight (kg)' }).fill('82.5');
    await d.getByRole('textbox', { name: 'Height (cm)' }).fill('180');
    await d.getByText('Body-mass index: 25.5 kg/m²').waitFor();

    // A coded diagnosis from the shipped list.
    await d.getByRole('searchbox', { name: 'Find a diagnosis code' }).fill('tonsillitis');
    await d.getByRole('list', { name: 'Matching diagnosis codes' }).getByRole('button', { name: /^Add J03\.9/ }).click();
    await expect(d.getByRole('textbox', { name: 'Code of diagnosis 1 (optional)' }).inputValue()).resolves.toBe('J03.9');
    await d.getByRole('textbox', { name: 'Follow-up advice for the patient' }).fill('Come back if not better in 48 hours.');
    await d.getByRole('button', { name: 'Save draft' }).click();
    await d.getByRole('status').filter({ hasText: 'Draft saved.' }).waitFor();
    await expectNoViolations(d, 'consultation workspace (draft)');

    // At 360 px the workspace does not scroll sideways.
    await d.setViewportSize({ width: 360, height: 800 });
    await d.getByRole('textbox', { name: 'Chief complaint' }).waitFor();
    await expect.poll(() => wideElements(d)).toEqual([]);
    await d.setViewportSize({ width: 1280, height: 900 });

    // Amoxicillin for a patient allergic to penicillins: the warning is overridden with a reason.
    await d.getByRole('searchbox', { name: 'Search the formulary for medicine 1' }).fill('amoxicillin');
    await d.getByRole('button', { name: 'Choose Amoxicillin 500 mg capsule' }).click();
    await d.getByRole('textbox', { name: 'Dose of medicine 1' }).fill('1');
    await d.getByLabel('Frequency of medicine 1').selectOption('TDS');
    await d.getByRole('textbox', { name: 'Duration of medicine 1 (optional)' }).fill('5');
    await d.getByRole('textbox', { name: 'Quantity of medicine 1 (optional)' }).fill('15');
    await d.getByRole('button', { name: 'Issue prescription' }).click();
    const warning = d.getByRole('dialog', { name: 'Allergy warning' });
    await warning.getByText(/Medicine 1:.*Penicillin allergy/).waitFor();
    await expectNoViolations(d, 'allergy warning dialog');
    await warning.getByRole('button', { name: 'Override and issue' }).click();
    await warning.getByText('Give the reason for issuing despite the warning.').waitFor();
    await warning.getByRole('textbox', { name: 'Reason for overriding' }).fill('Reaction was a non-allergic rash; tolerated amoxicillin in 2019.');
    await warning.getByRole('button', { name: 'Override and issue' }).click();
    await d.getByRole('status').filter({ hasText: /Prescription RX-\d{4}-\d{6} issued with the safety warning overridden\./ }).waitFor();
    const visitPrescriptions = d.getByRole('list', { name: 'Prescriptions of this visit' });
    await visitPrescriptions.getByText('Amoxicillin 500 mg capsule').waitFor();
    await visitPrescriptions.getByText(/Safety warning overridden/).waitFor();

    // Sign and complete, after confirming.
    await d.getByRole('button', { name: 'Sign and complete…' }).click();
    const confirm = d.getByRole('dialog', { name: 'Sign and complete the visit?' });
    await confirm.getByRole('button', { name: 'Sign and complete' }).click();
    await d.getByRole('status').filter({ hasText: 'Consultation signed and the visit completed.' }).waitFor();
    await d.getByRole('heading', { name: 'Signed consultation' }).waitFor();
    await expect(d.getByRole('textbox', { name: 'Chief complaint' }).count()).resolves.toBe(0);
    await d.getByRole('textbox', { name: 'Addendum' }).fill('Throat swab sent; result to follow.');
    await d.getByRole('button', { name: 'Add addendum' }).click();
    await d.getByRole('region', { name: 'Addenda' }).getByText('Throat swab sent; result to follow.').waitFor();
    await expectNoViolations(d, 'consultation workspace (signed)');
    expect(doctorPage.problems).toEqual([]);
    await doctorPage.context.close();

    // The patient reads the visit summary and the prescription.
    const patientPage = await openPage();
    const p = patientPage.page;
    await logInToDashboard(p, world.patient.email, PASSWORD, PASSWORD);
    await nav(p, 'My visits');
    await p.getByRole('article').filter({ hasText: world.doctor.name }).getByRole('link', { name: /^Read the visit summary/ }).click();
    await heading(p, 'Visit summary');
    await p.getByText('Sore throat, fever').waitFor();
    await p.getByText('Antibiotic for five days, fluids, paracetamol for pain.').waitFor();
    await p.getByText('Come back if not better in 48 hours.').waitFor();
    await p.getByRole('region', { name: 'Prescriptions from this visit' }).getByText('Amoxicillin 500 mg capsule').waitFor();
    await expect(p.getByText('Tonsils swollen with exudate').count()).resolves.toBe(0);
    const summaryLink = p.getByRole('link', { name: 'Download the visit summary (PDF)' });
    const [summary] = await Promise.all([p.waitForEvent('download'), summaryLink.click()]);
    const summaryBytes = await readFile(await summary.path());
    expect(summaryBytes.subarray(0, 5).toString()).toBe('%PDF-');
    const summaryText = (await pdftotextOf(summaryBytes)).replace(/\s+/g, ' ');
    expect(summaryText).toContain(world.patient.name);
    expect(summaryText).toContain('Antibiotic for five days');
    await expectNoViolations(p, 'visit summary');

    await nav(p, 'My prescriptions');
    const active = p.getByRole('region', { name: 'Active' });
    await active.getByText('Amoxicillin 500 mg capsule').waitFor();
    await active.getByText(/Three times a day \(TDS\).*for 5 days/).waitFor();
    await active.getByRole('link', { name: /^Download prescription RX-\d{4}-\d{6} \(PDF\)$/ }).waitFor();
    await expectNoViolations(p, 'my prescriptions');
    expect(patientPage.problems).toEqual([]);
    await patientPage.context.close();
  });
});
