import { describe, expect, it } from 'vitest';
import { flat, pdfjsPagesOf, pdftotextOf } from '../../test/pdf-text.ts';
import { GENERATED_AT, HOSPITAL, NAMES, prescriptionInput, prescriptionItems, receiptInput, slipInput, visitSummaryInput } from './fixtures.ts';
import { renderPrescriptionPdf } from './prescription.ts';
import { renderReceiptPdf } from './receipt.ts';
import { renderAppointmentSlip } from './slip.ts';
import { renderVisitSummaryPdf } from './visit-summary.ts';

/** The text of the whole document by both extractors, whitespace collapsed. */
async function bothTexts(pdf: Buffer): Promise<{ poppler: string; pdfjs: string; pages: string[]; popplerPages: string[] }> {
  const poppler = await pdftotextOf(pdf);
  const pages = await pdfjsPagesOf(pdf);
  return { poppler: flat(poppler), pdfjs: flat(pages.join('\n')), pages, popplerPages: poppler.split('\f').filter((page) => page.trim() !== '') };
}

async function expectEveryField(pdf: Buffer, expected: readonly string[]): Promise<void> {
  const { poppler, pdfjs } = await bothTexts(pdf);
  for (const text of expected) {
    expect(poppler, `pdftotext: ${text}`).toContain(text);
    expect(pdfjs, `pdf.js: ${text}`).toContain(text);
  }
}

/** A label and its value: side by side for pdf.js; pdftotext may read the label column before the value column. */
async function expectFields(pdf: Buffer, fields: readonly (readonly [string, string])[]): Promise<void> {
  const { poppler, pdfjs } = await bothTexts(pdf);
  for (const [label, value] of fields) {
    expect(pdfjs, `pdf.js: ${label}`).toContain(`${label} ${value}`);
    expect(poppler, `pdftotext: ${label}`).toContain(label);
    expect(poppler, `pdftotext: ${value}`).toContain(value);
  }
}

