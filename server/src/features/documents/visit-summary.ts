import { displayTemperature, type TemperatureUnit } from '#shared/vitals';
import { formatCalendarDate, formatInstant, joinPresent } from './format.ts';
import { renderPdf, type Block, type DocumentHospital } from './pdf/renderer.ts';
import { prescriptionItemLines, type DocumentPatient, type DocumentPrescriber, type PrescriptionItemInput } from './prescription.ts';

// The visit summary handed to the patient after a signed consultation: a pure function of its input, wired to
// GET /api/appointments/:id/consultation/summary.pdf by the consultations feature.

/** The vitals of PUT /api/appointments/:id/consultation. */
export interface VisitVitals {
  systolic?: number | null | undefined;
  diastolic?: number | null | undefined;
  pulse?: number | null | undefined;
  temperatureC?: number | null | undefined;
  respiratoryRate?: number | null | undefined;
  spo2?: number | null | undefined;
  weightKg?: number | null | undefined;
  heightCm?: number | null | undefined;
}

export interface VisitDiagnosis {
  text: string;
  code?: string | null | undefined;
  primary?: boolean | null | undefined;
}

export interface VisitSummaryInput {
  hospital: DocumentHospital;
  generatedAt: Date;
  patient: DocumentPatient;
  doctor: DocumentPrescriber;
  visit: {
    appointmentId: string;
    /** Instants (UTC). */
    start: string;
    signedAt: string;
  };
  complaint?: string | null | undefined;
  vitals?: VisitVitals | null | undefined;
  diagnoses: readonly VisitDiagnosis[];
  /** The plan: what was agreed and what the patient should do. */
  plan?: string | null | undefined;
  followUp?: string | null | undefined;
  addenda?: readonly { at: string; text: string }[] | undefined;
  prescriptions: readonly { number: string; items: readonly PrescriptionItemInput[] }[];
  /** The unit the hospital shows temperatures in (the vitals hold °C); °C when left out. */
  temperatureUnit?: TemperatureUnit | undefined;
}

/** The vitals that were taken, each with its unit. */
export function vitalRows(vitals: VisitVitals, temperatureUnit: TemperatureUnit = 'C'): [string, string][] {
  const rows: [string, string][] = [];
  if (vitals.systolic != null && vitals.diastolic != null) rows.push(['Blood pressure', `${vitals.systolic}/${vitals.diastolic} mmHg`]);
  else if (vitals.systolic != null) rows.push(['Systolic pressure', `${vitals.systolic} mmHg`]);
  else if (vitals.diastolic != null) rows.push(['Diastolic pressure', `${vitals.diastolic} mmHg`]);
  if (vitals.pulse != null) rows.push(['Pulse', `${vitals.pulse} /min`]);
  if (vitals.temperatureC != null) rows.push(['Temperature', `${displayTemperature(vitals.temperatureC, temperatureUnit)} °${temperatureUnit}`]);
  if (vitals.respiratoryRate != null) rows.push(['Respiratory rate', `${vitals.respiratoryRate} /min`]);
  if (vitals.spo2 != null) rows.push(['Oxygen saturation', `${vitals.spo2} %`]);
  if (vitals.weightKg != null) rows.push(['Weight', `${vitals.weightKg} kg`]);
  if (vitals.heightCm != null) rows.push(['Height', `${vitals.heightCm} cm`]);
  return rows;
}

export function visitSummaryBlocks(input: VisitSummaryInput): Block[] {
  const { hospital, patient, doctor, visit } = input;
  const blocks: Block[] = [
    { kind: 'title', text: 'Visit summary' },
    {
      kind: 'fields',
      rows: [
        ['Patient', patient.name],
        ['Date of birth', formatCalendarDate(patient.dateOfBirth)],
        ['Patient identifier', patient.identifier],
        ['Doctor', joinPresent([doctor.name, doctor.specialization])],
        ['Visit', formatInstant(visit.start, hospital.timeZone)],
        ['Signed', formatInstant(visit.signedAt, hospital.timeZone)],
      ],
    },
  ];
  if (input.complaint) blocks.push({ kind: 'heading', text: 'Reason for the visit' }, { kind: 'paragraph', text: input.complaint });
  const vitals = input.vitals ? vitalRows(input.vitals, input.temperatureUnit) : [];
  if (vitals.length > 0) blocks.push({ kind: 'heading', text: 'Vitals' }, { kind: 'fields', rows: vitals });
  blocks.push({ kind: 'heading', text: 'Diagnoses' });
  if (input.diagnoses.length === 0) blocks.push({ kind: 'paragraph', text: 'None recorded.' });
  for (const diagnosis of input.diagnoses) {
    blocks.push({ kind: 'paragraph', text: `• ${joinPresent([diagnosis.text, diagnosis.code ? `(${diagnosis.code})` : null, diagnosis.primary ? '— primary' : null], ' ')}` });
  }
  if (input.plan) blocks.push({ kind: 'heading', text: 'Plan' }, { kind: 'paragraph', text: input.plan });
  if (input.followUp) blocks.push({ kind: 'heading', text: 'Follow-up' }, { kind: 'paragraph', text: input.followUp });
  if (input.prescriptions.length > 0) {
    blocks.push({ kind: 'heading', text: 'Prescriptions' });
    for (const prescription of input.prescriptions) {
      prescription.items.forEach((item, index) => {
        blocks.push({ kind: 'item', title: `${prescription.number} · ${index + 1}. ${item.drug}`, lines: prescriptionItemLines(item) });
      });
    }
  }
  for (const addendum of input.addenda ?? []) {
    blocks.push({ kind: 'item', title: `Addendum, ${formatInstant(addendum.at, hospital.timeZone)}`, lines: [addendum.text] });
  }
  return blocks;
}

/** The visit summary as PDF bytes. */
export function renderVisitSummaryPdf(input: VisitSummaryInput): Promise<Buffer> {
  return renderPdf({ title: 'Visit summary', hospital: input.hospital, generatedAt: input.generatedAt, blocks: visitSummaryBlocks(input) });
}
