import { sql } from 'kysely';
import type { Executor, Trx, UsersTable } from '../../db/types.ts';
import type { Role } from '#shared/roles';

/** A user with the ids of their patient and doctor profiles, when they have one. */
export interface UserRow extends UsersTable {
  patient_id: string | null;
  doctor_id: string | null;
}

function selectUsers(db: Executor) {
  return db
    .selectFrom('users')
    .leftJoin('patients', 'patients.user_id', 'users.id')
    .leftJoin('doctors', 'doctors.user_id', 'users.id')
    .selectAll('users')
    .select(['patients.id as patient_id', 'doctors.id as doctor_id']);
}

export async function findUserRow(db: Executor, id: string): Promise<UserRow | undefined> {
  return selectUsers(db).where('users.id', '=', id).executeTakeFirst();
}

export interface UserFilter {
  /** Lower-cased words; each must occur in the name or the email. */
  words: string[];
  role?: Role | undefined;
  active?: boolean | undefined;
  after?: { name: string; id: string } | null | undefined;
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Users in name order. */
export async function listUserRows(db: Executor, filter: UserFilter, limit: number): Promise<UserRow[]> {
  let query = selectUsers(db);
  for (const word of filter.words) {
    const pattern = `%${escapeLike(word)}%`;
    query = query.where(sql<boolean>`(lower(users.name) like ${pattern} escape '\\' or users.email like ${pattern} escape '\\')`);
  }
  if (filter.role !== undefined) query = query.where('users.role', '=', filter.role);
  if (filter.active !== undefined) query = query.where('users.active', '=', filter.active ? 1 : 0);
  const after = filter.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('users.name', '>', after.name), eb.and([eb('users.name', '=', after.name), eb('users.id', '>', after.id)])]));
  }
  return query.orderBy('users.name').orderBy('users.id').limit(limit).execute();
}

export async function updateUser(db: Executor, id: string, changes: Partial<Omit<UsersTable, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/**
 * Locks the rows of the active admins until the transaction ends (a no-op write), so that two admins
 * demoting each other at once cannot both pass the last-admin check on PostgreSQL. SQLite writers are
 * already serialised by BEGIN IMMEDIATE.
 */
export async function lockActiveAdmins(trx: Trx): Promise<void> {
  await trx.updateTable('users').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('role', '=', 'admin').where('active', '=', 1).execute();
}
