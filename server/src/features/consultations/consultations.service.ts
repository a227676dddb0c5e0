import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Trx } from '../../db/types.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import type { Vitals } from '#shared/vitals';
import { writeAudit } from '../audit/audit.service.ts';
import { findVisibleAppointment } from '../appointments/appointments.service.ts';
import { invalidTransition } from '../appointments/errors.ts';
import { completeInTransaction } from '../appointments/transitions.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { auditBy, auditedTransaction, Denied, type Caller } from '../patients/access.ts';
import { readMarker, visitFor } from './access.ts';
import {
  findConsultationOfAppointment, findVisit, insertAddendum, insertConsultation, listAddenda, markSigned, updateDraft, type ConsultationRow, type VisitRow,
} from './consultations.queries.ts';
import { toAddendum, toConsultation, vitalsToColumns, type AddendumView, type ConsultationView } from './consultations.mapper.ts';
import { isAuthor, seesStatus, SIGNABLE_VISIT_STATUSES, WRITABLE_VISIT_STATUSES } from './consultations.policy.ts';
import { checkClinicalInput, type DiagnosisInput } from './validation.ts';

export const CONSULTATION_ACTIONS = {
  read: 'consultation.read',
  save: 'consultation.save',
  sign: 'consultation.sign',
  addendum: 'consultation.addendum',
  list: 'consultation.list',
  breakGlass: 'patient.break_glass',
  summaryPdf: 'document.visit_summary.generate',
} as const;

export interface DraftInput {
  complaint?: string | null | undefined;
  notes?: { history?: string | null | undefined; examination?: string | null | undefined; assessment?: string | null | undefined; plan?: string | null | undefined } | undefined;
  vitals?: Vitals | undefined;
  diagnoses?: DiagnosisInput[] | undefined;
  followUp?: string | null | undefined;
}

const consultationNotFound = () => notFound('Consultation');
const signedAlready = () => invalidTransition('This consultation is signed and locked: add an addendum to correct or add to it');
const text = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

async function viewOf(trx: Trx, visit: VisitRow, row: ConsultationRow): Promise<ConsultationView> {
  return toConsultation(visit, row, await listAddenda(trx, row.id));
}

/** The consultation of the appointment, as far as the caller may read it; every read is audited (break-glass reads flagged). */
export async function getConsultation(deps: Deps, caller: Caller, appointmentId: string): Promise<ConsultationView> {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const grant = await visitFor(trx, caller, appointmentId, CONSULTATION_ACTIONS.read, now);
    const row = await findConsultationOfAppointment(trx, appointmentId);
    if (!row) throw consultationNotFound();
    if (!seesStatus(grant.access, row.status)) throw new Denied(consultationNotFound(), CONSULTATION_ACTIONS.read, 'appointment', appointmentId);
    await writeAudit(trx, now, auditBy(caller, {
      action: CONSULTATION_ACTIONS.read, entityType: 'appointment', entityId: appointmentId, outcome: 'success',
      details: { consultationId: row.id, patientId: row.patient_id, status: row.status, ...readMarker(grant) },
    }));
    return viewOf(trx, grant.visit, row);
  });
}

/** The appointment, if the caller is its doctor; anyone else's answers 404 (audited). */
async function authorsVisit(trx: Trx, caller: Caller, appointmentId: string, action: string): Promise<VisitRow> {
  const visit = await findVisit(trx, appointmentId);
  if (!visit || !isAuthor(caller.actor, { doctorId: visit.doctor_id, patientId: visit.patient_id })) {
    throw new Denied(notFound('Appointment'), action, 'appointment', appointmentId);
  }
  return visit;
}

/** A trigger or constraint of migration 010 refused the write: the consultation was signed meanwhile. */
function lockedMeanwhile(error: unknown): boolean {
  const violation = constraintViolation(error);
  return violation !== null && (violation.detail.includes('CONSULTATION_SIGNED') || (violation.kind === 'unique' && violation.detail.includes('appointment_id')));
}

