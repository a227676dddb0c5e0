import { prepared } from '../../db/prepared.ts';
import type { AvailabilityIntervalsTable, Executor, TimeOffTable, Trx } from '../../db/types.ts';
import type { AppointmentStatus } from '#shared/appointments';

const ACTIVE_STATUSES: AppointmentStatus[] = ['requested', 'confirmed'];
/** No appointment lasts a day (slots are at most 120 minutes): bounds the index range scan from below. */
const LONGEST_APPOINTMENT_MS = 24 * 60 * 60 * 1000;

export interface SchedulingDoctor {
  id: string;
  user_id: string;
  slot_minutes: number;
  active: number;
}

// The slots of a doctor (and every booking) ask these: their SQL is built once (db/prepared.ts).
const schedulingDoctor = prepared((db: Executor, doctorId: string) =>
  db.selectFrom('doctors').select(['id', 'user_id', 'slot_minutes', 'active']).where('id', '=', doctorId));

const availabilityIntervals = prepared((db: Executor, doctorId: string) =>
  db.selectFrom('availability_intervals').selectAll().where('doctor_id', '=', doctorId).orderBy('weekday').orderBy('start_minute'));

const timeOffOverlapping = prepared((db: Executor, doctorId: string, from: string, to: string) =>
  db.selectFrom('time_off').selectAll().where('doctor_id', '=', doctorId).where('end_at', '>', from).where('start_at', '<', to));

const busyAppointments = prepared((db: Executor, doctorId: string, lowest: string, from: string, to: string, ignoreId: string | null) => {
  let query = db.selectFrom('appointments').select(['id', 'start_at', 'end_at'])
    .where('doctor_id', '=', doctorId)
    .where('start_at', '>=', lowest)
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .where('status', 'in', ACTIVE_STATUSES);
  if (ignoreId !== null) query = query.where('id', '<>', ignoreId);
  return query;
});

export async function findSchedulingDoctor(db: Executor, doctorId: string): Promise<SchedulingDoctor | undefined> {
  const [row] = await schedulingDoctor(db, doctorId);
  return row;
}

export async function listAvailabilityIntervals(db: Executor, doctorId: string): Promise<AvailabilityIntervalsTable[]> {
  return availabilityIntervals(db, doctorId);
}

export async function deleteAvailabilityIntervals(trx: Trx, doctorId: string): Promise<void> {
  await trx.deleteFrom('availability_intervals').where('doctor_id', '=', doctorId).execute();
}

export async function insertAvailabilityIntervals(trx: Trx, rows: AvailabilityIntervalsTable[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('availability_intervals').values(rows).execute();
}

export async function updateDoctorSlotMinutes(trx: Trx, doctorId: string, slotMinutes: number, at: string): Promise<void> {
  await trx.updateTable('doctors').set({ slot_minutes: slotMinutes, updated_at: at }).where('id', '=', doctorId).execute();
}

/** The doctor's time off, by start; only what ends after `endsAfter` when given. */
export async function listTimeOff(db: Executor, doctorId: string, endsAfter: string | null): Promise<TimeOffTable[]> {
  let query = db.selectFrom('time_off').selectAll().where('doctor_id', '=', doctorId);
  if (endsAfter !== null) query = query.where('end_at', '>', endsAfter);
  return query.orderBy('start_at').orderBy('id').execute();
}

/** Time off overlapping [from, to). */
export async function listTimeOffOverlapping(db: Executor, doctorId: string, from: string, to: string): Promise<TimeOffTable[]> {
  return timeOffOverlapping(db, doctorId, from, to);
}

export async function findTimeOff(db: Executor, doctorId: string, timeOffId: string): Promise<TimeOffTable | undefined> {
  return db.selectFrom('time_off').selectAll().where('doctor_id', '=', doctorId).where('id', '=', timeOffId).executeTakeFirst();
}

export async function insertTimeOff(trx: Trx, row: TimeOffTable): Promise<void> {
  await trx.insertInto('time_off').values(row).execute();
}

export async function deleteTimeOff(trx: Trx, timeOffId: string): Promise<void> {
  await trx.deleteFrom('time_off').where('id', '=', timeOffId).execute();
}

/** Requested and confirmed appointments of the doctor overlapping [from, to), except `ignoreId`. */
export async function listBusyAppointments(
  db: Executor,
  doctorId: string,
  from: string,
  to: string,
  ignoreId: string | null = null,
): Promise<{ id: string; start_at: string; end_at: string }[]> {
  const lowest = new Date(Date.parse(from) - LONGEST_APPOINTMENT_MS).toISOString();
  return busyAppointments(db, doctorId, lowest, from, to, ignoreId);
}
