import type { PrescriptionAction, PrescriptionStatus } from '#shared/prescriptions';
import type { PolicyActor } from '../patients/patients.policy.ts';

// Who may see and change a prescription. Clinical content is for the patient (issued ones only) and the doctors
// of the patient; the front desk is refused with 403, and administrators read issued ones only under an unexpired
// break-glass grant for the patient (403 BREAK_GLASS_REQUIRED otherwise), every such read flagged in the audit.

export interface PrescriptionFacts {
  patientId: string;
  doctorId: string;
  status: PrescriptionStatus;
}

/** The caller's relation to the prescription's patient. */
export interface Relation {
  /** The caller is a doctor who has or had an appointment with the patient. */
  treatsPatient: boolean;
  /** The caller (an administrator) holds an unexpired break-glass grant for the patient. */
  breakGlass?: boolean | undefined;
}

export const isPrescriber = (actor: PolicyActor, rx: Pick<PrescriptionFacts, 'doctorId'>): boolean =>
  actor.role === 'doctor' && actor.doctorId !== null && actor.doctorId === rx.doctorId;

/** A draft is its prescriber's alone; an issued one is the patient's and their doctors'. */
export function canViewPrescription(actor: PolicyActor, rx: PrescriptionFacts, relation: Relation): boolean {
  if (rx.status === 'draft') return isPrescriber(actor, rx);
  if (actor.role === 'patient') return actor.patientId !== null && actor.patientId === rx.patientId;
  if (actor.role === 'doctor') return relation.treatsPatient || isPrescriber(actor, rx);
  if (actor.role === 'admin') return relation.breakGlass === true;
  return false;
}

/**
 * What the caller may do now: the prescriber edits, deletes and issues a draft and marks an issued one entered
 * in error; any doctor of the patient stops, completes or replaces an active one.
 */
export function allowedActions(actor: PolicyActor, rx: PrescriptionFacts, relation: Relation): PrescriptionAction[] {
  if (actor.role !== 'doctor') return [];
  const prescriber = isPrescriber(actor, rx);
  const treating = relation.treatsPatient || prescriber;
  const actions: PrescriptionAction[] = [];
  if (rx.status === 'draft' && prescriber) actions.push('edit', 'delete', 'issue');
  if (rx.status === 'active' && treating) actions.push('stop', 'complete', 'replace');
  if ((rx.status === 'active' || rx.status === 'completed' || rx.status === 'stopped') && prescriber) actions.push('entered-in-error');
  return actions;
}