describe('the document renderer', () => {
  it('two renders of the same input are byte-identical; another clock gives other bytes', async () => {
    const first = await renderPrescriptionPdf(prescriptionInput());
    const second = await renderPrescriptionPdf(prescriptionInput());
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    const later = await renderPrescriptionPdf(prescriptionInput({ generatedAt: new Date(GENERATED_AT.getTime() + 60_000) }));
    expect(later.equals(first)).toBe(false);
    // The document's dates are the injected clock's.
    expect(first.toString('latin1').match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20300701120000Z)', '(D:20300701120000Z)']);
  });

  it('Turkish, accented, Cyrillic and Arabic names come out exactly, by pdftotext and by pdf.js', async () => {
    const slip = await renderAppointmentSlip(slipInput({ patient: { name: NAMES.arabic, dateOfBirth: '1988-04-09' }, doctor: { name: NAMES.cyrillic, specialization: NAMES.accents, department: NAMES.turkish } }));
    await expectEveryField(slip, [NAMES.arabic, NAMES.cyrillic, NAMES.accents, NAMES.turkish, HOSPITAL.name, HOSPITAL.address ?? '']);
    await expectFields(slip, [['Patient', NAMES.arabic], ['Doctor', NAMES.cyrillic]]);
    const pdfText = slip.toString('latin1');
    expect(pdfText).toContain('+DejaVuSans');
    expect(pdfText).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('an appointment slip names the doctor, the local date and time, the place, what to bring and how to cancel', async () => {
    const slip = await renderAppointmentSlip(slipInput());
    await expectEveryField(slip, [
      'Appointment slip', NAMES.cyrillic, 'Tue, 2 Jul 2030, 09:30 (Europe/London), until 10:00', 'Orthopaedics · Outpatients B',
      `${HOSPITAL.name}, ${HOSPITAL.address}`, 'Knee pain', 'What to bring', 'Photo identification', 'How to cancel',
      'up to 24 hours before the start', `call the hospital on ${HOSPITAL.phone}`, 'Page 1 of 1',
      'Printed Mon, 1 Jul 2030, 13:00 (Europe/London)',
    ]);
    const withLink = await renderAppointmentSlip(slipInput({ manageUrl: 'https://hms.example/manage/abc' }));
    await expectEveryField(withLink, ['Or use this link: https://hms.example/manage/abc']);
  });

  it('times follow the hospital zone, never the server: the same instant prints differently in New York', async () => {
    const slip = await renderAppointmentSlip(slipInput({ hospital: { ...HOSPITAL, timeZone: 'America/New_York' } }));
    await expectEveryField(slip, ['Tue, 2 Jul 2030, 04:30 (America/New_York), until 05:00']);
  });

  it('a prescription shows the header, patient, prescriber, number, version and each item with its refills', async () => {
    const pdf = await renderPrescriptionPdf(prescriptionInput());
    await expectEveryField(pdf, [
      HOSPITAL.name, HOSPITAL.address ?? '', `Phone ${HOSPITAL.phone}`, 'Prescription RX-2030-000042',
      '1. Medicine 1 500 mg tablet', 'Dose: 1 tablet · Route: oral · Frequency: three times a day',
      'Duration: 7 days · Quantity: 21 tablet · Refills: 0', 'Refills: 1', 'Instructions: Item 2: take after food with water',
    ]);
    await expectFields(pdf, [
      ['Prescription number', 'RX-2030-000042'], ['Version', '2'], ['Date', 'Mon, 1 Jul 2030, 12:45 (Europe/London)'],
      ['Patient', NAMES.turkish], ['Date of birth', '10 December 1990'], ['Patient identifier', 'PAT-0042'],
      ['Prescriber', NAMES.accents], ['Registration', 'GMC 7654321'],
    ]);
    const { poppler } = await bothTexts(pdf);
    expect(poppler).not.toContain('COPY');
    expect(poppler).not.toContain('VOID');
  });

  it('a 30-item prescription runs over several pages, each with the header and "page x of y"', async () => {
    const pdf = await renderPrescriptionPdf(prescriptionInput({ items: prescriptionItems(30) }));
    const { pages, popplerPages, poppler, pdfjs } = await bothTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(popplerPages).toHaveLength(pages.length);
    pages.forEach((page, index) => {
      for (const text of [flat(page), flat(popplerPages[index] ?? '')]) {
        expect(text).toContain(HOSPITAL.name);
        expect(text).toContain('Prescription RX-2030-000042');
        expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
      }
    });
    for (let item = 1; item <= 30; item++) {
      expect(poppler).toContain(`${item}. Medicine ${item} 500 mg tablet`);
      expect(pdfjs).toContain(`Instructions: Item ${item}: take after food with water`);
    }
    // An item is never split between two pages: its drug and its instructions sit on one page.
    const pageOf = (text: string) => pages.findIndex((page) => flat(page).includes(text));
    for (let item = 1; item <= 30; item++) {
      expect(pageOf(`${item}. Medicine ${item} 500 mg`)).toBe(pageOf(`Instructions: Item ${item}:`));
    }
  });

  it('a reprint says COPY on every page; an entered-in-error prescription says VOID, with its reason', async () => {
    const copy = await renderPrescriptionPdf(prescriptionInput({ reprint: true, items: prescriptionItems(30) }));
    const copyText = await bothTexts(copy);
    for (const page of copyText.pages) expect(page).toContain('COPY');
    expect(copyText.poppler).toContain('Copy of a prescription printed before');
    const voided = await renderPrescriptionPdf(prescriptionInput({
      reprint: true, prescription: { ...prescriptionInput().prescription, status: 'entered_in_error', statusReason: 'wrong patient' },
    }));
    await expectEveryField(voided, ['VOID', 'Entered in error: not valid for dispensing: wrong patient']);
    expect((await bothTexts(voided)).poppler).not.toContain('COPY');
  });

  it('a visit summary shows diagnoses, plan, follow-up, vitals and the prescriptions', async () => {
    const pdf = await renderVisitSummaryPdf(visitSummaryInput());
    await expectEveryField(pdf, [
      'Visit summary', NAMES.arabic, NAMES.cyrillic, 'Cardiology', 'Mon, 1 Jul 2030, 10:00 (Europe/London)', 'Chest tightness on stairs',
      'Stable angina (I20.8) — primary', 'Hypertension (I10)', 'Exercise test within two weeks', 'Cardiology clinic in 4 weeks',
      'RX-2030-000050 · 1. Medicine 1 500 mg tablet', 'Dose: 1 tablet',
    ]);
    await expectFields(pdf, [
      ['Blood pressure', '128/82 mmHg'], ['Pulse', '71 /min'], ['Temperature', '36.8 °C'], ['Oxygen saturation', '98 %'],
      ['Weight', '74.5 kg'], ['Height', '171 cm'], ['Patient', NAMES.arabic], ['Patient identifier', 'PAT-0007'],
    ]);
  });

  it('a receipt shows the amount in its currency, the method and the reference', async () => {
    const pdf = await renderReceiptPdf(receiptInput());
    await expectEveryField(pdf, ['Receipt RC-2030-000901', NAMES.accents, NAMES.turkish]);
    await expectFields(pdf, [['Amount', '£60.50'], ['Method', 'Card'], ['Reference', 'TERM-55-0193'], ['Patient identifier', 'PAT-0901']]);
    const yen = await renderReceiptPdf(receiptInput({ amountMinor: 6050, currency: 'JPY', method: 'cash', reference: null, refunds: [{ at: '2030-07-01T11:00:00.000Z', amountMinor: 50, reason: 'overcharge' }] }));
    await expectEveryField(yen, ['Refunds', 'JP¥50 · overcharge']);
    await expectFields(yen, [['Amount', 'JP¥6,050'], ['Method', 'Cash'], ['Net paid', 'JP¥6,000']]);
  });
});
