import type { Deps } from '../../deps.ts';
import { chargeForBooking } from '../payments/payments.service.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { syncReminders } from '../notifications/reminders.ts';
import { findDoctorParty, findDoctorSlotMinutes, findPatientOverlap, findPatientParty, insertAppointment, insertHistory } from './appointments.queries.ts';
import type { AppointmentView } from './appointments.mapper.ts';
import { detailView } from './appointments.service.ts';
import { patientOverlap } from './errors.ts';
import { noticesFor } from './notices.ts';

export interface WalkInInput {
  doctorId: string;
  patientId?: string | undefined;
  reason: string;
  start?: string | undefined;
}

/** Roles that may register a walk-in: the front desk. */
export const WALK_IN_ROLES = ['admin', 'receptionist'] as const;

const walkInOverlap = (start: Date, end: Date) =>
  new AppError(409, 'SLOT_UNAVAILABLE', `The doctor already has an appointment between ${start.toISOString()} and ${end.toISOString()}: a walk-in cannot overlap it`);

/** The minute the walk-in starts: now, seconds dropped. */
export const walkInStart = (now: Date): Date => new Date(Math.floor(now.getTime() / 60_000) * 60_000);

/**
 * A walk-in: confirmed at once, starting now (to the minute) for the doctor's slot length, outside the slot grid.
 * Overlapping any active appointment of the doctor is refused by the database (migration 003's overlap trigger on
 * SQLite, its exclusion constraint on PostgreSQL), so two racing walk-ins cannot both win: the loser answers 409.
 */
export async function bookWalkIn(deps: Deps, actor: Actor, input: WalkInInput, ip: string | null): Promise<AppointmentView> {
  if (!(WALK_IN_ROLES as readonly string[]).includes(actor.role)) throw forbidden('Only the front desk (receptionists, administrators) registers walk-ins');
  if (input.start !== undefined) throw invalid('/start', 'A walk-in starts now: leave out start');
  if (input.patientId === undefined) throw invalid('/patientId', 'Give the patientId of the patient who walked in');
  const [doctor, patient, slotMinutes, settings] = await Promise.all([
    findDoctorParty(deps.db, input.doctorId), findPatientParty(deps.db, input.patientId), findDoctorSlotMinutes(deps.db, input.doctorId), getSettings(deps.db),
  ]);
  if (!doctor || doctor.active !== 1 || slotMinutes === undefined) throw notFound('Doctor');
  if (!patient || patient.active !== 1) throw notFound('Patient');
  const now = deps.clock.now();
  const start = walkInStart(now);
  const end = new Date(start.getTime() + slotMinutes * 60_000);
  const reason = input.reason.trim();
  try {
    return await deps.db.transaction().execute(async (trx: Trx) => {
      const startAt = start.toISOString();
      const endAt = end.toISOString();
      const clash = await findPatientOverlap(trx, patient.id, startAt, endAt);
      if (clash) throw patientOverlap(clash.start_at, settings.time_zone);
      const id = newId();
      const at = now.toISOString();
      await insertAppointment(trx, {
        id, doctor_id: doctor.id, patient_id: patient.id, start_at: startAt, end_at: endAt, status: 'confirmed', reason,
        decision_note: 'Walk-in', sequence: 0, created_by: actor.userId, created_at: at, updated_at: at,
      });
      await syncReminders(trx, { id, status: 'confirmed', start_at: startAt, patient_id: patient.id, doctor_id: doctor.id }, now);
      await chargeForBooking(trx, { appointmentId: id, doctorId: doctor.id, patientId: patient.id, actor, settings, provider: deps.config.paymentProvider, online: false, now, ip });
      await insertHistory(trx, {
        id: newId(), appointment_id: id, at, actor_id: actor.userId, actor_role: actor.role, from_status: null, to_status: 'confirmed',
        from_start: null, to_start: startAt, note: 'Walk-in',
      });
      await writeAudit(trx, now, {
        actorId: actor.userId, actorRole: actor.role, action: 'appointment.book', entityType: 'appointment', entityId: id,
        outcome: 'success', ip, details: { doctorId: doctor.id, patientId: patient.id, start: startAt, status: 'confirmed', walkIn: true },
      });
      const notices = noticesFor({ kind: 'booked', status: 'confirmed', start, reason }, {
        appointmentId: id, doctorUserId: doctor.user_id, doctorName: doctor.name, patientUserId: patient.user_id, patientName: patient.name,
        actor: { userId: actor.userId, role: actor.role, name: actor.name }, timeZone: settings.time_zone,
      });
      for (const notice of notices) await notify(trx, now, notice);
      return detailView(trx, actor, id, settings, now);
    });
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation?.kind === 'exclusion' || violation?.kind === 'unique') throw walkInOverlap(start, end);
    throw error;
  }
}
