import type { Role } from '#shared/roles';
import { TRANSITION_ACTIONS, transition, type AppointmentStatus, type Initiator, type TransitionAction } from './state-machine.ts';

/** Who may do what with appointments. Pure: the actor and the record in, a decision out. */

export interface AppointmentActor {
  role: Role;
  patientId: string | null;
  doctorId: string | null;
}

export interface AppointmentParties {
  doctorId: string;
  patientId: string;
}

/** Roles that may book: a patient for themself, the front desk for anyone. Doctors do not book. */
export const BOOKING_ROLES: readonly Role[] = ['patient', 'admin', 'receptionist'];

export const READ_ROLES: readonly Role[] = ['patient', 'doctor', 'admin', 'receptionist'];

/** Roles that may ever take each action (the route's coarse permission); the record check comes on top. */
export const ACTION_ROLES: Record<TransitionAction, readonly Role[]> = {
  confirm: ['doctor', 'admin', 'receptionist'],
  reject: ['doctor', 'admin', 'receptionist'],
  cancel: ['patient', 'doctor', 'admin', 'receptionist'],
  reschedule: ['patient', 'doctor', 'admin', 'receptionist'],
  complete: ['doctor', 'admin'],
  no_show: ['doctor', 'admin'],
};

/** Actions a patient takes only outside the cancellation notice window. */
const NOTICE_BOUND: readonly TransitionAction[] = ['cancel', 'reschedule'];

const isFrontDesk = (role: Role): boolean => role === 'admin' || role === 'receptionist';

export const initiatorOf = (actor: AppointmentActor): Initiator => (actor.role === 'patient' ? 'patient' : 'staff');

/** A patient sees their own appointments, a doctor theirs, admins and receptionists all of them. */
export function canViewAppointment(actor: AppointmentActor, appointment: AppointmentParties): boolean {
  if (isFrontDesk(actor.role)) return true;
  if (actor.role === 'doctor') return actor.doctorId !== null && actor.doctorId === appointment.doctorId;
  if (actor.role === 'patient') return actor.patientId !== null && actor.patientId === appointment.patientId;
  return false;
}

export type Decision = 'allowed' | 'forbidden' | 'not_found';

/** May the actor take this action on this appointment? Someone else's appointment is 'not_found', as if absent. */
export function mayTransition(actor: AppointmentActor, action: TransitionAction, appointment: AppointmentParties): Decision {
  if (!canViewAppointment(actor, appointment)) return 'not_found';
  return ACTION_ROLES[action].includes(actor.role) ? 'allowed' : 'forbidden';
}

/** Staff views carry whether an appointment lies outside the doctor's current availability. */
export const seesAvailabilityFlag = (actor: AppointmentActor): boolean => actor.role !== 'patient';

export type BookingPatient =
  | { ok: true; patientId: string }
  | { ok: false; status: 400 | 403; path: string | null; message: string };

/** Whose appointment a booking is: the patient's own, or the one the front desk names. */
export function bookingPatient(actor: AppointmentActor, requested: string | undefined): BookingPatient {
  if (actor.role === 'patient') {
    if (!actor.patientId) return { ok: false, status: 403, path: null, message: 'Your account has no patient record to book for' };
    if (requested !== undefined && requested !== actor.patientId) {
      return { ok: false, status: 403, path: '/patientId', message: 'A patient books only for themself: leave out patientId or give your own' };
    }
    return { ok: true, patientId: actor.patientId };
  }
  if (isFrontDesk(actor.role)) {
    if (requested === undefined) return { ok: false, status: 400, path: '/patientId', message: 'Give the patientId of the patient you are booking for' };
    return { ok: true, patientId: requested };
  }
  return { ok: false, status: 403, path: null, message: 'Doctors cannot book appointments' };
}

/** The last moment a patient may still cancel or move an appointment themself. */
export const changeDeadline = (start: Date, cancellationNoticeHours: number): Date =>
  new Date(start.getTime() - cancellationNoticeHours * 3_600_000);

/** A patient cancelling or rescheduling inside the notice window is too late; staff never are. */
export function isTooLateToChange(actor: AppointmentActor, action: TransitionAction, start: Date, now: Date, cancellationNoticeHours: number): boolean {
  if (actor.role !== 'patient' || !NOTICE_BOUND.includes(action)) return false;
  return now.getTime() > changeDeadline(start, cancellationNoticeHours).getTime();
}

export interface ListScope {
  doctorId?: string;
  patientId?: string;
  /** The actor may see no appointments at all (a patient login without a patient record). */
  nothing?: boolean;
}

/** The part of the appointment list the actor may see. */
export function listScope(actor: AppointmentActor): ListScope {
  if (isFrontDesk(actor.role)) return {};
  if (actor.role === 'doctor') return actor.doctorId ? { doctorId: actor.doctorId } : { nothing: true };
  if (actor.role === 'patient') return actor.patientId ? { patientId: actor.patientId } : { nothing: true };
  return { nothing: true };
}

export interface ActionRules {
  now: Date;
  cancellationNoticeHours: number;
  autoApprove: boolean;
}

export interface AllowedActions {
  allowedActions: TransitionAction[];
  /** The last moment the caller may still cancel or move it themself; null when no notice window applies to them. */
  changeDeadline: string | null;
}

/**
 * What the actor may do with this appointment now, by the same rules the transitions enforce:
 * the role may take the action, the status allows it, it has started where that matters, and a patient is outside the notice window.
 */
export function allowedActionsFor(
  actor: AppointmentActor,
  appointment: AppointmentParties & { status: AppointmentStatus; start: Date },
  rules: ActionRules,
): AllowedActions {
  const context = { initiator: initiatorOf(actor), now: rules.now, start: appointment.start, autoApprove: rules.autoApprove };
  const allowedActions = TRANSITION_ACTIONS.filter(
    (action) =>
      mayTransition(actor, action, appointment) === 'allowed' &&
      transition(appointment.status, action, context).ok &&
      !isTooLateToChange(actor, action, appointment.start, rules.now, rules.cancellationNoticeHours),
  );
  const windowApplies = actor.role === 'patient' && NOTICE_BOUND.some((action) => transition(appointment.status, action, context).ok);
  return {
    allowedActions,
    changeDeadline: windowApplies ? changeDeadline(appointment.start, rules.cancellationNoticeHours).toISOString() : null,
  };
}
