import type { PatientsTable } from '../../db/types.ts';
import type { Gender } from '#shared/people';
import { searchKey } from '../../text.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import type { BloodGroup } from './patients.schemas.ts';

/** The editable profile, in the API's field names. */
export interface Profile {
  name: string;
  dateOfBirth: string;
  gender: Gender;
  phone: string;
  email: string | null;
  address: string | null;
  emergencyContact: { name: string; phone: string } | null;
  bloodGroup: BloodGroup | null;
}

export type ProfilePatch = { [K in keyof Profile]?: Profile[K] | undefined };

export function profileOf(row: PatientsTable): Profile {
  const hasContact = row.emergency_contact_name !== null || row.emergency_contact_phone !== null;
  return {
    name: row.name,
    dateOfBirth: row.date_of_birth,
    gender: row.gender as Gender,
    phone: row.phone,
    email: row.email,
    address: row.address,
    emergencyContact: hasContact ? { name: row.emergency_contact_name ?? '', phone: row.emergency_contact_phone ?? '' } : null,
    bloodGroup: row.blood_group as BloodGroup | null,
  };
}

/** Trims text, lower-cases the email and turns blank optional text into null. */
export function normalizeProfile<T extends ProfilePatch>(patch: T): T {
  return {
    ...patch,
    ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
    ...(patch.phone === undefined ? {} : { phone: patch.phone.trim() }),
    ...(patch.email === undefined ? {} : { email: patch.email === null ? null : normalizeEmail(patch.email) }),
    ...(patch.address === undefined ? {} : { address: patch.address?.trim() || null }),
    ...(patch.emergencyContact ? { emergencyContact: { name: patch.emergencyContact.name.trim(), phone: patch.emergencyContact.phone.trim() } } : {}),
  };
}

export interface ProfileDiff {
  before: Partial<Profile>;
  after: Partial<Profile>;
  changed: (keyof Profile)[];
}

/** The fields the patch really changes, with their values before and after. */
export function diffProfile(current: Profile, patch: ProfilePatch): ProfileDiff {
  const diff: ProfileDiff = { before: {}, after: {}, changed: [] };
  for (const key of Object.keys(current) as (keyof Profile)[]) {
    const next = patch[key];
    if (next === undefined || JSON.stringify(next) === JSON.stringify(current[key])) continue;
    diff.changed.push(key);
    Object.assign(diff.before, { [key]: current[key] });
    Object.assign(diff.after, { [key]: next });
  }
  return diff;
}

/** The row's columns for a whole profile, search text included. */
export function profileColumns(profile: Profile) {
  return {
    name: profile.name,
    date_of_birth: profile.dateOfBirth,
    gender: profile.gender,
    phone: profile.phone,
    email: profile.email,
    address: profile.address,
    emergency_contact_name: profile.emergencyContact?.name ?? null,
    emergency_contact_phone: profile.emergencyContact?.phone ?? null,
    blood_group: profile.bloodGroup,
    search_text: searchKey(profile.name, profile.email, profile.phone),
  };
}

/** Why the date of birth is not acceptable today, or null. */
export { dateOfBirthProblem } from '#shared/rules';

/** Search words (lower-cased, accent-stripped) and dates of birth in a query, at most ten terms. */
export function parseSearch(q: string | undefined): { words: string[]; dates: string[] } {
  const terms = [...new Set(searchKey(q).split(' ').filter(Boolean))].slice(0, 10);
  const isDate = (term: string) => /^\d{4}-\d{2}-\d{2}$/.test(term);
  return { words: terms.filter((term) => !isDate(term)), dates: terms.filter(isDate) };
}
