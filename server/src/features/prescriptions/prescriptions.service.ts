import type { AuditAction } from '#shared/audit';
import type { Deps } from '../../deps.ts';
import type { PrescriptionsTable, Trx } from '../../db/types.ts';
import { invalid } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { writeAudit } from '../audit/audit.service.ts';
import { TREATING_STATUSES } from '../patients/patients.policy.ts';
import { auditBy, auditedTransaction, Denied, type Caller } from '../patients/access.ts';
import { decodePairCursor, pageOf } from '../patients/cursor.ts';
import { todayFor } from '../patients/patients.service.ts';
import {
  breakGlassMarker, contentRefused, invalidTransition, lockedAsConflict, openPrescription, PRESCRIPTION_AUDIT, patientDenied, prescriptionNotFound, relationTo,
  type Opened,
} from './access.ts';
import { breakGlassRequired } from '../consultations/access.ts';
import { itemRows } from './items.ts';
import { effectiveStatus, toItem, toPrescription } from './prescriptions.mappers.ts';
import { isPrescriber } from './prescriptions.policy.ts';
import {
  deleteItems, deletePrescription, findAppointmentOf, findPrescription, insertItems, insertPrescription, listIssuedPrescriptionsOfAppointment, listItems,
  listPrescriptions, nextPrescriptionNumber, updatePrescriptionFrom,
} from './prescriptions.queries.ts';
import type { ItemInput, PrescriptionCreateInput, PrescriptionListInput, PrescriptionView } from './prescriptions.schemas.ts';

/** RX-<year>-<six digits>, from the year's counter. */
export const formatNumber = (year: number, sequence: number): string => `RX-${year}-${String(sequence).padStart(6, '0')}`;

/** Runs a prescription use case, answering the database's refusal of a change after issue as 409. */
export async function prescriptionTransaction<T>(deps: Deps, caller: Caller, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await auditedTransaction(deps, caller, work);
  } catch (error) {
    throw lockedAsConflict(error);
  }
}

/** The prescription as the caller sees it, re-read inside the transaction. */
export async function viewOf(trx: Trx, caller: Caller, id: string, now: Date): Promise<PrescriptionView> {
  const row = await findPrescription(trx, id);
  if (!row) throw new Error('A prescription just written could not be read back');
  const { relation } = await relationTo(trx, caller, row.patient_id);
  return toPrescription(row, await listItems(trx, [id]), caller.actor, relation, now);
}

/** Who may write for the patient: a doctor who has or had an appointment with them, or the doctor of the given appointment. */
async function assertMayPrescribe(trx: Trx, caller: Caller, patientId: string, appointmentId: string | null): Promise<void> {
  const action = PRESCRIPTION_AUDIT.create;
  const doctorId = caller.actor.doctorId;
  const { relation, exists } = await relationTo(trx, caller, patientId);
  if (!exists || doctorId === null) throw patientDenied(action, patientId);
  if (appointmentId === null) {
    if (!relation.treatsPatient) throw patientDenied(action, patientId);
    return;
  }
  const appointment = await findAppointmentOf(trx, appointmentId, doctorId, patientId);
  if (!appointment) {
    if (!relation.treatsPatient) throw patientDenied(action, patientId);
    throw invalid('/appointmentId', 'is not an appointment of yours with this patient');
  }
  if (!(TREATING_STATUSES as readonly string[]).includes(appointment.status)) {
    throw invalid('/appointmentId', `The appointment was ${appointment.status}: prescribe outside it or on another visit`);
  }
}

/** A new draft for the patient, numbered; a replacement names the active prescription it will stop when issued. */
export async function createPrescription(deps: Deps, caller: Caller, patientId: string, body: PrescriptionCreateInput): Promise<PrescriptionView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = newId();
  return prescriptionTransaction(deps, caller, async (trx) => {
    const appointmentId = body.appointmentId ?? null;
    await assertMayPrescribe(trx, caller, patientId, appointmentId);
    if (body.replacesId !== undefined) {
      const replaced = await findPrescription(trx, body.replacesId);
      if (!replaced || replaced.patient_id !== patientId || effectiveStatus(replaced, now) !== 'active') {
        throw invalid('/replacesId', 'is not an active prescription of this patient');
      }
    }
    const items = await itemRows(trx, id, body.items);
    const year = Number((await todayFor(deps, trx)).slice(0, 4));
    const number = formatNumber(year, await nextPrescriptionNumber(trx, year));
    const row: PrescriptionsTable = {
      id, number, patient_id: patientId, doctor_id: caller.actor.doctorId ?? '', appointment_id: appointmentId, replaces_id: body.replacesId ?? null,
      status: 'draft', override_reason: null, conflicts: null, issued_at: null, ends_at: null, ended_at: null, end_reason: null, ended_by: null,
      created_by: caller.actor.userId, created_at: at, updated_at: at,
    };
    await insertPrescription(trx, row);
    await insertItems(trx, items);
    await writeAudit(trx, now, auditBy(caller, {
      action: PRESCRIPTION_AUDIT.create, entityType: 'prescription', entityId: id, outcome: 'success',
      details: { patientId, number, items: items.length, appointmentId, replacesId: row.replaces_id },
    }));
    return viewOf(trx, caller, id, now);
  });
}

