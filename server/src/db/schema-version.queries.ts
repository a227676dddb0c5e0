import { sql } from 'kysely';
import type { Executor } from './types.ts';

/** "no such table" (SQLite) or undefined_table (PostgreSQL): the table is not there yet. */
const missingTable = (error: unknown): { rows: never[] } => {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e?.code === '42P01' || (typeof e?.message === 'string' && e.message.includes('no such table'))) return { rows: [] };
  throw error;
};

/** Names in schema_migrations; empty when the database was never migrated. */
export async function recordedMigrations(db: Executor): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from schema_migrations`.execute(db).catch(missingTable);
  return rows.map((row) => row.name);
}

/** The version in schema_version, or null when the table or its row is missing. */
export async function recordedVersion(db: Executor): Promise<string | null> {
  const { rows } = await sql<{ hms_version: string }>`select hms_version from schema_version where id = 1`.execute(db).catch(missingTable);
  return rows[0]?.hms_version ?? null;
}

export async function saveVersion(db: Executor, version: string, at: string): Promise<void> {
  await db.insertInto('schema_version').values({ id: 1, hms_version: version, updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ hms_version: version, updated_at: at })).execute();
}
