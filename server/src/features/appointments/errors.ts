import { AppError } from '../../http/app-error.ts';
import { formatLocal } from './local-time.ts';

/** The conflicts a booking or a change can run into, each with its stable code. */

export const slotUnavailable = (start: Date) =>
  new AppError(409, 'SLOT_UNAVAILABLE', `${start.toISOString()} is not a free slot of this doctor: pick another time from the doctor's free slots`);

export const invalidTransition = (message: string) => new AppError(409, 'INVALID_TRANSITION', message);

export const tooLateToChange = (deadline: Date, noticeHours: number, timeZone: string, phone: string | null) =>
  new AppError(
    409,
    'TOO_LATE_TO_CHANGE',
    `Patients can cancel or move an appointment until ${noticeHours} hours before it starts; the deadline was ` +
      `${formatLocal(deadline, timeZone)}. Please ${phone ? `call the hospital on ${phone}` : 'contact the hospital'} to change it.`,
  );

export const tooManyOpenRequests = (max: number) =>
  new AppError(409, 'TOO_MANY_OPEN_REQUESTS', `You already have ${max} appointment requests waiting for a decision; wait for one to be answered or cancel one first`);

export const patientOverlap = (start: string, timeZone: string) =>
  new AppError(409, 'PATIENT_OVERLAP', `The patient already has an appointment at that time (starting ${formatLocal(new Date(start), timeZone)})`);

export const idempotencyKeyReused = () =>
  new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request; use a new key for a new booking');

export const consultationRequired = () =>
  new AppError(409, 'CONSULTATION_REQUIRED', 'This hospital completes a visit only with its signed consultation: write and sign the consultation, which completes the appointment');
