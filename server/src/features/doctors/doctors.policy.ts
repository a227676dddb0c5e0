import type { Actor } from '../../http/actor.ts';

/** The fields a doctor may change on their own profile; everything else is for administrators. */
export const SELF_EDITABLE_FIELDS = ['name', 'phone', 'bio', 'languages', 'yearsOfExperience'] as const;

interface DoctorRecord {
  id: string;
  active: number;
}

const isOwnProfile = (actor: Actor, doctor: DoctorRecord): boolean => actor.role === 'doctor' && actor.doctorId === doctor.id;

/** Anyone may see an active doctor's public profile. */
export const canViewPublicProfile = (doctor: DoctorRecord): boolean => doctor.active === 1;

/** The full profile (login email, phone, flags): administrators, and the doctor themself. */
export const canViewFullProfile = (actor: Actor, doctor: DoctorRecord): boolean => actor.role === 'admin' || isOwnProfile(actor, doctor);

/** Editing a profile and its photo: administrators, and the doctor themself while active. */
export const canEditProfile = (actor: Actor, doctor: DoctorRecord): boolean =>
  actor.role === 'admin' || (isOwnProfile(actor, doctor) && doctor.active === 1);

/** The fields of a change the actor may not make (empty when every field is allowed). */
export function fieldsNotAllowed(actor: Actor, fields: readonly string[]): string[] {
  if (actor.role === 'admin') return [];
  const allowed: readonly string[] = SELF_EDITABLE_FIELDS;
  return fields.filter((field) => !allowed.includes(field));
}
