import type { Static } from 'typebox';
import type { DiagnosisStatus } from '#shared/consultations';
import { bodyMassIndex, VITAL_NAMES, VITALS, type VitalName, type Vitals } from '#shared/vitals';
import type { ConsultationsTable } from '../../db/types.ts';
import type { Addendum, Consultation, Diagnosis, VisitSummary } from './consultations.schemas.ts';
import type { AddendumRow, ConsultationRow, SignedSummaryRow, VisitRow } from './consultations.queries.ts';
import { findDiagnosisCode } from './diagnosis-codes.ts';

export type ConsultationView = Static<typeof Consultation>;
export type DiagnosisView = Static<typeof Diagnosis>;
export type AddendumView = Static<typeof Addendum>;
export type VisitSummaryView = Static<typeof VisitSummary>;

/** The column each vital is stored in, as a whole number of its smallest step. */
export const VITAL_COLUMNS = {
  systolic: 'systolic', diastolic: 'diastolic', pulse: 'pulse', temperatureC: 'temperature_dc', respiratoryRate: 'respiratory_rate',
  spo2: 'spo2', weightKg: 'weight_dag', heightCm: 'height_mm',
} as const satisfies Record<VitalName, keyof ConsultationsTable>;

type VitalColumns = { [K in (typeof VITAL_COLUMNS)[VitalName]]: number | null };

/** Vitals in SI units → their stored whole numbers (validated beforehand: at most the declared decimals). */
export function vitalsToColumns(vitals: Vitals | undefined): VitalColumns {
  const columns = {} as VitalColumns;
  for (const name of VITAL_NAMES) {
    const value = vitals?.[name];
    columns[VITAL_COLUMNS[name]] = value === undefined || value === null ? null : Math.round(value * 10 ** VITALS[name].decimals);
  }
  return columns;
}

export function vitalsOf(row: ConsultationsTable): ConsultationView['vitals'] {
  const vitals = {} as Record<VitalName, number | null>;
  for (const name of VITAL_NAMES) {
    const stored = row[VITAL_COLUMNS[name]];
    vitals[name] = stored === null ? null : Number(stored) / 10 ** VITALS[name].decimals;
  }
  return { ...vitals, bmi: bodyMassIndex(vitals.weightKg, vitals.heightCm) };
}

export interface StoredDiagnosis {
  text: string;
  code: string | null;
  primary: boolean;
  status: DiagnosisStatus | null;
}

export function diagnosesOf(text: string): DiagnosisView[] {
  const stored = JSON.parse(text) as StoredDiagnosis[];
  return stored.map((d) => ({
    text: d.text, code: d.code, codeTitle: d.code ? (findDiagnosisCode(d.code)?.title ?? null) : null, primary: d.primary, status: d.status,
  }));
}

export const toAddendum = (row: AddendumRow): AddendumView => ({
  id: row.id, at: row.at, authorId: row.author_id, authorName: row.author_name, authorRole: row.author_role, text: row.text,
});

export function toConsultation(visit: VisitRow, row: ConsultationRow, addenda: AddendumRow[]): ConsultationView {
  return {
    id: row.id,
    appointmentId: row.appointment_id,
    appointmentStart: visit.start_at,
    appointmentStatus: visit.status as ConsultationView['appointmentStatus'],
    patientId: row.patient_id,
    patientName: visit.patient_name,
    doctorId: row.doctor_id,
    doctorName: visit.doctor_name,
    status: row.status as ConsultationView['status'],
    complaint: row.complaint,
    notes: { history: row.note_history, examination: row.note_examination, assessment: row.note_assessment, plan: row.note_plan },
    vitals: vitalsOf(row),
    diagnoses: diagnosesOf(row.diagnoses),
    followUp: row.follow_up,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
    signedBy: row.signed_by !== null ? { id: row.signed_by, name: row.signed_by_name ?? '' } : null,
    addenda: addenda.map(toAddendum),
  };
}

export const toVisitSummary = (row: SignedSummaryRow): VisitSummaryView => ({
  appointmentId: row.appointment_id,
  consultationId: row.id,
  start: row.start_at,
  doctorId: row.doctor_id,
  doctorName: row.doctor_name,
  signedAt: row.signed_at ?? row.updated_at,
  complaint: row.complaint,
  diagnoses: diagnosesOf(row.diagnoses),
  followUp: row.follow_up,
});
