import type { DoctorRow } from './doctors.queries.ts';

export function parseLanguages(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function feeOf(row: DoctorRow) {
  return row.fee_minor !== null && row.fee_currency !== null ? { amountMinor: row.fee_minor, currency: row.fee_currency } : null;
}

function sharedFields(row: DoctorRow) {
  const fee = feeOf(row);
  return {
    id: row.id,
    name: row.name,
    specialization: { id: row.specialization_id, name: row.specialization_name },
    ...(row.department ? { department: row.department } : {}),
    ...(row.bio ? { bio: row.bio } : {}),
    ...(fee ? { consultationFee: fee } : {}),
    ...(row.years_experience !== null ? { yearsOfExperience: row.years_experience } : {}),
    languages: parseLanguages(row.languages),
    hasPhoto: row.photo_content_type !== null,
  };
}

/** The directory's view: contact details only where the hospital has made them public. */
export function toPublicDoctor(row: DoctorRow) {
  return {
    ...sharedFields(row),
    ...(row.public_email === 1 ? { email: row.email } : {}),
    ...(row.public_phone === 1 ? { phone: row.phone } : {}),
  };
}

/** The administrator's and the doctor's own view. */
export function toDoctorProfile(row: DoctorRow) {
  return {
    ...sharedFields(row),
    userId: row.user_id,
    email: row.email,
    phone: row.phone,
    publicEmail: row.public_email === 1,
    publicPhone: row.public_phone === 1,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
