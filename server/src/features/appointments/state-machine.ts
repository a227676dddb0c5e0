/** The life of an appointment: which action may move it from which status, and to where. Pure. */

import { ACTIVE_STATUSES, APPOINTMENT_STATUSES, type AppointmentStatus, type TransitionAction } from '#shared/appointments';

export { ACTIVE_STATUSES, APPOINTMENT_STATUSES, TRANSITION_ACTIONS, type AppointmentStatus, type TransitionAction } from '#shared/appointments';

/** Who started the change: the patient themself, or a member of staff (the doctor, an admin, a receptionist). */
export type Initiator = 'patient' | 'staff';

export interface TransitionContext {
  initiator: Initiator;
  now: Date;
  start: Date;
  /** The hospital confirms requests without a human decision. */
  autoApprove: boolean;
}

export type TransitionResult =
  | { ok: true; to: AppointmentStatus }
  | { ok: false; message: string };

const ALLOWED_FROM: Record<TransitionAction, readonly AppointmentStatus[]> = {
  confirm: ['requested'],
  reject: ['requested'],
  cancel: ['requested', 'confirmed'],
  reschedule: ['requested', 'confirmed'],
  complete: ['confirmed'],
  no_show: ['confirmed'],
};

const VERB: Record<TransitionAction, string> = {
  confirm: 'confirm',
  reject: 'reject',
  cancel: 'cancel',
  reschedule: 'reschedule',
  complete: 'complete',
  no_show: 'mark as a no-show',
};

export const isActive = (status: AppointmentStatus): boolean => ACTIVE_STATUSES.includes(status);

export function isAppointmentStatus(value: string): value is AppointmentStatus {
  return (APPOINTMENT_STATUSES as readonly string[]).includes(value);
}

/** The status a new booking starts in. */
export const initialStatus = (autoApprove: boolean): AppointmentStatus => (autoApprove ? 'confirmed' : 'requested');

function rescheduledStatus(from: AppointmentStatus, context: TransitionContext): AppointmentStatus {
  if (context.initiator === 'staff') return from;
  return context.autoApprove ? 'confirmed' : 'requested';
}

/** Where `action` takes an appointment in status `from`, or why it may not. */
export function transition(from: AppointmentStatus, action: TransitionAction, context: TransitionContext): TransitionResult {
  if (!ALLOWED_FROM[action].includes(from)) {
    const allowed = ALLOWED_FROM[action].join(' or ');
    return { ok: false, message: `Cannot ${VERB[action]} an appointment that is ${from.replace('_', '-')}; only one that is ${allowed}` };
  }
  switch (action) {
    case 'confirm':
      return { ok: true, to: 'confirmed' };
    case 'reject':
      return { ok: true, to: 'rejected' };
    case 'cancel':
      return { ok: true, to: 'cancelled' };
    case 'reschedule':
      return { ok: true, to: rescheduledStatus(from, context) };
    case 'complete':
    case 'no_show':
      if (context.now.getTime() < context.start.getTime()) {
        return { ok: false, message: `Cannot ${VERB[action]} an appointment before it starts (${context.start.toISOString()})` };
      }
      return { ok: true, to: action === 'complete' ? 'completed' : 'no_show' };
  }
}
