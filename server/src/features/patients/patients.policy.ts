import type { Actor } from '../../http/actor.ts';

/** The parts of the actor that decide access. */
export type PolicyActor = Pick<Actor, 'role' | 'userId' | 'patientId' | 'doctorId'>;

/** Appointment statuses that make a doctor "a doctor of the patient" (rejected or cancelled alone do not). */
export const TREATING_STATUSES = ['requested', 'confirmed', 'completed', 'no_show'] as const;

/** What the service found out about the actor's relation to one patient. */
export interface PatientRelation {
  patientId: string;
  /** The actor is a doctor with whom the patient has or had an appointment in a treating status. */
  treatedByActor: boolean;
}

export const isPatientThemself = (actor: PolicyActor, patientId: string): boolean =>
  actor.role === 'patient' && actor.patientId !== null && actor.patientId === patientId;

/** The patient, their doctors, and the front desk and admins see the profile. */
export function canViewPatient(actor: PolicyActor, relation: PatientRelation): boolean {
  switch (actor.role) {
    case 'admin':
    case 'receptionist':
      return true;
    case 'doctor':
      return relation.treatedByActor;
    case 'patient':
      return isPatientThemself(actor, relation.patientId);
  }
}

/** Demographics and contact details are edited by the patient themself, receptionists and admins. */
export function canEditPatient(actor: PolicyActor, patientId: string): boolean {
  return actor.role === 'admin' || actor.role === 'receptionist' || isPatientThemself(actor, patientId);
}

/** Changing one's own login email needs the current password; staff change it without. */
export const emailChangeNeedsPassword = (actor: PolicyActor, patientId: string): boolean => isPatientThemself(actor, patientId);

/** Which fields of the profile the actor is shown. */
export type PatientAudience = 'admin' | 'standard';
export const patientAudience = (actor: PolicyActor): PatientAudience => (actor.role === 'admin' ? 'admin' : 'standard');

/** Which patients a list shows the actor: all, those of one doctor, or none. */
export type PatientListScope = { kind: 'all' } | { kind: 'doctor'; doctorId: string } | { kind: 'none' };

export function patientListScope(actor: PolicyActor): PatientListScope {
  if (actor.role === 'admin' || actor.role === 'receptionist') return { kind: 'all' };
  if (actor.role === 'doctor' && actor.doctorId !== null) return { kind: 'doctor', doctorId: actor.doctorId };
  return { kind: 'none' };
}
