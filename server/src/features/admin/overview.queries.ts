import { sql } from 'kysely';
import type { Executor } from '../../db/types.ts';

const ACTIVE_STATUSES = ['requested', 'confirmed'] as const;

export async function countActivePatients(db: Executor): Promise<number> {
  const row = await db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('count')).where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function countActiveDoctors(db: Executor): Promise<number> {
  const row = await db.selectFrom('doctors').select((eb) => eb.fn.countAll<number>().as('count')).where('active', '=', 1).executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface StatusCountRow {
  status: string;
  count: number;
}

export async function countAppointmentsByStatus(db: Executor): Promise<StatusCountRow[]> {
  const rows = await db
    .selectFrom('appointments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

export interface OverviewAppointmentRow {
  id: string;
  start_at: string;
  end_at: string;
  status: string;
  created_at: string;
  doctor_id: string;
  doctor_name: string;
  patient_id: string;
  patient_name: string;
}

function selectWithNames(db: Executor) {
  return db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .select([
      'appointments.id', 'appointments.start_at', 'appointments.end_at', 'appointments.status', 'appointments.created_at',
      'appointments.doctor_id', 'doctors.name as doctor_name', 'appointments.patient_id', 'patients.name as patient_name',
    ]);
}

/** Appointments of every status starting in [from, to), by start time. */
export async function listAppointmentsStartingBetween(db: Executor, from: string, to: string, limit: number): Promise<OverviewAppointmentRow[]> {
  return selectWithNames(db)
    .where('appointments.start_at', '>=', from)
    .where('appointments.start_at', '<', to)
    .orderBy('appointments.start_at')
    .orderBy('appointments.id')
    .limit(limit)
    .execute();
}

export async function countAppointmentsStartingBetween(db: Executor, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Requests still waiting for a decision that were made before `createdBefore`, oldest first. */
export async function listRequestsCreatedBefore(db: Executor, createdBefore: string, limit: number): Promise<OverviewAppointmentRow[]> {
  return selectWithNames(db)
    .where('appointments.status', '=', 'requested')
    .where('appointments.created_at', '<', createdBefore)
    .orderBy('appointments.created_at')
    .orderBy('appointments.id')
    .limit(limit)
    .execute();
}

/** How many requests wait for a decision: all of them, and those made before `createdBefore`. */
export async function countRequests(db: Executor, createdBefore: string): Promise<{ total: number; older: number }> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>(eb.case().when('created_at', '<', createdBefore).then(1).end()).as('older'),
    ])
    .where('status', '=', 'requested')
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), older: Number(row.older) };
}

export interface MinuteStatusRow {
  /** The UTC minute of the start, `YYYY-MM-DDTHH:MM`. */
  minute: string;
  status: string;
  count: number;
}

/**
 * Appointments starting in [from, to), counted per UTC minute of their start and status: few rows
 * (appointments share their starts), which the caller buckets into calendar days of any time zone.
 */
export async function countAppointmentsByStartMinute(db: Executor, from: string, to: string): Promise<MinuteStatusRow[]> {
  const minute = sql<string>`substr(start_at, 1, 16)`;
  const rows = await db
    .selectFrom('appointments')
    .select([minute.as('minute'), 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .groupBy([minute, 'status'])
    .execute();
  return rows.map((row) => ({ minute: row.minute, status: row.status, count: Number(row.count) }));
}

export interface GroupStatusRow {
  id: string;
  name: string;
  status: string;
  count: number;
}

/** Appointments starting in [from, to), counted per specialization of their doctor and status. */
export async function countAppointmentsBySpecialization(db: Executor, from: string, to: string): Promise<GroupStatusRow[]> {
  const rows = await db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('specializations', 'specializations.id', 'doctors.specialization_id')
    .select(['specializations.id as id', 'specializations.name as name', 'appointments.status as status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('appointments.start_at', '>=', from)
    .where('appointments.start_at', '<', to)
    .groupBy(['specializations.id', 'specializations.name', 'appointments.status'])
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Completed and no-show appointments starting in [from, to), counted per doctor and status. */
export async function countOutcomesByDoctor(db: Executor, from: string, to: string): Promise<GroupStatusRow[]> {
  const rows = await db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .select(['doctors.id as id', 'doctors.name as name', 'appointments.status as status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('appointments.status', 'in', ['completed', 'no_show'])
    .where('appointments.start_at', '>=', from)
    .where('appointments.start_at', '<', to)
    .groupBy(['doctors.id', 'doctors.name', 'appointments.status'])
    .execute();
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

export async function listActiveDoctorsForSlots(db: Executor): Promise<{ id: string; name: string; slot_minutes: number }[]> {
  return db.selectFrom('doctors').select(['id', 'name', 'slot_minutes']).where('active', '=', 1).orderBy(sql`lower(name)`).orderBy('id').execute();
}

export async function listAvailabilityOfActiveDoctors(db: Executor) {
  return db
    .selectFrom('availability_intervals')
    .innerJoin('doctors', 'doctors.id', 'availability_intervals.doctor_id')
    .select(['availability_intervals.doctor_id', 'availability_intervals.weekday', 'availability_intervals.start_minute', 'availability_intervals.end_minute'])
    .where('doctors.active', '=', 1)
    .execute();
}

export interface DoctorSpanRow {
  doctor_id: string;
  start_at: string;
  end_at: string;
}

export async function listTimeOffOverlapping(db: Executor, from: string, to: string): Promise<DoctorSpanRow[]> {
  return db.selectFrom('time_off').select(['doctor_id', 'start_at', 'end_at']).where('start_at', '<', to).where('end_at', '>', from).execute();
}

/** Requested and confirmed appointments overlapping [from, to): the time they hold. */
export async function listActiveAppointmentsOverlapping(db: Executor, from: string, to: string): Promise<DoctorSpanRow[]> {
  return db
    .selectFrom('appointments')
    .select(['doctor_id', 'start_at', 'end_at'])
    .where('status', 'in', ACTIVE_STATUSES)
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .execute();
}