/** Creates or replaces the draft (the appointment's doctor only, before or after the visit starts, never once signed). */
export async function saveDraft(deps: Deps, caller: Caller, appointmentId: string, input: DraftInput): Promise<ConsultationView> {
  const diagnoses = checkClinicalInput(input.vitals, input.diagnoses);
  const now = deps.clock.now();
  const at = now.toISOString();
  const content = {
    complaint: text(input.complaint),
    note_history: text(input.notes?.history), note_examination: text(input.notes?.examination),
    note_assessment: text(input.notes?.assessment), note_plan: text(input.notes?.plan),
    ...vitalsToColumns(input.vitals),
    diagnoses: JSON.stringify(diagnoses),
    follow_up: text(input.followUp),
    updated_at: at,
  };
  try {
    return await auditedTransaction(deps, caller, async (trx) => {
      const visit = await authorsVisit(trx, caller, appointmentId, CONSULTATION_ACTIONS.save);
      if (!WRITABLE_VISIT_STATUSES.includes(visit.status)) {
        throw invalidTransition(`The appointment is ${visit.status.replace('_', '-')}: a consultation is written only for a requested, confirmed or completed visit`);
      }
      const existing = await findConsultationOfAppointment(trx, appointmentId);
      if (existing?.status === 'signed') throw signedAlready();
      let id: string;
      if (existing) {
        if (!(await updateDraft(trx, existing.id, content))) throw signedAlready();
        id = existing.id;
      } else {
        id = newId();
        await insertConsultation(trx, {
          id, appointment_id: appointmentId, doctor_id: visit.doctor_id, patient_id: visit.patient_id, status: 'draft',
          created_by: caller.actor.userId, created_at: at, signed_at: null, signed_by: null, ...content,
        });
      }
      await writeAudit(trx, now, auditBy(caller, {
        action: CONSULTATION_ACTIONS.save, entityType: 'appointment', entityId: appointmentId, outcome: 'success',
        details: { consultationId: id, patientId: visit.patient_id, created: existing === undefined, diagnoses: diagnoses.length },
      }));
      const row = await findConsultationOfAppointment(trx, appointmentId);
      if (!row) throw new Error('the consultation just written is missing');
      return viewOf(trx, visit, row);
    });
  } catch (error) {
    if (lockedMeanwhile(error)) throw invalidTransition('The consultation was signed or created meanwhile; reload it and try again');
    throw error;
  }
}

/**
 * Signs the draft and, in the same transaction, completes a confirmed appointment exactly as POST /complete does.
 * Only once the visit has started, and only from a confirmed or completed appointment.
 */
export async function signConsultation(deps: Deps, caller: Caller, appointmentId: string, ip: string | null): Promise<ConsultationView> {
  const now = deps.clock.now();
  try {
    return await auditedTransaction(deps, caller, async (trx) => {
      const visit = await authorsVisit(trx, caller, appointmentId, CONSULTATION_ACTIONS.sign);
      const existing = await findConsultationOfAppointment(trx, appointmentId);
      if (!existing) throw consultationNotFound();
      if (existing.status === 'signed') throw invalidTransition('This consultation is signed already');
      if (!SIGNABLE_VISIT_STATUSES.includes(visit.status)) {
        throw invalidTransition(visit.status === 'requested'
          ? 'The appointment is still a request: confirm it before signing its consultation'
          : `The appointment is ${visit.status.replace('_', '-')}: only the consultation of a confirmed or completed visit can be signed`);
      }
      if (now.getTime() < new Date(visit.start_at).getTime()) {
        throw invalidTransition(`The visit has not started yet (it starts ${visit.start_at}): a consultation can be drafted now but signed only once the visit has started`);
      }
      if (!(await markSigned(trx, existing.id, caller.actor.userId, now.toISOString()))) throw invalidTransition('This consultation is signed already');
      await writeAudit(trx, now, auditBy(caller, {
        action: CONSULTATION_ACTIONS.sign, entityType: 'appointment', entityId: appointmentId, outcome: 'success',
        details: { consultationId: existing.id, patientId: visit.patient_id, completesAppointment: visit.status === 'confirmed' },
      }));
      if (visit.status === 'confirmed') {
        const appointment = await findVisibleAppointment(trx, caller.actor, appointmentId);
        await completeInTransaction(trx, caller.actor, appointment, await getSettings(trx), now, ip);
      }
      const [after, row] = await Promise.all([findVisit(trx, appointmentId), findConsultationOfAppointment(trx, appointmentId)]);
      if (!after || !row) throw new Error('the consultation just signed is missing');
      return viewOf(trx, after, row);
    });
  } catch (error) {
    if (lockedMeanwhile(error)) throw invalidTransition('This consultation is signed already');
    throw error;
  }
}

/** Appends an addendum to a signed consultation (the appointment's doctor); addenda are never changed or removed. */
export async function addAddendum(deps: Deps, caller: Caller, appointmentId: string, body: string): Promise<AddendumView> {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const visit = await authorsVisit(trx, caller, appointmentId, CONSULTATION_ACTIONS.addendum);
    const existing = await findConsultationOfAppointment(trx, appointmentId);
    if (!existing) throw consultationNotFound();
    if (existing.status !== 'signed') {
      throw new AppError(409, 'INVALID_TRANSITION', 'The consultation is still a draft: change the draft itself; addenda follow a signed consultation');
    }
    const id = newId();
    await insertAddendum(trx, { id, consultation_id: existing.id, author_id: caller.actor.userId, author_role: caller.actor.role, at: now.toISOString(), text: body.trim() });
    await writeAudit(trx, now, auditBy(caller, {
      action: CONSULTATION_ACTIONS.addendum, entityType: 'appointment', entityId: appointmentId, outcome: 'success',
      details: { consultationId: existing.id, patientId: visit.patient_id, addendumId: id },
    }));
    const added = (await listAddenda(trx, existing.id)).find((row) => row.id === id);
    if (!added) throw new Error('the addendum just written is missing');
    return toAddendum(added);
  });
}
