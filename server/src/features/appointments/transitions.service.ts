import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { SettingsTable, Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, invalid } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { syncReminders } from '../notifications/reminders.ts';
import { findBookableSlot } from '../scheduling/booking-check.ts';
import { findAppointment, findPatientOverlap, hasSignedConsultation, insertHistory, updateAppointmentIfUnchanged, type AppointmentChanges, type AppointmentRow } from './appointments.queries.ts';
import { toAppointment, type AppointmentView } from './appointments.mapper.ts';
import { LINK_ACTOR_ROLE } from '#shared/links';
import { issueLink, revokeLinks } from '../links/links.service.ts';
import { detailView, findVisibleAppointment } from './appointments.service.ts';
import { consultationRequired, invalidTransition, patientOverlap, slotUnavailable, tooLateToChange } from './errors.ts';
import { noticesFor, type AppointmentEvent } from './notices.ts';
import { changeDeadline, initiatorOf, isTooLateToChange, mayTransition } from './policy.ts';
import { transition, type AppointmentStatus, type TransitionAction } from './state-machine.ts';

export type Change =
  | { action: 'confirm'; note?: string | undefined }
  | { action: 'reject'; reason: string }
  | { action: 'cancel'; reason?: string | undefined }
  | { action: 'reschedule'; start: string; reason?: string | undefined }
  | { action: 'complete'; note?: string | undefined }
  | { action: 'no_show'; note?: string | undefined };

interface Plan {
  row: AppointmentRow;
  to: AppointmentStatus;
  /** The new time of a reschedule. */
  newStart: Date | null;
  note: string | null;
  settings: SettingsTable;
  now: Date;
}

/** Someone else changed the appointment between our read and our write. */
class ChangedMeanwhile extends Error {}

const textOf = (value: string | undefined): string | null => (value?.trim() ? value.trim() : null);

function noteOf(change: Change): string | null {
  switch (change.action) {
    case 'reject':
      return change.reason.trim();
    case 'cancel':
    case 'reschedule':
      return textOf(change.reason);
    default:
      return textOf(change.note);
  }
}

/**
 * Moves an appointment through its life: one transaction writes the appointment (sequence + 1), its history row,
 * the audit row and the notifications. The write only applies if nobody changed the appointment since it was read;
 * the loser of a race answers 409 INVALID_TRANSITION.
 */
export async function changeAppointment(deps: Deps, actor: Actor, id: string, change: Change, ip: string | null): Promise<AppointmentView> {
  const row = await findVisibleAppointment(deps.db, actor, id);
  const settings = await getSettings(deps.db);
  const plan = planChange(actor, row, change, settings, deps.clock.now());
  try {
    return await deps.db.transaction().execute((trx) => applyInTransaction(trx, actor, change.action, plan, ip));
  } catch (error) {
    if (error instanceof ChangedMeanwhile) {
      const current = await findAppointment(deps.db, id);
      throw invalidTransition(`The appointment was changed by someone else meanwhile (it is now ${current?.status ?? 'gone'}); reload it and try again`);
    }
    const violation = constraintViolation(error);
    if (plan.newStart && (violation?.kind === 'exclusion' || violation?.kind === 'unique')) throw slotUnavailable(plan.newStart);
    throw error;
  }
}

/** Checks that the actor may make the change now and works out where it takes the appointment; throws the refusal otherwise. */
function planChange(actor: Actor, row: AppointmentRow, change: Change, settings: SettingsTable, now: Date): Plan {
  const action: TransitionAction = change.action;
  if (mayTransition(actor, action, { doctorId: row.doctor_id, patientId: row.patient_id }) !== 'allowed') throw forbidden();
  const start = new Date(row.start_at);
  const next = transition(row.status as AppointmentStatus, action, {
    initiator: initiatorOf(actor), now, start, autoApprove: settings.approval_mode === 'auto',
  });
  if (!next.ok) throw invalidTransition(next.message);
  if (isTooLateToChange(actor, action, start, now, settings.cancellation_notice_hours)) {
    throw tooLateToChange(changeDeadline(start, settings.cancellation_notice_hours), settings.cancellation_notice_hours, settings.time_zone, settings.phone);
  }
  const newStart = change.action === 'reschedule' ? new Date(change.start) : null;
  if (newStart && newStart.getTime() === start.getTime()) throw invalid('/start', 'The appointment already starts at this time');
  return { row, to: next.to, newStart, note: noteOf(change), settings, now };
}

/**
 * Completes the appointment inside the caller's transaction, exactly as POST /complete does (history row, audit row,
 * notifications): signing a consultation completes its visit in the signing transaction.
 */
export async function completeInTransaction(trx: Trx, actor: Actor, row: AppointmentRow, settings: SettingsTable, now: Date, ip: string | null): Promise<AppointmentView> {
  const change: Change = { action: 'complete' };
  const plan = planChange(actor, row, change, settings, now);
  try {
    return await applyInTransaction(trx, actor, change.action, plan, ip);
  } catch (error) {
    if (error instanceof ChangedMeanwhile) throw invalidTransition('The appointment was changed by someone else meanwhile; reload it and try again');
    throw error;
  }
}

/** The patient of the appointment acting through a signed link: the same rules as a signed-in patient. */
function linkActor(row: AppointmentRow): Actor {
  return { userId: '', role: 'patient', email: '', name: row.patient_name, patientId: row.patient_id, doctorId: null, sessionId: '', csrfToken: '', mustChangePassword: false };
}

