import { formatCalendarDate, formatDuration, formatInstant, joinPresent } from './format.ts';
import { renderPdf, type Block, type DocumentHospital, type DocumentMark } from './pdf/renderer.ts';

// The prescription document: a pure function of its input, wired to GET /api/prescriptions/:id/pdf by the
// prescriptions feature, which maps its own records into these types.

export interface DocumentPatient {
  name: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  /** The hospital's identifier for the patient (its id, or a record number). */
  identifier: string;
}

export interface DocumentPrescriber {
  name: string;
  specialization?: string | null | undefined;
  /** A professional registration number, when the hospital records one. */
  registration?: string | null | undefined;
}

/** One item, in the shapes of POST /api/patients/:id/prescriptions. */
export interface PrescriptionItemInput {
  /** What is dispensed: the formulary entry (name, strength, form) or the free-text drug. */
  drug: string;
  dose: { value: string; unit: string };
  route: string;
  frequency: string;
  duration?: { value: number | string; unit: 'd' | 'wk' | 'mo' } | null | undefined;
  quantity?: { value: number | string; unit: string } | null | undefined;
  refills?: number | null | undefined;
  instructions?: string | null | undefined;
}

export type PrescriptionDocumentStatus = 'draft' | 'active' | 'stopped' | 'completed' | 'entered_in_error';

export interface PrescriptionDocumentInput {
  hospital: DocumentHospital;
  generatedAt: Date;
  prescription: {
    id: string;
    number: string;
    version: number;
    status: PrescriptionDocumentStatus;
    /** Instant of issue; null while a draft. */
    issuedAt: string | null;
    /** Why it was marked entered-in-error, printed under VOID. */
    statusReason?: string | null | undefined;
  };
  prescriber: DocumentPrescriber;
  patient: DocumentPatient;
  items: readonly PrescriptionItemInput[];
  /** This prescription has been printed before: the document says COPY. */
  reprint: boolean;
}

/** VOID for an entered-in-error prescription (whatever else), COPY for a reprint. */
export function prescriptionMark(input: Pick<PrescriptionDocumentInput, 'prescription' | 'reprint'>): DocumentMark | undefined {
  if (input.prescription.status === 'entered_in_error') return 'VOID';
  return input.reprint ? 'COPY' : undefined;
}

/** The lines of one item below its drug: dose and route, how often and how long, quantity and refills, instructions. */
export function prescriptionItemLines(item: PrescriptionItemInput): string[] {
  const lines = [
    `Dose: ${item.dose.value} ${item.dose.unit} · Route: ${item.route} · Frequency: ${item.frequency}`,
    joinPresent([
      item.duration ? `Duration: ${formatDuration(item.duration)}` : null,
      item.quantity ? `Quantity: ${item.quantity.value} ${item.quantity.unit}` : null,
      `Refills: ${item.refills ?? 0}`,
    ]),
  ];
  if (item.instructions) lines.push(`Instructions: ${item.instructions}`);
  return lines;
}

export function prescriptionBlocks(input: PrescriptionDocumentInput): Block[] {
  const { prescription, prescriber, patient, hospital } = input;
  return [
    { kind: 'title', text: `Prescription ${prescription.number}` },
    {
      kind: 'fields',
      rows: [
        ['Prescription number', prescription.number],
        ['Version', String(prescription.version)],
        ['Date', prescription.issuedAt ? formatInstant(prescription.issuedAt, hospital.timeZone) : 'Not issued (draft)'],
        ['Patient', patient.name],
        ['Date of birth', formatCalendarDate(patient.dateOfBirth)],
        ['Patient identifier', patient.identifier],
        ['Prescriber', prescriber.name],
        ...(prescriber.specialization ? [['Specialty', prescriber.specialization] as const] : []),
        ...(prescriber.registration ? [['Registration', prescriber.registration] as const] : []),
      ],
    },
    { kind: 'heading', text: `Items (${input.items.length})` },
    ...input.items.map((item, index): Block => ({ kind: 'item', title: `${index + 1}. ${item.drug}`, lines: prescriptionItemLines(item) })),
    { kind: 'paragraph', text: `Prescriber's signature: ________________________    ${prescriber.name}` },
  ];
}

/** The prescription as PDF bytes. */
export function renderPrescriptionPdf(input: PrescriptionDocumentInput): Promise<Buffer> {
  const mark = prescriptionMark(input);
  return renderPdf({
    title: `Prescription ${input.prescription.number}`,
    hospital: input.hospital,
    generatedAt: input.generatedAt,
    mark,
    markNote: mark === 'VOID'
      ? joinPresent(['Entered in error: not valid for dispensing', input.prescription.statusReason], ': ')
      : mark === 'COPY' ? 'Copy of a prescription printed before: not a new prescription' : undefined,
    blocks: prescriptionBlocks(input),
  });
}
