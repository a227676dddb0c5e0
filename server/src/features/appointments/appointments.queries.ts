import { prepared, preparedVariants } from '../../db/prepared.ts';
import type { AppointmentHistoryTable, AppointmentsTable, Executor, IdempotencyKeysTable, Trx } from '../../db/types.ts';
import type { AppointmentStatus } from '#shared/appointments';

/** An appointment with the names and user accounts of both parties. */
export interface AppointmentRow extends AppointmentsTable {
  doctor_name: string;
  doctor_user_id: string;
  patient_name: string;
  patient_user_id: string | null;
  consultation_status: string | null;
  consultation_signed_at: string | null;
}

export interface HistoryRow extends AppointmentHistoryTable {
  actor_name: string;
}

function selectAppointments(db: Executor) {
  return db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .leftJoin('consultations', 'consultations.appointment_id', 'appointments.id')
    .selectAll('appointments')
    .select(['doctors.name as doctor_name', 'doctors.user_id as doctor_user_id', 'patients.name as patient_name', 'patients.user_id as patient_user_id'])
    .select(['consultations.status as consultation_status', 'consultations.signed_at as consultation_signed_at']);
}

export async function findAppointment(db: Executor, id: string): Promise<AppointmentRow | undefined> {
  return selectAppointments(db).where('appointments.id', '=', id).executeTakeFirst();
}

export interface AppointmentFilter {
  doctorId?: string | undefined;
  patientId?: string | undefined;
  statuses?: readonly AppointmentStatus[] | undefined;
  /** Appointments starting at or after this instant. */
  from?: string | undefined;
  /** Appointments starting before this instant. */
  to?: string | undefined;
  /** Keyset cursor: the last row of the previous page. */
  after?: { start: string; id: string } | undefined;
  order: 'asc' | 'desc';
}

type PageVariant = `${'asc' | 'desc'} ${number}`;

// Built once per combination of filters, order and page size (db/prepared.ts): the appointment lists are the
// busiest reads. The page size is part of the variant so that it reaches the SQL as a number (db/sqlite.ts).
const appointmentPage = preparedVariants((db: Executor, variant: PageVariant, filter: Omit<AppointmentFilter, 'order'>) => {
  const [order, limit] = variant.split(' ') as ['asc' | 'desc', string];
  let query = selectAppointments(db);
  if (filter.doctorId !== undefined) query = query.where('appointments.doctor_id', '=', filter.doctorId);
  if (filter.patientId !== undefined) query = query.where('appointments.patient_id', '=', filter.patientId);
  if (filter.statuses && filter.statuses.length > 0) query = query.where('appointments.status', 'in', filter.statuses);
  if (filter.from !== undefined) query = query.where('appointments.start_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('appointments.start_at', '<', filter.to);
  const after = filter.after;
  if (after) {
    const beyond = order === 'asc' ? '>' : '<';
    query = query.where((eb) =>
      eb.or([
        eb('appointments.start_at', beyond, after.start),
        eb.and([eb('appointments.start_at', '=', after.start), eb('appointments.id', beyond, after.id)]),
      ]),
    );
  }
  return query.orderBy('appointments.start_at', order).orderBy('appointments.id', order).limit(Number(limit));
});

/** A page of appointments ordered by start time (then id). */
export async function listAppointments(db: Executor, filter: AppointmentFilter, limit: number): Promise<AppointmentRow[]> {
  const { order, ...rest } = filter;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`a page size must be a whole number: ${limit}`);
  return appointmentPage(db, `${order} ${limit}`, rest);
}

