import type { Executor, SpecializationsTable } from '../../db/types.ts';

export async function listSpecializations(db: Executor, includeRetired: boolean): Promise<SpecializationsTable[]> {
  let query = db.selectFrom('specializations').selectAll();
  if (!includeRetired) query = query.where('active', '=', 1);
  return query.orderBy('name_key').orderBy('id').execute();
}

export async function findSpecializationById(db: Executor, id: string): Promise<SpecializationsTable | undefined> {
  return db.selectFrom('specializations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSpecializationByKey(db: Executor, nameKey: string): Promise<SpecializationsTable | undefined> {
  return db.selectFrom('specializations').selectAll().where('name_key', '=', nameKey).executeTakeFirst();
}

export async function insertSpecialization(db: Executor, row: SpecializationsTable): Promise<void> {
  await db.insertInto('specializations').values(row).execute();
}

export async function updateSpecialization(
  db: Executor,
  id: string,
  changes: Partial<Pick<SpecializationsTable, 'name' | 'name_key' | 'description' | 'active'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('specializations').set(changes).where('id', '=', id).execute();
}
