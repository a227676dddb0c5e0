import { parseLanguages } from './doctors.mappers.ts';
import type { DoctorRow } from './doctors.queries.ts';

/** A doctor's editable fields, named as in the API: what changes are compared and audited on. */
export interface EditableView {
  name: string;
  phone: string;
  bio: string | null;
  languages: string[];
  yearsOfExperience: number | null;
  email: string;
  specializationId: string;
  department: string | null;
  consultationFee: { amountMinor: number; currency: string } | null;
  publicEmail: boolean;
  publicPhone: boolean;
}

export function editableView(row: DoctorRow): EditableView {
  return {
    name: row.name,
    phone: row.phone,
    bio: row.bio,
    languages: parseLanguages(row.languages),
    yearsOfExperience: row.years_experience,
    email: row.email,
    specializationId: row.specialization_id,
    department: row.department,
    consultationFee: row.fee_minor !== null && row.fee_currency !== null ? { amountMinor: row.fee_minor, currency: row.fee_currency } : null,
    publicEmail: row.public_email === 1,
    publicPhone: row.public_phone === 1,
  };
}

/** The fields whose values differ, with their values before and after (for the audit log). */
export function diffFields<T extends object>(before: T, after: T) {
  const keys = (Object.keys(after) as (keyof T)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    keys,
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}
