import type { Deps } from '../../deps.ts';
import type { Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findUserById, revokeUserSessions } from '../auth/auth.queries.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import {
  cancelActiveAppointment,
  findDoctorById,
  insertAppointmentHistory,
  listFutureActiveAppointments,
  setDoctorActive,
  updateUserAccount,
} from './doctors.queries.ts';
import { syncReminders } from '../notifications/reminders.ts';
import { getDoctorProfile } from './doctors.service.ts';

export const CANCELLATION_NOTE_PREFIX = 'Doctor no longer available';

export function cancellationNote(reason: string | undefined): string {
  const text = reason?.trim();
  return text ? `${CANCELLATION_NOTE_PREFIX}: ${text}` : CANCELLATION_NOTE_PREFIX;
}

/** "Monday 2 March 2026 at 09:30 (Europe/London)": an instant as the hospital's clocks show it. */
export function hospitalTime(instant: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(instant));
  return `${text} (${timeZone})`;
}

interface Cancellation {
  actor: Actor;
  now: Date;
  note: string;
  doctorName: string;
  timeZone: string;
}

/** Cancels the doctor's future requested and confirmed appointments: row, history, audit and the patient's notification. */
async function cancelFutureAppointments(trx: Trx, doctorId: string, c: Cancellation): Promise<number> {
  const at = c.now.toISOString();
  let cancelled = 0;
  for (const appointment of await listFutureActiveAppointments(trx, doctorId, at)) {
    if (!(await cancelActiveAppointment(trx, appointment.id, c.note, at))) continue;
    cancelled += 1;
    await syncReminders(trx, { id: appointment.id, status: 'cancelled', start_at: appointment.start_at, patient_id: appointment.patient_id, doctor_id: doctorId }, c.now);
    await insertAppointmentHistory(trx, {
      id: newId(), appointment_id: appointment.id, at, actor_id: c.actor.userId, actor_role: c.actor.role,
      from_status: appointment.status, to_status: 'cancelled', from_start: null, to_start: null, note: c.note,
    });
    await writeAudit(trx, c.now, {
      actorId: c.actor.userId, actorRole: c.actor.role, action: 'appointment.cancel', entityType: 'appointment', entityId: appointment.id,
      outcome: 'success', details: { before: { status: appointment.status }, after: { status: 'cancelled' }, note: c.note },
    });
    if (appointment.patient_user_id) {
      await notify(trx, c.now, {
        userId: appointment.patient_user_id,
        kind: 'appointment.cancelled',
        title: 'Appointment cancelled',
        body: `Your appointment with ${c.doctorName} on ${hospitalTime(appointment.start_at, c.timeZone)} has been cancelled. ${c.note.replace(/[.!?]$/, '')}. You can book with another doctor.`,
        appointmentId: appointment.id,
      });
    }
  }
  return cancelled;
}

/**
 * Deactivates a doctor (kept, not erased): the profile leaves the directory, the login stops working,
 * and every future active appointment is cancelled with the reason, all in one transaction.
 */
export async function deactivateDoctor(deps: Deps, actor: Actor, ip: string | null, id: string, reason: string | undefined): Promise<void> {
  const row = await findDoctorById(deps.db, id);
  if (!row) throw notFound('Doctor');
  if (row.active !== 1) return;
  const { time_zone: timeZone } = await getSettings(deps.db);
  const now = deps.clock.now();
  const at = now.toISOString();
  const note = cancellationNote(reason);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await setDoctorActive(trx, id, false, at))) return;
    await updateUserAccount(trx, row.user_id, { active: 0, updated_at: at });
    await revokeUserSessions(trx, row.user_id, at, null);
    const cancelled = await cancelFutureAppointments(trx, id, { actor, now, note, doctorName: row.name, timeZone });
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'doctor.deactivate', entityType: 'doctor', entityId: id, outcome: 'success', ip,
      details: { before: { active: true }, after: { active: false }, reason: reason?.trim() || null, cancelledAppointments: cancelled },
    });
  });
}

/**
 * Reactivates a doctor and their login in one transaction: the profile is back in the directory and the doctor
 * signs in with their own password. Appointments cancelled at deactivation stay cancelled. A doctor whose
 * profile and login are both active is left as it is.
 */
export async function reactivateDoctor(deps: Deps, actor: Actor, ip: string | null, id: string) {
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findDoctorById(trx, id);
    if (!row) throw notFound('Doctor');
    const loginActive = (await findUserById(trx, row.user_id))?.active === 1;
    if (row.active === 1 && loginActive) return;
    await setDoctorActive(trx, id, true, at);
    await updateUserAccount(trx, row.user_id, { active: 1, updated_at: at });
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'doctor.reactivate', entityType: 'doctor', entityId: id, outcome: 'success', ip,
      details: { before: { active: row.active === 1, loginActive }, after: { active: true, loginActive: true } },
    });
  });
  return getDoctorProfile(deps.db, actor, id);
}