export async function listHistory(db: Executor, appointmentId: string): Promise<HistoryRow[]> {
  return db
    .selectFrom('appointment_history')
    .innerJoin('appointments', 'appointments.id', 'appointment_history.appointment_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .leftJoin('users', 'users.id', 'appointment_history.actor_id')
    .selectAll('appointment_history')
    .select((eb) => eb.fn.coalesce('users.name', 'patients.name').as('actor_name'))
    .where('appointment_history.appointment_id', '=', appointmentId)
    .orderBy('appointment_history.at')
    .orderBy('appointment_history.id')
    .execute();
}

export async function insertAppointment(trx: Trx, row: AppointmentsTable): Promise<void> {
  await trx.insertInto('appointments').values(row).execute();
}

export type AppointmentChanges = Pick<AppointmentsTable, 'status' | 'sequence' | 'updated_at'> &
  Partial<Pick<AppointmentsTable, 'start_at' | 'end_at' | 'decision_note'>>;

/** Applies the change only if nobody changed the appointment since it was read; answers whether it did. */
export async function updateAppointmentIfUnchanged(
  trx: Trx,
  id: string,
  expected: { status: AppointmentStatus; sequence: number },
  changes: AppointmentChanges,
): Promise<boolean> {
  const result = await trx
    .updateTable('appointments')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', expected.status)
    .where('sequence', '=', expected.sequence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertHistory(trx: Trx, row: AppointmentHistoryTable): Promise<void> {
  await trx.insertInto('appointment_history').values(row).execute();
}

export interface Party {
  id: string;
  name: string;
  active: number;
}

export interface DoctorParty extends Party {
  user_id: string;
}

/** A patient may have no login. */
export interface PatientParty extends Party {
  user_id: string | null;
}

/** The doctor's slot length, which a walk-in lasts. */
export async function findDoctorSlotMinutes(db: Executor, id: string): Promise<number | undefined> {
  const row = await db.selectFrom('doctors').select('slot_minutes').where('id', '=', id).executeTakeFirst();
  return row ? Number(row.slot_minutes) : undefined;
}

/** Whether the appointment's consultation is signed (completing may require it). */
export async function hasSignedConsultation(db: Executor, appointmentId: string): Promise<boolean> {
  const row = await db.selectFrom('consultations').select('status').where('appointment_id', '=', appointmentId).executeTakeFirst();
  return row?.status === 'signed';
}

export async function findDoctorParty(db: Executor, id: string): Promise<DoctorParty | undefined> {
  return db.selectFrom('doctors').select(['id', 'user_id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function findPatientParty(db: Executor, id: string): Promise<PatientParty | undefined> {
  return db.selectFrom('patients').select(['id', 'user_id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
}

/**
 * Takes the patient's row lock until the transaction ends (a no-op write), so two bookings for one patient
 * check the patient's limits one after the other on PostgreSQL (SQLite's writers already take turns).
 */
export async function lockPatient(trx: Trx, id: string): Promise<void> {
  await trx.updateTable('patients').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', id).execute();
}

// Every booking runs these two (db/prepared.ts).
const openRequests = prepared((db: Executor, patientId: string) =>
  db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('patient_id', '=', patientId)
    .where('status', '=', 'requested'));

const patientOverlap = prepared((db: Executor, patientId: string, start: string, end: string, ignoreId: string | undefined) => {
  let query = db
    .selectFrom('appointments')
    .select(['id', 'start_at'])
    .where('patient_id', '=', patientId)
    .where('status', 'in', ['requested', 'confirmed'])
    .where('start_at', '<', end)
    .where('end_at', '>', start);
  if (ignoreId !== undefined) query = query.where('id', '!=', ignoreId);
  return query.orderBy('start_at').limit(1);
});

export async function countOpenRequests(db: Executor, patientId: string): Promise<number> {
  const [row] = await openRequests(db, patientId);
  return Number(row?.n ?? 0);
}

/** An active appointment of the patient that overlaps [start, end), other than `ignoreId`. */
export async function findPatientOverlap(db: Executor, patientId: string, start: string, end: string, ignoreId?: string): Promise<{ id: string; start_at: string } | undefined> {
  const [row] = await patientOverlap(db, patientId, start, end, ignoreId);
  return row;
}

export async function findIdempotencyKey(db: Executor, userId: string, key: string): Promise<IdempotencyKeysTable | undefined> {
  return db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst();
}

export async function insertIdempotencyKey(trx: Trx, row: IdempotencyKeysTable): Promise<void> {
  await trx.insertInto('idempotency_keys').values(row).execute();
}

export async function storeIdempotentResponse(trx: Trx, userId: string, key: string, statusCode: number, body: string): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response_body: body })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

export interface AvailabilityRow {
  doctor_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
}

// Staff lists ask these for every page (db/prepared.ts); a page names few doctors, so few shapes.
const availabilityOfDoctors = prepared((db: Executor, doctorIds: readonly string[]) =>
  db.selectFrom('availability_intervals').select(['doctor_id', 'weekday', 'start_minute', 'end_minute']).where('doctor_id', 'in', doctorIds));

const timeOffOfDoctors = prepared((db: Executor, doctorIds: readonly string[], from: string, to: string) =>
  db
    .selectFrom('time_off')
    .select(['doctor_id', 'start_at', 'end_at'])
    .where('doctor_id', 'in', doctorIds)
    .where('end_at', '>', from)
    .where('start_at', '<', to));

/** The weekly plans of the doctors. */
export async function listAvailabilityOfDoctors(db: Executor, doctorIds: readonly string[]): Promise<AvailabilityRow[]> {
  if (doctorIds.length === 0) return [];
  return availabilityOfDoctors(db, doctorIds);
}

/** The doctors' time off overlapping [from, to). */
export async function listTimeOffOfDoctors(db: Executor, doctorIds: readonly string[], from: string, to: string): Promise<{ doctor_id: string; start_at: string; end_at: string }[]> {
  if (doctorIds.length === 0) return [];
  return timeOffOfDoctors(db, doctorIds, from, to);
}
