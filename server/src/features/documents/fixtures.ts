import type { AppointmentSlipInput } from './slip.ts';
import type { DocumentHospital } from './pdf/renderer.ts';
import type { PrescriptionDocumentInput, PrescriptionItemInput } from './prescription.ts';
import type { ReceiptInput } from './receipt.ts';
import type { VisitSummaryInput } from './visit-summary.ts';

// Inputs for the document tests: names in four scripts, a hospital in a zone away from UTC.

export const NAMES = {
  turkish: 'Ayşe Yılmaz',
  accents: 'Zoë Ångström-Ñúñez',
  cyrillic: 'Дмитрий Иванович Соколов',
  arabic: 'فاطمة الزهراء',
} as const;

export const HOSPITAL: DocumentHospital = {
  name: 'St Ayşe Hospital',
  address: '1 Ångström Road, Cambridge CB2 1TN',
  phone: '+44 1223 000 111',
  timeZone: 'Europe/London',
};

export const GENERATED_AT = new Date('2030-07-01T12:00:00.000Z');

export function slipInput(overrides: Partial<AppointmentSlipInput> = {}): AppointmentSlipInput {
  return {
    hospital: HOSPITAL,
    generatedAt: GENERATED_AT,
    appointment: { id: 'appt-0001', start: '2030-07-02T08:30:00.000Z', end: '2030-07-02T09:00:00.000Z', status: 'confirmed', reason: 'Knee pain' },
    doctor: { name: NAMES.cyrillic, specialization: 'Orthopaedics', department: 'Outpatients B' },
    patient: { name: NAMES.arabic, dateOfBirth: '1988-04-09' },
    cancellationNoticeHours: 24,
    ...overrides,
  };
}

export function prescriptionItems(count: number): PrescriptionItemInput[] {
  return Array.from({ length: count }, (_, index) => ({
    drug: `Medicine ${index + 1} 500 mg tablet`,
    dose: { value: '1', unit: 'tablet' },
    route: 'oral',
    frequency: 'three times a day',
    duration: { value: 7, unit: 'd' as const },
    quantity: { value: 21, unit: 'tablet' },
    refills: index % 3,
    instructions: `Item ${index + 1}: take after food with water`,
  }));
}

export function prescriptionInput(overrides: Partial<PrescriptionDocumentInput> = {}): PrescriptionDocumentInput {
  return {
    hospital: HOSPITAL,
    generatedAt: GENERATED_AT,
    prescription: { id: 'rx-1', number: 'RX-2030-000042', version: 2, status: 'active', issuedAt: '2030-07-01T11:45:00.000Z' },
    prescriber: { name: NAMES.accents, specialization: 'General practice', registration: 'GMC 7654321' },
    patient: { name: NAMES.turkish, dateOfBirth: '1990-12-10', identifier: 'PAT-0042' },
    items: prescriptionItems(2),
    reprint: false,
    ...overrides,
  };
}

export function visitSummaryInput(overrides: Partial<VisitSummaryInput> = {}): VisitSummaryInput {
  return {
    hospital: HOSPITAL,
    generatedAt: GENERATED_AT,
    patient: { name: NAMES.arabic, dateOfBirth: '1988-04-09', identifier: 'PAT-0007' },
    doctor: { name: NAMES.cyrillic, specialization: 'Cardiology' },
    visit: { appointmentId: 'appt-7', start: '2030-07-01T09:00:00.000Z', signedAt: '2030-07-01T09:40:00.000Z' },
    complaint: 'Chest tightness on stairs',
    vitals: { systolic: 128, diastolic: 82, pulse: 71, temperatureC: 36.8, spo2: 98, weightKg: 74.5, heightCm: 171 },
    diagnoses: [{ text: 'Stable angina', code: 'I20.8', primary: true }, { text: 'Hypertension', code: 'I10' }],
    plan: 'Exercise test within two weeks; start the medicines below.',
    followUp: 'Cardiology clinic in 4 weeks',
    prescriptions: [{ number: 'RX-2030-000050', items: prescriptionItems(1) }],
    ...overrides,
  };
}

export function receiptInput(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    hospital: HOSPITAL,
    generatedAt: GENERATED_AT,
    receiptNumber: 'RC-2030-000901',
    paidAt: '2030-07-01T10:05:00.000Z',
    patient: { name: NAMES.accents, identifier: 'PAT-0901' },
    appointment: { start: '2030-07-01T09:00:00.000Z', doctorName: NAMES.turkish },
    amountMinor: 6050,
    currency: 'GBP',
    method: 'card',
    reference: 'TERM-55-0193',
    ...overrides,
  };
}
