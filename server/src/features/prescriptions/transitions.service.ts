import type { AuditAction } from '#shared/audit';
import type { Deps } from '../../deps.ts';
import type { PrescriptionStatus } from '#shared/prescriptions';
import { AppError, forbidden } from '../../http/app-error.ts';
import type { Trx } from '../../db/types.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { auditBy, Denied, type Caller } from '../patients/access.ts';
import { invalidTransition, openPrescription, PRESCRIPTION_AUDIT, prescriptionNotFound, type Opened } from './access.ts';
import { courseEnd } from './dosing.ts';
import { parseTerms } from '../formulary/formulary.mappers.ts';
import { effectiveStatus, toItem } from './prescriptions.mappers.ts';
import { allowedActions } from './prescriptions.policy.ts';
import { findPrescription, listAllergies, listItems, listRunningPrescriptions, updatePrescriptionFrom } from './prescriptions.queries.ts';
import { prescriptionTransaction, viewOf } from './prescriptions.service.ts';
import type { PrescriptionView } from './prescriptions.schemas.ts';
import { findConflicts, type ActiveFact, type Conflict } from './safety.ts';
import type { PrescriptionAction } from '#shared/prescriptions';

const refusal = (action: PrescriptionAction): string =>
  action === 'entered-in-error' ? 'Only the prescriber may mark a prescription entered in error' : 'Only a doctor treating the patient may change this prescription';

/** The prescription, when the caller may perform the action on it now: 404 / 403 / 409 otherwise. */
async function openFor(trx: Trx, caller: Caller, id: string, action: PrescriptionAction, audit: AuditAction, now: Date): Promise<Opened & { status: PrescriptionStatus }> {
  const opened = await openPrescription(trx, caller, id, audit, now);
  const status = effectiveStatus(opened.row, now);
  const facts = { patientId: opened.row.patient_id, doctorId: opened.row.doctor_id, status };
  if (allowedActions(caller.actor, facts, opened.relation).includes(action)) return { ...opened, status };
  // Would the action be allowed to someone in this state? Then this caller is refused; otherwise the state is wrong.
  const prescriberActor = { role: 'doctor' as const, userId: '', patientId: null, doctorId: opened.row.doctor_id };
  if (allowedActions(prescriberActor, facts, { treatsPatient: true }).includes(action)) {
    throw new Denied(status === 'draft' ? prescriptionNotFound() : forbidden(refusal(action)), audit, 'prescription', id);
  }
  throw invalidTransition(`Prescription ${opened.row.number} is ${status}: it cannot be ${action === 'issue' ? 'issued' : action === 'entered-in-error' ? 'marked entered in error' : action === 'stop' ? 'stopped' : 'completed'} now`);
}

/** The facts the safety checks run on: allergies and the ingredients of the running prescriptions (not this one nor the one it replaces). */
async function conflictsOf(trx: Trx, opened: Opened, now: Date): Promise<Conflict[]> {
  const { row } = opened;
  const [allergies, running] = await Promise.all([listAllergies(trx, row.patient_id), listRunningPrescriptions(trx, row.patient_id, now.toISOString())]);
  const others = running.filter((other) => other.id !== row.id && other.id !== row.replaces_id);
  const otherItems = await listItems(trx, others.map((other) => other.id));
  const active: ActiveFact[] = otherItems.map((item) => ({
    number: others.find((other) => other.id === item.prescription_id)?.number ?? '',
    label: item.drug_name,
    ingredients: parseTerms(item.ingredients),
  }));
  return findConflicts(
    opened.items.map((item) => ({ label: item.drug_name, ingredients: parseTerms(item.ingredients), classes: parseTerms(item.classes) })),
    allergies.map((allergy) => ({ title: allergy.title, ingredient: allergy.allergen_ingredient, class: allergy.allergen_class })),
    active,
  );
}

function conflictError(conflicts: readonly Conflict[]): AppError {
  const allergy = conflicts.some((conflict) => conflict.code === 'ALLERGY_CONFLICT');
  const errors = conflicts.map(({ path, message }) => ({ path, message }));
  const detail = allergy
    ? 'The prescription conflicts with a recorded allergy: change it, or issue it with an overrideReason'
    : 'The prescription duplicates a therapy already active: change it, or issue it with an overrideReason';
  return new AppError(409, allergy ? 'ALLERGY_CONFLICT' : 'DUPLICATE_THERAPY', detail, errors);
}

