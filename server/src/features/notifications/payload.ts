/** What an email or text-message job is rendered from: a snapshot taken in the transaction that made the notification. */

export type Audience = 'patient' | 'doctor' | 'other';

export interface AppointmentSnapshot {
  id: string;
  start: string;
  end: string;
  status: string;
  /** The appointment's change counter at the time (iCalendar SEQUENCE). */
  sequence: number;
  doctorName: string;
  patientName: string;
}

export interface MessagePayload {
  kind: string;
  title: string;
  body: string;
  recipientName: string;
  audience: Audience;
  hospitalName: string;
  timeZone: string;
  appointment: AppointmentSnapshot | null;
  /** An account email's one call to action (a password-reset link), shown instead of the sign-in link. */
  link?: { label: string; url: string };
}

/** A reminder job: when due, it checks the appointment still holds at `startAt`, then notifies the patient. */
export interface ReminderPayload {
  appointmentId: string;
  startAt: string;
  offsetMinutes: number;
}

export const REMINDER_KIND = 'appointment.reminder';

export function parseMessagePayload(text: string): MessagePayload {
  return JSON.parse(text) as MessagePayload;
}

export function parseReminderPayload(text: string): ReminderPayload {
  return JSON.parse(text) as ReminderPayload;
}
