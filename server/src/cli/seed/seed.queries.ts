import type { Executor } from '../../db/types.ts';
import type { Role } from '#shared/roles';

export async function countPatients(db: Executor): Promise<number> {
  const row = await db.selectFrom('patients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveUsersWithRole(db: Executor, role: Role): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countRows(db: Executor, table: 'doctors' | 'appointments'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active specializations by lower-cased name. */
export async function listSpecializationIds(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('specializations').select(['id', 'name_key']).where('active', '=', 1).execute();
  return new Map(rows.map((row) => [row.name_key, row.id]));
}

export interface SeedDoctor {
  id: string;
  user_id: string;
  slot_minutes: number;
}

export async function listActiveDoctors(db: Executor): Promise<SeedDoctor[]> {
  return db
    .selectFrom('doctors')
    .innerJoin('users', 'users.id', 'doctors.user_id')
    .select(['doctors.id', 'doctors.user_id', 'doctors.slot_minutes'])
    .where('doctors.active', '=', 1)
    .where('users.active', '=', 1)
    .orderBy('doctors.created_at')
    .orderBy('doctors.id')
    .execute();
}

export async function listAvailability(db: Executor): Promise<{ doctor_id: string; weekday: number; start_minute: number; end_minute: number }[]> {
  return db.selectFrom('availability_intervals').select(['doctor_id', 'weekday', 'start_minute', 'end_minute']).execute();
}

export async function listTimeOff(db: Executor): Promise<{ doctor_id: string; start_at: string; end_at: string }[]> {
  return db.selectFrom('time_off').select(['doctor_id', 'start_at', 'end_at']).execute();
}

export async function listPatientsWithLogin(db: Executor): Promise<{ id: string; user_id: string }[]> {
  const rows = await db
    .selectFrom('patients')
    .select(['id', 'user_id'])
    .where('active', '=', 1)
    .where('user_id', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((row) => (row.user_id === null ? [] : [{ id: row.id, user_id: row.user_id }]));
}

/** Every appointment's time, status and parties: what new demo appointments must not clash with. */
export async function listAppointmentSpans(db: Executor): Promise<{ doctor_id: string; patient_id: string; start_at: string; end_at: string; status: string }[]> {
  return db.selectFrom('appointments').select(['doctor_id', 'patient_id', 'start_at', 'end_at', 'status']).execute();
}

/** Completed visits, oldest first, with the doctor's user, for demo prescriptions. */
export async function listCompletedVisits(db: Executor) {
  return db.selectFrom('appointments').innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .select(['appointments.id', 'appointments.patient_id', 'appointments.doctor_id', 'appointments.end_at', 'doctors.user_id as doctor_user_id'])
    .where('appointments.status', '=', 'completed').orderBy('appointments.start_at').orderBy('appointments.id').execute();
}

/** Active formulary medicines of the names. */
export async function findFormularyByNames(db: Executor, names: readonly string[]) {
  return db.selectFrom('formulary').selectAll().where('name', 'in', [...names]).where('active', '=', 1).execute();
}

/** Whether the patient already has an allergy entry coded to the class (a second seed run adds none). */
export async function hasCodedAllergy(db: Executor, patientId: string, allergenClass: string): Promise<boolean> {
  const row = await db.selectFrom('medical_history').select('id').where('patient_id', '=', patientId).where('kind', '=', 'allergy')
    .where('allergen_class', '=', allergenClass).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface CompletedVisit {
  id: string;
  doctor_id: string;
  doctor_user_id: string;
  patient_id: string;
  start_at: string;
  end_at: string;
  completed_at: string | null;
}

/** Completed appointments that have no consultation yet, with when they were completed. */
export async function listCompletedWithoutConsultation(db: Executor): Promise<CompletedVisit[]> {
  return db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .leftJoin('consultations', 'consultations.appointment_id', 'appointments.id')
    .select(['appointments.id', 'appointments.doctor_id', 'doctors.user_id as doctor_user_id', 'appointments.patient_id', 'appointments.start_at', 'appointments.end_at'])
    .select((eb) => eb
      .selectFrom('appointment_history')
      .select((h) => h.fn.max('appointment_history.at').as('at'))
      .whereRef('appointment_history.appointment_id', '=', 'appointments.id')
      .where('appointment_history.to_status', '=', 'completed')
      .as('completed_at'))
    .where('appointments.status', '=', 'completed')
    .where('consultations.id', 'is', null)
    .orderBy('appointments.start_at')
    .orderBy('appointments.id')
    .execute();
}
