import { Migrator, type MigrationResult } from 'kysely';
import { VERSION } from '../version.ts';
import { migrations } from './migrations/index.ts';
import { recordedMigrations, recordedVersion } from './schema-version.queries.ts';
import { StartupError } from './startup-error.ts';
import type { Db } from './types.ts';

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/** A database that has migrations this version does not know was written by a newer HMS: refused, naming the version. */
export async function refuseNewerDatabase(db: Db): Promise<void> {
  const unknown = (await recordedMigrations(db)).filter((name) => !Object.hasOwn(migrations, name)).sort();
  if (unknown.length === 0) return;
  const version = await recordedVersion(db);
  const needed = version ? `HMS ${version} or newer` : `an HMS newer than ${VERSION}`;
  throw new StartupError(
    `this database was migrated by ${version ? `HMS ${version}` : 'a newer HMS'}, and this is HMS ${VERSION}: it has ${unknown.length === 1 ? 'migration' : 'migrations'} `
    + `${unknown.join(', ')} that this version does not know. Run ${needed}, or restore a backup taken before the upgrade.`,
  );
}

export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  await refuseNewerDatabase(db);
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
