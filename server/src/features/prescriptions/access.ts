import type { AuditAction } from '#shared/audit';
import type { Trx } from '../../db/types.ts';
import { AppError, forbidden, notFound } from '../../http/app-error.ts';
import { Denied, loadPatient, type Caller } from '../patients/access.ts';
import { patientNotFound } from '../patients/patients.service.ts';
import { breakGlassGrantId, breakGlassRequired } from '../consultations/access.ts';
import { canViewPrescription, type Relation } from './prescriptions.policy.ts';
import { findPrescription, listItems, type PrescriptionRow } from './prescriptions.queries.ts';
import type { PrescriptionItemsTable } from '../../db/types.ts';

export const PRESCRIPTION_AUDIT = {
  create: 'prescription.create',
  update: 'prescription.update',
  delete: 'prescription.delete',
  read: 'prescription.read',
  list: 'patient.prescriptions.read',
  issue: 'prescription.issue',
  override: 'prescription.safety_override',
  stop: 'prescription.stop',
  complete: 'prescription.complete',
  enteredInError: 'prescription.entered_in_error',
  pdf: 'document.prescription.generate',
} as const;

export const prescriptionNotFound = () => notFound('Prescription');
export const invalidTransition = (message: string) => new AppError(409, 'INVALID_TRANSITION', message);
export const contentRefused = () =>
  forbidden('Prescriptions are clinical content: only the patient and the doctors treating them may read them');

export interface Opened {
  row: PrescriptionRow;
  items: PrescriptionItemsTable[];
  relation: Relation;
  /** The break-glass grant an administrator reads under, for the audit row. */
  grantId: string | null;
}

/**
 * The caller's relation to the patient: whether they are a doctor who has or had an appointment with them, and for
 * an administrator the unexpired break-glass grant, if any.
 */
export async function relationTo(trx: Trx, caller: Caller, patientId: string, now?: Date): Promise<{ relation: Relation; exists: boolean; grantId: string | null }> {
  const found = await loadPatient(trx, caller.actor, patientId);
  const grantId = found && now ? await breakGlassGrantId(trx, caller, patientId, now) : null;
  return { relation: { treatsPatient: found?.relation.treatedByActor ?? false, breakGlass: grantId !== null }, exists: found !== null, grantId };
}

/** The audit details of a read under break-glass: flagged, naming the grant. */
export const breakGlassMarker = (grantId: string | null): Record<string, unknown> => (grantId ? { breakGlass: true, grantId } : {});

/**
 * The prescription with its items when the caller may see it: 403 for the front desk, 403 BREAK_GLASS_REQUIRED for
 * an administrator without a live grant for the patient, 404 (audited) for what is not the caller's.
 */
export async function openPrescription(trx: Trx, caller: Caller, id: string, action: AuditAction, now: Date): Promise<Opened> {
  if (caller.actor.role === 'receptionist') throw new Denied(contentRefused(), action, 'prescription', id);
  const row = await findPrescription(trx, id);
  if (!row) throw prescriptionNotFound();
  const { relation, grantId } = await relationTo(trx, caller, row.patient_id, now);
  if (caller.actor.role === 'admin' && grantId === null) throw new Denied(breakGlassRequired(), action, 'prescription', id);
  if (!canViewPrescription(caller.actor, { patientId: row.patient_id, doctorId: row.doctor_id, status: row.status }, relation)) {
    throw new Denied(prescriptionNotFound(), action, 'prescription', id);
  }
  return { row, items: await listItems(trx, [id]), relation, grantId };
}

/** 404 for a patient that does not exist, and for one the caller may not see (audited). */
export function patientDenied(action: AuditAction, patientId: string): Denied {
  return new Denied(patientNotFound(), action, 'patient', patientId);
}

/** The database's own refusal of a change to an issued prescription (migration 009's triggers), as the API's 409. */
export function lockedAsConflict(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  if (message.includes('PRESCRIPTION_LOCKED') || message.includes('PRESCRIPTION_TRANSITION')) {
    return invalidTransition('An issued prescription cannot be changed: write a new prescription that replaces it');
  }
  return error;
}
