import { ApiError } from '../../api/problem.ts';
import type { Appointment, AppointmentStatus } from './api.ts';

export const statusLabels: Record<AppointmentStatus, string> = {
  requested: 'Requested',
  confirmed: 'Confirmed',
  rejected: 'Declined',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'No-show',
};

/** What the status means for the patient, in a sentence. */
export const statusHints: Record<AppointmentStatus, string> = {
  requested: 'Waiting for the doctor to confirm.',
  confirmed: 'Confirmed by the hospital.',
  rejected: 'The doctor could not take this appointment.',
  cancelled: 'This appointment was cancelled.',
  completed: 'This appointment took place.',
  no_show: 'Marked as missed.',
};

/** Badge colours; the badge always carries the status as text, so colour is never the only signal. */
export const statusColors: Record<AppointmentStatus, string> = {
  requested: 'yellow',
  confirmed: 'green',
  rejected: 'red',
  cancelled: 'gray',
  completed: 'care',
  no_show: 'red',
};

export type ActionKind = 'confirm' | 'reject' | 'cancel' | 'reschedule' | 'complete' | 'no_show';

export const actionLabels: Record<ActionKind, string> = {
  confirm: 'Confirm',
  reject: 'Decline',
  cancel: 'Cancel',
  reschedule: 'Reschedule',
  complete: 'Mark completed',
  no_show: 'Mark no-show',
};

/** Requested or confirmed and not yet over. */
export const isUpcoming = (appointment: Pick<Appointment, 'status' | 'end'>, now: Date = new Date()): boolean =>
  (appointment.status === 'requested' || appointment.status === 'confirmed') && new Date(appointment.end).getTime() > now.getTime();

export interface SchedulingProblem {
  title: string;
  message: string;
}

/** A friendly title for the conflicts the scheduling API answers with; the server's detail is the message. */
export function describeProblem(error: unknown, fallbackTitle: string): SchedulingProblem {
  if (!(error instanceof ApiError)) {
    return { title: fallbackTitle, message: 'We could not reach the hospital server. Check your connection and try again.' };
  }
  switch (error.code) {
    case 'SLOT_UNAVAILABLE':
      return {
        title: 'That time has just been taken',
        message: 'Someone else booked this time a moment ago. The free times have been refreshed: please choose another.',
      };
    case 'TOO_LATE_TO_CHANGE':
      return { title: 'Too late to change online', message: error.message };
    case 'INVALID_TRANSITION':
      return { title: 'This appointment has changed in the meantime', message: `${error.message}. The page now shows its current state.` };
    case 'TOO_MANY_OPEN_REQUESTS':
      return { title: 'Too many open requests', message: error.message };
    case 'PATIENT_OVERLAP':
      return { title: 'The patient is already booked at that time', message: error.message };
    default:
      return { title: fallbackTitle, message: error.message };
  }
}
