import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { SettingsTable, Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { chargeForBooking } from '../payments/payments.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { syncReminders } from '../notifications/reminders.ts';
import { findBookableSlot } from '../scheduling/booking-check.ts';
import {
  countOpenRequests, findDoctorParty, findPatientOverlap, findPatientParty, insertAppointment, insertHistory,
  insertIdempotencyKey, lockPatient, storeIdempotentResponse, type DoctorParty, type PatientParty,
} from './appointments.queries.ts';
import type { AppointmentView } from './appointments.mapper.ts';
import { detailView } from './appointments.service.ts';
import { patientOverlap, slotUnavailable, tooManyOpenRequests } from './errors.ts';
import { requestHash, storedResponse } from './idempotency.ts';
import { noticesFor } from './notices.ts';
import { bookingPatient, initiatorOf } from './policy.ts';
import { initialStatus } from './state-machine.ts';

export interface BookingInput {
  doctorId: string;
  start: string;
  reason: string;
  patientId?: string | undefined;
}

interface Booking {
  actor: Actor;
  input: BookingInput;
  start: Date;
  now: Date;
  settings: SettingsTable;
  doctor: DoctorParty;
  patient: PatientParty;
  idempotency: { key: string; hash: string } | null;
  ip: string | null;
  /** SQLite's BEGIN IMMEDIATE already admits one writer at a time; PostgreSQL needs the patient's row lock. */
  lockPatient: boolean;
  paymentProvider: Deps['config']['paymentProvider'];
}

const BOOK_OPERATION = 'POST /api/appointments';

/**
 * Books an appointment: requested, or confirmed when the hospital approves automatically.
 * The slot check is a courtesy; the database's no-overlap guarantee decides a race, and its loser answers 409 SLOT_UNAVAILABLE.
 * With an idempotency key, a retry of the same request answers the first response (always a 201) again.
 */
export async function bookAppointment(deps: Deps, actor: Actor, input: BookingInput, idempotencyKey: string | undefined, ip: string | null): Promise<AppointmentView> {
  const target = bookingPatient(actor, input.patientId);
  if (!target.ok) {
    const errors = target.path ? [{ path: target.path, message: target.message }] : undefined;
    throw new AppError(target.status, target.status === 400 ? 'VALIDATION_FAILED' : 'FORBIDDEN', target.message, errors);
  }
  const idempotency = idempotencyKey === undefined ? null : { key: idempotencyKey, hash: requestHash(BOOK_OPERATION, { ...input, patientId: target.patientId }) };
  const [stored, doctor, patient, settings] = await Promise.all([
    idempotency ? storedResponse(deps.db, actor.userId, idempotency.key, idempotency.hash) : null,
    findDoctorParty(deps.db, input.doctorId),
    findPatientParty(deps.db, target.patientId),
    getSettings(deps.db),
  ]);
  if (stored) return stored.body as AppointmentView;
  if (!doctor || doctor.active !== 1) throw notFound('Doctor');
  if (!patient || patient.active !== 1) throw notFound('Patient');
  const booking: Booking = {
    actor, input, doctor, patient, idempotency, ip, settings,
    lockPatient: deps.dialect !== 'sqlite',
    paymentProvider: deps.config.paymentProvider,
    start: new Date(input.start),
    now: deps.clock.now(),
  };
  try {
    return await deps.db.transaction().execute((trx) => bookInTransaction(trx, booking));
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation?.kind !== 'exclusion' && violation?.kind !== 'unique') throw error;
    if (idempotency) {
      const stored = await storedResponse(deps.db, actor.userId, idempotency.key, idempotency.hash);
      if (stored) return stored.body as AppointmentView;
    }
    throw slotUnavailable(booking.start);
  }
}

async function bookInTransaction(trx: Trx, booking: Booking): Promise<AppointmentView> {
  const { actor, input, settings, now, doctor, patient, idempotency } = booking;
  const at = now.toISOString();
  if (idempotency) {
    // Claimed first: a concurrent retry with the same key waits here, then replays this response.
    await insertIdempotencyKey(trx, { user_id: actor.userId, key: idempotency.key, request_hash: idempotency.hash, status_code: 0, response_body: '', created_at: at });
  }
  if (booking.lockPatient) await lockPatient(trx, patient.id);
  const slot = await findBookableSlot(trx, doctor.id, booking.start, now, settings, { staff: initiatorOf(actor) === 'staff' });
  if (!slot) throw slotUnavailable(booking.start);
  const start = slot.start.toISOString();
  const end = slot.end.toISOString();
  if (actor.role === 'patient' && (await countOpenRequests(trx, patient.id)) >= settings.max_open_requests_per_patient) {
    throw tooManyOpenRequests(settings.max_open_requests_per_patient);
  }
  const clash = await findPatientOverlap(trx, patient.id, start, end);
  if (clash) throw patientOverlap(clash.start_at, settings.time_zone);

  const id = newId();
  const status = initialStatus(settings.approval_mode === 'auto');
  const reason = input.reason.trim();
  await insertAppointment(trx, {
    id, doctor_id: doctor.id, patient_id: patient.id, start_at: start, end_at: end, status, reason,
    decision_note: null, sequence: 0, created_by: actor.userId, created_at: at, updated_at: at,
  });
  await syncReminders(trx, { id, status, start_at: start, patient_id: patient.id, doctor_id: doctor.id }, now);
  await chargeForBooking(trx, { appointmentId: id, doctorId: doctor.id, patientId: patient.id, actor, settings, provider: booking.paymentProvider, online: true, now, ip: booking.ip });
  await insertHistory(trx, {
    id: newId(), appointment_id: id, at, actor_id: actor.userId, actor_role: actor.role, from_status: null, to_status: status,
    from_start: null, to_start: start, note: status === 'confirmed' ? 'Confirmed automatically' : null,
  });
  await writeAudit(trx, now, {
    actorId: actor.userId, actorRole: actor.role, action: 'appointment.book', entityType: 'appointment', entityId: id,
    outcome: 'success', ip: booking.ip, details: { doctorId: doctor.id, patientId: patient.id, start, status },
  });
  const notices = noticesFor({ kind: 'booked', status, start: slot.start, reason }, {
    appointmentId: id, doctorUserId: doctor.user_id, doctorName: doctor.name, patientUserId: patient.user_id, patientName: patient.name,
    actor: { userId: actor.userId, role: actor.role, name: actor.name }, timeZone: settings.time_zone,
  });
  for (const notice of notices) await notify(trx, now, notice);
  const view = await detailView(trx, actor, id, settings, now);
  if (idempotency) await storeIdempotentResponse(trx, actor.userId, idempotency.key, 201, JSON.stringify(view));
  return view;
}
