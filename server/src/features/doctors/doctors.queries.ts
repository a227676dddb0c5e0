import { sql } from 'kysely';
import type { AppointmentHistoryTable, DoctorsTable, Executor, UsersTable } from '../../db/types.ts';

/** A doctor with the login email and the specialization's name: everything but the photo bytes. */
export type DoctorRow = Omit<DoctorsTable, 'photo_base64' | 'slot_minutes'> & {
  email: string;
  specialization_name: string;
};

const nameKey = sql<string>`lower(doctors.name)`;

function selectDoctors(db: Executor) {
  return db
    .selectFrom('doctors')
    .innerJoin('users', 'users.id', 'doctors.user_id')
    .innerJoin('specializations', 'specializations.id', 'doctors.specialization_id')
    .select([
      'doctors.id', 'doctors.user_id', 'doctors.name', 'doctors.phone', 'doctors.specialization_id', 'doctors.department',
      'doctors.bio', 'doctors.years_experience', 'doctors.fee_minor', 'doctors.fee_currency', 'doctors.languages',
      'doctors.public_email', 'doctors.public_phone', 'doctors.photo_content_type', 'doctors.active',
      'doctors.created_at', 'doctors.updated_at', 'users.email as email', 'specializations.name as specialization_name',
    ]);
}

export async function findDoctorById(db: Executor, id: string): Promise<DoctorRow | undefined> {
  return selectDoctors(db).where('doctors.id', '=', id).executeTakeFirst();
}

export interface DirectoryFilter {
  specializationId?: string | undefined;
  /** Lower-cased text the name must contain. */
  nameContains?: string | undefined;
  /** The last row of the previous page. */
  after?: { key: string; id: string } | undefined;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Active doctors by name (case-insensitive), then id. */
export async function listActiveDoctors(db: Executor, filter: DirectoryFilter, limit: number): Promise<(DoctorRow & { sort_key: string })[]> {
  let query = selectDoctors(db).select(nameKey.as('sort_key')).where('doctors.active', '=', 1);
  if (filter.specializationId) query = query.where('doctors.specialization_id', '=', filter.specializationId);
  if (filter.nameContains) query = query.where(sql<boolean>`lower(doctors.name) like ${`%${escapeLike(filter.nameContains)}%`} escape '\\'`);
  const after = filter.after;
  if (after) {
    query = query.where((eb) => eb.or([eb(nameKey, '>', after.key), eb.and([eb(nameKey, '=', after.key), eb('doctors.id', '>', after.id)])]));
  }
  return query.orderBy(nameKey).orderBy('doctors.id').limit(limit).execute();
}

export async function insertDoctor(db: Executor, row: DoctorsTable): Promise<void> {
  await db.insertInto('doctors').values(row).execute();
}

export type DoctorChanges = Partial<Omit<DoctorsTable, 'id' | 'user_id' | 'created_at'>> & { updated_at: string };

export async function updateDoctor(db: Executor, id: string, changes: DoctorChanges): Promise<void> {
  await db.updateTable('doctors').set(changes).where('id', '=', id).execute();
}

export async function updateUserAccount(
  db: Executor,
  userId: string,
  changes: Partial<Pick<UsersTable, 'email' | 'name' | 'active'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', userId).execute();
}

export async function findDoctorPhoto(db: Executor, id: string) {
  return db.selectFrom('doctors').select(['id', 'active', 'photo_content_type', 'photo_base64']).where('id', '=', id).executeTakeFirst();
}

export async function setDoctorPhoto(db: Executor, id: string, contentType: string | null, base64: string | null, at: string): Promise<void> {
  await db.updateTable('doctors').set({ photo_content_type: contentType, photo_base64: base64, updated_at: at }).where('id', '=', id).execute();
}

/** Requested or confirmed appointments of the doctor starting after `now`, with the patient's login (if any). */
export async function listFutureActiveAppointments(db: Executor, doctorId: string, now: string) {
  return db
    .selectFrom('appointments')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .select(['appointments.id', 'appointments.status', 'appointments.start_at', 'appointments.patient_id', 'patients.user_id as patient_user_id'])
    .where('appointments.doctor_id', '=', doctorId)
    .where('appointments.status', 'in', ['requested', 'confirmed'])
    .where('appointments.start_at', '>', now)
    .orderBy('appointments.start_at')
    .execute();
}

/** Cancels an appointment that is still requested or confirmed; answers false when it no longer was. */
export async function cancelActiveAppointment(db: Executor, id: string, note: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('appointments')
    .set((eb) => ({ status: 'cancelled', decision_note: note, updated_at: at, sequence: eb('sequence', '+', 1) }))
    .where('id', '=', id)
    .where('status', 'in', ['requested', 'confirmed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertAppointmentHistory(db: Executor, row: AppointmentHistoryTable): Promise<void> {
  await db.insertInto('appointment_history').values(row).execute();
}

/** Marks the doctor active or inactive; answers false when the doctor already was. */
export async function setDoctorActive(db: Executor, id: string, active: boolean, at: string): Promise<boolean> {
  const value = active ? 1 : 0;
  const result = await db.updateTable('doctors').set({ active: value, updated_at: at }).where('id', '=', id).where('active', '!=', value).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
