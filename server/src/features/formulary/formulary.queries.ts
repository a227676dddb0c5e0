import type { Executor, FormularyTable } from '../../db/types.ts';

export async function findMedicine(db: Executor, id: string): Promise<FormularyTable | undefined> {
  return db.selectFrom('formulary').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMedicines(db: Executor, ids: readonly string[]): Promise<FormularyTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('formulary').selectAll().where('id', 'in', [...ids]).execute();
}

export interface MedicineFilter {
  words: string[];
  includeInactive: boolean;
  after: { name: string; id: string } | null;
}

/** Medicines in name order whose name or ingredients contain every word (lower case, without LIKE wildcards). */
export async function listMedicines(db: Executor, filter: MedicineFilter, limit: number): Promise<FormularyTable[]> {
  let query = db.selectFrom('formulary').selectAll();
  if (!filter.includeInactive) query = query.where('active', '=', 1);
  for (const word of filter.words) query = query.where('search_text', 'like', `%${word}%`);
  const after = filter.after;
  if (after) query = query.where((eb) => eb.or([eb('name', '>', after.name), eb.and([eb('name', '=', after.name), eb('id', '>', after.id)])]));
  return query.orderBy('name').orderBy('id').limit(limit).execute();
}

export async function insertMedicine(db: Executor, row: FormularyTable): Promise<void> {
  await db.insertInto('formulary').values(row).execute();
}

export async function updateMedicine(db: Executor, id: string, changes: Partial<Omit<FormularyTable, 'id'>>): Promise<void> {
  await db.updateTable('formulary').set(changes).where('id', '=', id).execute();
}

/** Replaces the ingredient and class rows of a medicine. */
export async function replaceTerms(db: Executor, id: string, ingredients: readonly string[], classes: readonly string[]): Promise<void> {
  await db.deleteFrom('formulary_terms').where('formulary_id', '=', id).execute();
  const rows = [
    ...ingredients.map((term) => ({ formulary_id: id, kind: 'ingredient' as const, term })),
    ...classes.map((term) => ({ formulary_id: id, kind: 'class' as const, term })),
  ];
  if (rows.length > 0) await db.insertInto('formulary_terms').values(rows).execute();
}

/** Distinct terms of the vocabulary, in order, optionally of one kind and containing the text. */
export async function listTerms(db: Executor, kind: 'ingredient' | 'class' | undefined, contains: string | undefined, limit: number) {
  let query = db.selectFrom('formulary_terms').select(['kind', 'term']).distinct();
  if (kind) query = query.where('kind', '=', kind);
  if (contains) query = query.where('term', 'like', `%${contains}%`);
  return query.orderBy('term').orderBy('kind').limit(limit).execute();
}

/** Every distinct term of one kind (the vocabulary is a few hundred words). */
export async function allTerms(db: Executor, kind: 'ingredient' | 'class'): Promise<string[]> {
  const rows = await db.selectFrom('formulary_terms').select('term').distinct().where('kind', '=', kind).execute();
  return rows.map((row) => row.term);
}
