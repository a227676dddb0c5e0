import type { ConsultationStatus } from '#shared/consultations';
import type { PrescriptionStatus } from '#shared/prescriptions';
import type { Role } from '#shared/roles';

/** Tables of the clinical record: the formulary, prescriptions (migration 009), consultations and break-glass grants (010). */

export interface FormularyTable {
  id: string;
  name: string;
  strength: string;
  form: string;
  route: string;
  /** JSON array of lower-case ingredient names. */
  ingredients: string;
  /** JSON array of lower-case drug class names. */
  classes: string;
  /** Lower-case name and ingredients, for search. */
  search_text: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface FormularyTermsTable {
  formulary_id: string;
  kind: 'ingredient' | 'class';
  term: string;
}

export interface PrescriptionNumbersTable {
  year: number;
  last: number;
}

export interface PrescriptionsTable {
  id: string;
  number: string;
  patient_id: string;
  doctor_id: string;
  appointment_id: string | null;
  replaces_id: string | null;
  status: PrescriptionStatus;
  override_reason: string | null;
  /** JSON array of the safety-check matches overridden at issue. */
  conflicts: string | null;
  issued_at: string | null;
  /** When the course ends: issue + the longest item duration; null when an item has no duration. */
  ends_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  ended_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PrescriptionItemsTable {
  id: string;
  prescription_id: string;
  position: number;
  formulary_id: string | null;
  drug_name: string;
  drug_text: string | null;
  ingredients: string;
  classes: string;
  dose_value: string;
  dose_unit: string;
  route: string;
  frequency: string;
  frequency_text: string | null;
  duration_value: number | null;
  duration_unit: string | null;
  quantity_value: string | null;
  quantity_unit: string | null;
  refills: number;
  instructions: string | null;
}

/** Migration 010. Vitals are whole numbers of their smallest step (shared/vitals.ts). */
export interface ConsultationsTable {
  id: string;
  appointment_id: string;
  doctor_id: string;
  patient_id: string;
  status: ConsultationStatus;
  complaint: string | null;
  note_history: string | null;
  note_examination: string | null;
  note_assessment: string | null;
  note_plan: string | null;
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
  /** Tenths of °C. */
  temperature_dc: number | null;
  respiratory_rate: number | null;
  spo2: number | null;
  /** Hundredths of kg. */
  weight_dag: number | null;
  /** Tenths of cm. */
  height_mm: number | null;
  /** JSON list of { text, code, primary, status }. */
  diagnoses: string;
  follow_up: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  signed_by: string | null;
}

export interface ConsultationAddendaTable {
  id: string;
  consultation_id: string;
  author_id: string;
  author_role: Role;
  at: string;
  text: string;
}

export interface BreakGlassGrantsTable {
  id: string;
  user_id: string;
  patient_id: string;
  reason: string;
  created_at: string;
  expires_at: string;
}
