import { sql } from 'kysely';
import { prepared } from '../../db/prepared.ts';
import type { Executor, SettingsTable, Trx } from '../../db/types.ts';

const settingsRow = prepared((db: Executor) => db.selectFrom('settings').selectAll().where('id', '=', 1));

export async function findSettings(db: Executor): Promise<SettingsTable | undefined> {
  const [row] = await settingsRow(db);
  return row;
}

/** Inserts the settings row unless it exists. */
export async function insertDefaultSettings(db: Executor, row: SettingsTable): Promise<void> {
  await db.insertInto('settings').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
}

export type SettingsChanges = Partial<Omit<SettingsTable, 'id'>>;

export async function updateSettings(trx: Trx, changes: SettingsChanges): Promise<void> {
  await trx.updateTable('settings').set(changes).where('id', '=', 1).execute();
}

export async function updateSessionLimits(db: Executor, idleMinutes: number, absoluteHours: number): Promise<void> {
  await db.updateTable('settings').set({ session_idle_minutes: idleMinutes, session_absolute_hours: absoluteHours }).where('id', '=', 1).execute();
}

export interface ServiceRow {
  id: string;
  name: string;
  description: string | null;
  doctor_count: number;
}

/** Active specializations with at least one active doctor, by name, with how many active doctors each has. */
export async function listServices(db: Executor): Promise<ServiceRow[]> {
  const rows = await db
    .selectFrom('specializations')
    .innerJoin('doctors', 'doctors.specialization_id', 'specializations.id')
    .where('specializations.active', '=', 1)
    .where('doctors.active', '=', 1)
    .select(['specializations.id', 'specializations.name', 'specializations.description', 'specializations.name_key'])
    .select((eb) => eb.fn.countAll<number>().as('doctor_count'))
    .groupBy(['specializations.id', 'specializations.name', 'specializations.description', 'specializations.name_key'])
    .orderBy('specializations.name_key')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, description: row.description, doctor_count: Number(row.doctor_count) }));
}

export interface FeaturedDoctorRow {
  id: string;
  name: string;
  specialization_id: string;
  specialization_name: string;
  photo_content_type: string | null;
}

/** Active doctors for the home page: those with a photo first, then by name. */
export async function listFeaturedDoctors(db: Executor, limit: number): Promise<FeaturedDoctorRow[]> {
  return db
    .selectFrom('doctors')
    .innerJoin('specializations', 'specializations.id', 'doctors.specialization_id')
    .where('doctors.active', '=', 1)
    .select(['doctors.id', 'doctors.name', 'doctors.specialization_id', 'specializations.name as specialization_name', 'doctors.photo_content_type'])
    .orderBy(sql`case when doctors.photo_content_type is null then 1 else 0 end`)
    .orderBy(sql`lower(doctors.name)`)
    .orderBy('doctors.id')
    .limit(limit)
    .execute();
}