/**
 * Issues a draft after the safety checks: a match refuses with 409 unless an override reason is given, which is
 * stored with the prescription and audited. A replacement stops the prescription it replaces in the same transaction.
 */
export async function issuePrescription(deps: Deps, caller: Caller, id: string, overrideReason: string | undefined): Promise<PrescriptionView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  return prescriptionTransaction(deps, caller, async (trx) => {
    const opened = await openFor(trx, caller, id, 'issue', PRESCRIPTION_AUDIT.issue, now);
    const { row } = opened;
    const conflicts = await conflictsOf(trx, opened, now);
    const reason = overrideReason?.trim();
    if (conflicts.length > 0 && !reason) throw new Denied(conflictError(conflicts), PRESCRIPTION_AUDIT.issue, 'prescription', id);
    if (row.replaces_id !== null) {
      const replaced = await findPrescription(trx, row.replaces_id);
      if (!replaced || effectiveStatus(replaced, now) !== 'active') throw invalidTransition('The prescription this one replaces is no longer active');
      await updatePrescriptionFrom(trx, replaced.id, 'active', {
        status: 'stopped', ended_at: at, end_reason: `Replaced by ${row.number}`, ended_by: caller.actor.userId, updated_at: at,
      });
      await writeAudit(trx, now, auditBy(caller, {
        action: PRESCRIPTION_AUDIT.stop, entityType: 'prescription', entityId: replaced.id, outcome: 'success',
        details: { patientId: replaced.patient_id, number: replaced.number, replacedBy: id },
      }));
    }
    const ends = courseEnd(now, opened.items.map(toItem));
    const overridden = conflicts.length > 0 && reason ? { override_reason: reason, conflicts: JSON.stringify(conflicts) } : {};
    if (!(await updatePrescriptionFrom(trx, id, 'draft', { status: 'active', issued_at: at, ends_at: ends?.toISOString() ?? null, updated_at: at, ...overridden }))) {
      throw invalidTransition('The prescription was changed meanwhile');
    }
    await writeAudit(trx, now, auditBy(caller, {
      action: PRESCRIPTION_AUDIT.issue, entityType: 'prescription', entityId: id, outcome: 'success',
      details: { patientId: row.patient_id, number: row.number, replaces: row.replaces_id, overridden: conflicts.length },
    }));
    if (conflicts.length > 0) {
      await writeAudit(trx, now, auditBy(caller, {
        action: PRESCRIPTION_AUDIT.override, entityType: 'prescription', entityId: id, outcome: 'success',
        details: { patientId: row.patient_id, number: row.number, reason, conflicts },
      }));
    }
    return viewOf(trx, caller, id, now);
  });
}

const ENDINGS = {
  stop: { to: 'stopped', audit: PRESCRIPTION_AUDIT.stop },
  complete: { to: 'completed', audit: PRESCRIPTION_AUDIT.complete },
  'entered-in-error': { to: 'entered-in-error', audit: PRESCRIPTION_AUDIT.enteredInError },
} as const;

/** Stops or completes an active prescription, or marks an issued one entered in error (kept, shown as void). */
export async function endPrescription(deps: Deps, caller: Caller, id: string, action: keyof typeof ENDINGS, reason: string | null): Promise<PrescriptionView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { to, audit } = ENDINGS[action];
  return prescriptionTransaction(deps, caller, async (trx) => {
    const { row } = await openFor(trx, caller, id, action, audit, now);
    const changes = { status: to, ended_at: row.ended_at ?? at, end_reason: reason?.trim() ?? null, ended_by: caller.actor.userId, updated_at: at };
    if (!(await updatePrescriptionFrom(trx, id, row.status, changes))) throw invalidTransition('The prescription was changed meanwhile');
    await writeAudit(trx, now, auditBy(caller, {
      action: audit, entityType: 'prescription', entityId: id, outcome: 'success',
      details: { patientId: row.patient_id, number: row.number, from: row.status, reason },
    }));
    return viewOf(trx, caller, id, now);
  });
}
