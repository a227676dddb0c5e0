import type { PatientsTable } from '../../db/types.ts';
import type { Gender } from '#shared/people';
import { localDateOf } from '../scheduling/wall-clock.ts';
import type { PatientAudience } from './patients.policy.ts';
import { profileOf } from './profile.ts';

/** Today's calendar date (YYYY-MM-DD) in the time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return localDateOf(now.getTime(), timeZone);
}

/** Whole years from the date of birth to `today` (both YYYY-MM-DD); someone born on 29 February ages on 1 March in other years. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, monthDay] = [Number(today.slice(0, 4)), today.slice(5)];
  const age = year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
  return Math.max(0, age);
}

export function toPatientSummary(row: PatientsTable, today: string) {
  return {
    id: row.id,
    name: row.name,
    dateOfBirth: row.date_of_birth,
    age: ageOn(row.date_of_birth, today),
    gender: row.gender as Gender,
    phone: row.phone,
    email: row.email,
    address: row.address,
    active: row.active === 1,
    hasAccount: row.user_id !== null,
  };
}

export function toPatientProfile(row: PatientsTable, today: string, audience: PatientAudience) {
  const { emergencyContact, bloodGroup } = profileOf(row);
  return {
    ...toPatientSummary(row, today),
    emergencyContact,
    bloodGroup,
    ...(audience === 'admin' && row.user_id !== null ? { userId: row.user_id } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
