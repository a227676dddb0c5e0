import { Migrator, type MigrationResult } from 'kysely';
import { migrations } from './migrations/index.ts';
import type { Db } from './types.ts';

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}

/** The migrations this database has recorded, and those it lacks; both empty lists on a database never migrated. */
export async function migrationState(db: Db): Promise<{ applied: string[]; pending: string[] }> {
  const known = await migrator(db).getMigrations();
  return {
    applied: known.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: known.filter((m) => m.executedAt === undefined).map((m) => m.name),
  };
}