/** The prescriber's own draft; 409 when it is no longer a draft. */
async function openDraft(trx: Trx, caller: Caller, id: string, action: AuditAction, now: Date): Promise<Opened> {
  const opened = await openPrescription(trx, caller, id, action, now);
  if (opened.row.status !== 'draft') throw invalidTransition(`Prescription ${opened.row.number} is ${opened.row.status}: its items can never change; write a new prescription that replaces it`);
  if (!isPrescriber(caller.actor, { doctorId: opened.row.doctor_id })) throw new Denied(prescriptionNotFound(), action, 'prescription', id);
  return opened;
}

/** Replaces every item of a draft. */
export async function replaceDraftItems(deps: Deps, caller: Caller, id: string, items: readonly ItemInput[]): Promise<PrescriptionView> {
  const now = deps.clock.now();
  return prescriptionTransaction(deps, caller, async (trx) => {
    const { row } = await openDraft(trx, caller, id, PRESCRIPTION_AUDIT.update, now);
    const rows = await itemRows(trx, id, items);
    if (!(await updatePrescriptionFrom(trx, id, 'draft', { updated_at: now.toISOString() }))) throw invalidTransition('The prescription was issued meanwhile');
    await deleteItems(trx, id);
    await insertItems(trx, rows);
    await writeAudit(trx, now, auditBy(caller, {
      action: PRESCRIPTION_AUDIT.update, entityType: 'prescription', entityId: id, outcome: 'success',
      details: { patientId: row.patient_id, number: row.number, items: rows.length },
    }));
    return viewOf(trx, caller, id, now);
  });
}

/** Discards a draft (an issued prescription is never deleted: it is stopped or marked entered in error). */
export async function discardDraft(deps: Deps, caller: Caller, id: string): Promise<void> {
  const now = deps.clock.now();
  await prescriptionTransaction(deps, caller, async (trx) => {
    const { row } = await openDraft(trx, caller, id, PRESCRIPTION_AUDIT.delete, now);
    await deleteItems(trx, id);
    await deletePrescription(trx, id);
    await writeAudit(trx, now, auditBy(caller, {
      action: PRESCRIPTION_AUDIT.delete, entityType: 'prescription', entityId: id, outcome: 'success', details: { patientId: row.patient_id, number: row.number },
    }));
  });
}

export async function readPrescription(deps: Deps, caller: Caller, id: string): Promise<PrescriptionView> {
  const now = deps.clock.now();
  return prescriptionTransaction(deps, caller, async (trx) => {
    const { row, items, relation, grantId } = await openPrescription(trx, caller, id, PRESCRIPTION_AUDIT.read, now);
    await writeAudit(trx, now, auditBy(caller, {
      action: PRESCRIPTION_AUDIT.read, entityType: 'prescription', entityId: id, outcome: 'success', details: { patientId: row.patient_id, ...breakGlassMarker(grantId) },
    }));
    return toPrescription(row, items, caller.actor, relation, now);
  });
}

/** A page of the patient's prescriptions, newest first: the patient's issued ones, or all for their doctors (drafts only their own). */
export async function listPatientPrescriptions(deps: Deps, caller: Caller, patientId: string, query: PrescriptionListInput) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const cursor = decodePairCursor(query.cursor);
  const now = deps.clock.now();
  const action = PRESCRIPTION_AUDIT.list;
  return prescriptionTransaction(deps, caller, async (trx) => {
    const actor = caller.actor;
    if (actor.role === 'receptionist') throw new Denied(contentRefused(), action, 'patient', patientId);
    const { relation, exists, grantId } = await relationTo(trx, caller, patientId, now);
    if (exists && actor.role === 'admin' && grantId === null) throw new Denied(breakGlassRequired(), action, 'patient', patientId);
    const own = actor.role === 'patient' && actor.patientId === patientId;
    if (!exists || !(own || relation.treatsPatient || grantId !== null)) throw patientDenied(action, patientId);
    const rows = await listPrescriptions(trx, {
      patientId, status: query.status, draftsOf: actor.role === 'doctor' ? actor.doctorId : null, now: now.toISOString(),
      before: cursor && { createdAt: cursor.key, id: cursor.id },
    }, limit + 1);
    const shown = rows.slice(0, limit);
    const items = await listItems(trx, shown.map((row) => row.id));
    const page = pageOf(rows, limit, (row) => [row.created_at, row.id], (row) =>
      toPrescription(row, items.filter((item) => item.prescription_id === row.id), actor, relation, now));
    await writeAudit(trx, now, auditBy(caller, {
      action, entityType: 'patient', entityId: patientId, outcome: 'success',
      details: { results: page.items.length, status: query.status ?? null, ...breakGlassMarker(grantId) },
    }));
    return page;
  });
}

/**
 * The prescriptions issued at a visit, for its summary document (the caller has already been let read the
 * consultation): each with its number, its status when no longer active, and its items.
 */
export async function visitPrescriptionsForDocument(trx: Trx, appointmentId: string, now: Date) {
  const rows = await listIssuedPrescriptionsOfAppointment(trx, appointmentId);
  const items = await listItems(trx, rows.map((row) => row.id));
  return rows.map((row) => {
    const status = effectiveStatus(row, now);
    return {
      number: status === 'active' ? row.number : `${row.number} (${status})`,
      items: items.filter((item) => item.prescription_id === row.id).map(toItem),
    };
  });
}
