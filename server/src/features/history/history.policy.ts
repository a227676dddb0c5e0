import { isPatientThemself, type PatientRelation, type PolicyActor } from '../patients/patients.policy.ts';

/** The patient, their doctors and admins read the history; receptionists never do. */
export function canViewHistory(actor: PolicyActor, relation: PatientRelation): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'doctor':
      return relation.treatedByActor;
    case 'patient':
      return isPatientThemself(actor, relation.patientId);
    case 'receptionist':
      return false;
  }
}

/** Whoever reads the history may add to it; what a patient adds is marked self-reported. */
export const canAddHistory = canViewHistory;
export const isSelfReport = (actor: PolicyActor): boolean => actor.role === 'patient';

/** Clinicians of the patient change any entry; a patient only the self-reported entries they recorded. */
export function canChangeEntry(actor: PolicyActor, relation: PatientRelation, entry: { selfReported: boolean; recordedBy: string }): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'doctor':
      return relation.treatedByActor;
    case 'patient':
      return isPatientThemself(actor, relation.patientId) && entry.selfReported && entry.recordedBy === actor.userId;
    case 'receptionist':
      return false;
  }
}

/** Earlier versions are for clinicians: the patient's doctors and admins. */
export function canViewVersions(actor: PolicyActor, relation: PatientRelation): boolean {
  return actor.role === 'admin' || (actor.role === 'doctor' && relation.treatedByActor);
}
