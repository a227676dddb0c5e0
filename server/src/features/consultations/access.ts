import type { AuditAction } from '#shared/audit';
import type { Trx } from '../../db/types.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { Denied, loadPatient, type Caller } from '../patients/access.ts';
import { findActiveGrant, findVisit, type VisitRow } from './consultations.queries.ts';
import { readAccess, type ReadAccess } from './consultations.policy.ts';

/** What a read of clinical content rests on, for the audit row: a break-glass read names its grant. */
export interface ReadGrant {
  access: ReadAccess;
  grantId: string | null;
}

/** The actor's access to one patient's consultations: their relation to the patient and, for admins, a live grant. */
export async function accessToPatient(trx: Trx, caller: Caller, visit: { doctorId: string; patientId: string }, now: Date): Promise<ReadGrant> {
  const { actor } = caller;
  let treatsPatient = false;
  let grantId: string | null = null;
  if (actor.role === 'doctor' && actor.doctorId !== visit.doctorId) {
    treatsPatient = (await loadPatient(trx, actor, visit.patientId))?.relation.treatedByActor ?? false;
  }
  if (actor.role === 'admin') grantId = await breakGlassGrantId(trx, caller, visit.patientId, now);
  return { access: readAccess(actor, visit, { treatsPatient, breakGlass: grantId !== null }), grantId };
}

/** The id of the caller's unexpired break-glass grant for the patient (administrators only), or null. */
export async function breakGlassGrantId(trx: Trx, caller: Caller, patientId: string, now: Date): Promise<string | null> {
  if (caller.actor.role !== 'admin') return null;
  return (await findActiveGrant(trx, caller.actor.userId, patientId, now.toISOString()))?.id ?? null;
}

/** The 403 an administrator without a live grant answers for clinical content. */
export function breakGlassRequired(): AppError {
  return new AppError(403, 'BREAK_GLASS_REQUIRED',
    'Administrators read clinical records only through break-glass: POST /api/patients/:id/break-glass with the reason, then try again');
}

/** Turns a refusal of the policy into the audited error it answers. */
export function refusal(access: ReadAccess, action: AuditAction, entityType: string, entityId: string, what: string): Denied | null {
  if (access.kind === 'hidden') return new Denied(notFound(what), action, entityType, entityId);
  if (access.kind === 'forbidden') return new Denied(new AppError(403, access.code, access.message), action, entityType, entityId);
  return null;
}

/** The appointment and the caller's access to its consultation; refusals are audited (404 for what is not theirs). */
export async function visitFor(trx: Trx, caller: Caller, appointmentId: string, action: AuditAction, now: Date): Promise<{ visit: VisitRow } & ReadGrant> {
  const visit = await findVisit(trx, appointmentId);
  if (!visit) throw new Denied(notFound('Appointment'), action, 'appointment', appointmentId);
  const grant = await accessToPatient(trx, caller, { doctorId: visit.doctor_id, patientId: visit.patient_id }, now);
  const denied = refusal(grant.access, action, 'appointment', appointmentId, 'Appointment');
  if (denied) throw denied;
  return { visit, ...grant };
}

/** The audit details of a read: a break-glass read is flagged and names its grant. */
export const readMarker = (grant: ReadGrant): Record<string, unknown> =>
  grant.access.kind === 'break_glass' ? { breakGlass: true, grantId: grant.grantId } : {};
