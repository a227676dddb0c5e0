import { sql } from 'kysely';
import type { Executor, PatientsTable } from '../../db/types.ts';
import { TREATING_STATUSES } from './patients.policy.ts';

export async function findPatientById(db: Executor, id: string): Promise<PatientsTable | undefined> {
  return db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPatientByUserId(db: Executor, userId: string): Promise<PatientsTable | undefined> {
  return db.selectFrom('patients').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Whether the patient has or had an appointment with the doctor in a treating status. */
export async function doctorHasTreatedPatient(db: Executor, doctorId: string, patientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('appointments')
    .select('id')
    .where('doctor_id', '=', doctorId)
    .where('patient_id', '=', patientId)
    .where('status', 'in', TREATING_STATUSES)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface PatientFilter {
  /** Each must occur in the search text (already lower-cased and accent-stripped). */
  words: string[];
  /** Each must equal the date of birth. */
  dates: string[];
  /** Only patients of this doctor. */
  doctorId?: string | undefined;
  active?: boolean | undefined;
  /** Rows after this (name, id) in name order: the page cursor. */
  after?: { name: string; id: string } | null | undefined;
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Patients in name order. */
export async function listPatientRows(db: Executor, filter: PatientFilter, limit: number): Promise<PatientsTable[]> {
  let query = db.selectFrom('patients').selectAll('patients');
  for (const word of filter.words) {
    query = query.where(sql<boolean>`patients.search_text like ${`%${escapeLike(word)}%`} escape '\\'`);
  }
  for (const date of filter.dates) query = query.where('patients.date_of_birth', '=', date);
  if (filter.active !== undefined) query = query.where('patients.active', '=', filter.active ? 1 : 0);
  const doctorId = filter.doctorId;
  if (doctorId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('appointments')
          .select('appointments.id')
          .whereRef('appointments.patient_id', '=', 'patients.id')
          .where('appointments.doctor_id', '=', doctorId)
          .where('appointments.status', 'in', TREATING_STATUSES),
      ),
    );
  }
  const after = filter.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('patients.name', '>', after.name), eb.and([eb('patients.name', '=', after.name), eb('patients.id', '>', after.id)])]));
  }
  return query.orderBy('patients.name').orderBy('patients.id').limit(limit).execute();
}

export async function insertPatientRow(db: Executor, row: PatientsTable): Promise<void> {
  await db.insertInto('patients').values(row).execute();
}

export async function updatePatientRow(db: Executor, id: string, changes: Partial<Omit<PatientsTable, 'id'>>): Promise<void> {
  await db.updateTable('patients').set(changes).where('id', '=', id).execute();
}
