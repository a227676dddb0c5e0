import type { Deps } from '../../deps.ts';
import type { DeliveryJobsTable, Executor, Trx } from '../../db/types.ts';
import { doctorTitle, longWhen } from './messages.ts';
import { notify } from './notifications.service.ts';
import { findAppointmentParties, findHospitalBasics } from './notifications.queries.ts';
import { newJob } from './outbox.ts';
import { deletePendingReminderJobs, findAppointmentState, findPatientUserId, insertDeliveryJob, settleJob, type Claim } from './outbox.queries.ts';
import { parseReminderPayload, REMINDER_KIND, type MessagePayload, type ReminderPayload } from './payload.ts';

export const DEFAULT_REMINDER_OFFSETS_MINUTES: readonly number[] = [1440, 120];

/** The settings' JSON list of minutes, largest first; anything unreadable falls back to the default. */
export function parseReminderOffsets(text: string): number[] {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((n) => Number.isInteger(n) && n > 0 && n <= 60 * 24 * 60)) {
      return [...new Set(value as number[])].sort((a, b) => b - a);
    }
  } catch {
    // fall through to the default
  }
  return [...DEFAULT_REMINDER_OFFSETS_MINUTES];
}

export interface ReminderAppointment {
  id: string;
  status: string;
  start_at: string;
  patient_id: string;
  doctor_id: string;
}

/**
 * Makes the appointment's reminder jobs match its current state, inside the transaction that changed it:
 * pending reminders are removed, and a confirmed appointment gets one per configured offset (offsets already past are skipped).
 */
export async function syncReminders(trx: Trx, appointment: ReminderAppointment, now: Date): Promise<void> {
  await deletePendingReminderJobs(trx, appointment.id);
  if (appointment.status !== 'confirmed') return;
  const userId = await findPatientUserId(trx, appointment.patient_id);
  if (userId === null) return;
  const start = new Date(appointment.start_at);
  const { reminder_offsets_minutes: offsets } = await findHospitalBasics(trx);
  for (const offsetMinutes of parseReminderOffsets(offsets)) {
    const dueAt = new Date(start.getTime() - offsetMinutes * 60_000);
    if (dueAt.getTime() <= now.getTime()) continue;
    const payload: ReminderPayload = { appointmentId: appointment.id, startAt: start.toISOString(), offsetMinutes };
    await insertDeliveryJob(trx, newJob(now, {
      channel: 'reminder', userId, kind: REMINDER_KIND, recipient: userId, payload, notificationId: null, appointmentId: appointment.id, dueAt,
    }));
  }
}

const holds = (state: { status: string; start_at: string } | undefined, startAt: string, now: Date): boolean =>
  state !== undefined && state.status === 'confirmed' && new Date(state.start_at).getTime() === new Date(startAt).getTime() && now.getTime() < new Date(startAt).getTime();

/** For a reminder's email or text message: is the appointment still confirmed at the time the reminder names? */
export async function reminderStillHolds(db: Executor, payload: MessagePayload, now: Date): Promise<boolean> {
  if (!payload.appointment) return false;
  return holds(await findAppointmentParties(db, payload.appointment.id), payload.appointment.start, now);
}

export class LapsedClaim extends Error {}

/**
 * A due reminder job: in one transaction, checks that the appointment is still confirmed at the time it was set for,
 * then writes the patient's reminder notification (whose email and text jobs follow the patient's preferences).
 * A reminder for a time that no longer holds is skipped.
 */
export async function deliverReminder(deps: Deps, job: DeliveryJobsTable, claim: Claim): Promise<'sent' | 'skipped'> {
  const reminder = parseReminderPayload(job.payload);
  const now = deps.clock.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const state = await findAppointmentState(trx, deps.dialect, reminder.appointmentId);
    if (!state || !holds(state, reminder.startAt, now) || state.patient_user_id === null) {
      if (!(await settleJob(trx, claim, { status: 'skipped', last_error: 'The appointment no longer takes place at this time', updated_at: at }))) throw new LapsedClaim();
      return 'skipped';
    }
    const parties = await findAppointmentParties(trx, reminder.appointmentId);
    const { time_zone: timeZone } = await findHospitalBasics(trx);
    const doctor = parties ? doctorTitle(parties.doctor_name) : 'your doctor';
    await notify(trx, now, {
      userId: state.patient_user_id,
      kind: REMINDER_KIND,
      title: 'Appointment reminder',
      body: `Reminder: your appointment with ${doctor} is on ${longWhen(state.start_at, timeZone)}.`,
      appointmentId: reminder.appointmentId,
    });
    if (!(await settleJob(trx, claim, { status: 'sent', sent_at: at, updated_at: at }))) throw new LapsedClaim();
    return 'sent';
  });
}