/**
 * Cancels or moves an appointment for its patient through a signed manage link, under the rules a signed-in patient
 * meets. Recorded in history and audit as "patient, by link". A reschedule kills the old links and issues a new one.
 */
export async function changeAppointmentByLink(deps: Deps, row: AppointmentRow, change: Extract<Change, { action: 'cancel' | 'reschedule' }>, ip: string | null, expiresFor: (end: Date) => Date): Promise<{ status: AppointmentStatus; token: string | null }> {
  const settings = await getSettings(deps.db);
  const actor = linkActor(row);
  const plan = planChange(actor, row, change, settings, deps.clock.now());
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const view = await applyInTransaction(trx, actor, change.action, plan, ip, row.patient_user_id);
      if (change.action !== 'reschedule') return { status: view.status, token: null };
      const link = await issueLink(trx, plan.now, { purpose: 'manage', appointmentId: row.id, expiresAt: expiresFor(new Date(view.end)) });
      return { status: view.status, token: link.token };
    });
  } catch (error) {
    if (error instanceof ChangedMeanwhile) throw invalidTransition('The appointment was changed meanwhile; reload the page and try again');
    const violation = constraintViolation(error);
    if (plan.newStart && (violation?.kind === 'exclusion' || violation?.kind === 'unique')) throw slotUnavailable(plan.newStart);
    throw error;
  }
}

async function applyInTransaction(trx: Trx, actor: Actor, action: TransitionAction, plan: Plan, ip: string | null, byLink?: string | null): Promise<AppointmentView> {
  const { row, to, newStart, note, settings, now } = plan;
  const viaLink = byLink !== undefined;
  const actorId = viaLink ? byLink : actor.userId;
  const at = now.toISOString();
  if (action === 'complete' && Number(settings.require_signed_consultation) === 1 && !(await hasSignedConsultation(trx, row.id))) {
    throw consultationRequired();
  }
  const changes: AppointmentChanges = { status: to, sequence: row.sequence + 1, updated_at: at };
  if (action === 'reject' || action === 'cancel' || (note !== null && action !== 'reschedule')) changes.decision_note = note;
  if (newStart) {
    const slot = await findBookableSlot(trx, row.doctor_id, newStart, now, settings, { ignoreAppointmentId: row.id, staff: initiatorOf(actor) === 'staff' });
    if (!slot) throw slotUnavailable(newStart);
    changes.start_at = slot.start.toISOString();
    changes.end_at = slot.end.toISOString();
    const clash = await findPatientOverlap(trx, row.patient_id, changes.start_at, changes.end_at, row.id);
    if (clash) throw patientOverlap(clash.start_at, settings.time_zone);
  }
  if (!(await updateAppointmentIfUnchanged(trx, row.id, { status: row.status, sequence: row.sequence }, changes))) throw new ChangedMeanwhile();
  await syncReminders(trx, { id: row.id, status: to, start_at: changes.start_at ?? row.start_at, patient_id: row.patient_id, doctor_id: row.doctor_id }, now);
  await insertHistory(trx, {
    id: newId(), appointment_id: row.id, at, actor_id: actorId, actor_role: actor.role, actor_kind: viaLink ? 'patient_link' : 'user', from_status: row.status, to_status: to,
    from_start: newStart ? row.start_at : null, to_start: changes.start_at ?? null, note,
  });
  if (action === 'reschedule') await revokeLinks(trx, now, row.id, 'manage');
  await writeAudit(trx, now, {
    actorId, actorRole: viaLink ? LINK_ACTOR_ROLE : actor.role, action: `appointment.${action}`, entityType: 'appointment', entityId: row.id, outcome: 'success', ip,
    details: { from: row.status, to, ...(newStart ? { fromStart: row.start_at, toStart: changes.start_at } : {}) },
  });
  const notices = noticesFor(eventOf(action, plan, changes), {
    appointmentId: row.id, doctorUserId: row.doctor_user_id, doctorName: row.doctor_name, patientUserId: row.patient_user_id, patientName: row.patient_name,
    actor: { userId: actor.userId, role: actor.role, name: actor.name }, timeZone: settings.time_zone,
  });
  for (const notice of notices) await notify(trx, now, notice);
  if (viaLink) {
    const after = await findAppointment(trx, row.id);
    if (!after) throw invalidTransition('The appointment is gone');
    return { ...toAppointment(after, { allowedActions: [], changeDeadline: null }), history: [] };
  }
  return detailView(trx, actor, row.id, settings, now);
}

function eventOf(action: TransitionAction, plan: Plan, changes: AppointmentChanges): AppointmentEvent {
  const start = new Date(plan.row.start_at);
  switch (action) {
    case 'confirm':
      return { kind: 'confirmed', start, note: plan.note };
    case 'reject':
      return { kind: 'rejected', start, reason: plan.note ?? '' };
    case 'cancel':
      return { kind: 'cancelled', start, reason: plan.note };
    case 'reschedule':
      return { kind: 'rescheduled', from: start, to: new Date(changes.start_at ?? plan.row.start_at), status: plan.to, reason: plan.note };
    case 'complete':
      return { kind: 'completed' };
    case 'no_show':
      return { kind: 'no_show' };
  }
}
