import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/create-db.ts';
import { migrateToLatest, migrationState, refuseNewerDatabase } from './db/migrate.ts';
import { saveVersion } from './db/schema-version.queries.ts';
import { copySqlite, preMigrationBackupFile } from './db/sqlite-backup.ts';
import { ensureAuditAnchor } from './features/audit/audit.service.ts';
import { explainDatabaseError } from './db/startup-error.ts';
import { VERSION } from './version.ts';
import { ensureFirstAdmin } from './features/auth/admins.ts';
import { adoptConfiguredSessionLimits, ensureSettings } from './features/hospital/hospital.service.ts';

/**
 * Brings a database up to date: migrations, the settings row (seeded from the config), the configured first administrator.
 * A SQLite database that holds data and lacks migrations is first copied to `backups/` beside it.
 */
export async function prepareDatabase(handle: DbHandle, config: Config, clock: Clock): Promise<{ migrated: string[]; adminCreated: boolean; backup: string | null }> {
  const location = handle.location;
  const [backup, results] = await (async () => {
    // A database from a newer HMS is refused before anything is copied or changed.
    await refuseNewerDatabase(handle.db);
    const copy = await backupBeforeMigrating(handle, clock);
    return [copy, await migrateToLatest(handle.db)] as const;
  })().catch((error: unknown) => {
    throw location.kind === 'pglite' ? error : explainDatabaseError(error, location);
  });
  if (results.length > 0) await saveVersion(handle.db, VERSION, clock.now().toISOString());
  handle.schemaReady();
  await ensureAuditAnchor(handle.db, clock.now());
  await ensureSettings(handle.db, config, clock.now());
  if (results.some((r) => r.migrationName === '006_settings_sessions')) await adoptConfiguredSessionLimits(handle.db, config);
  const adminCreated = await ensureFirstAdmin(handle.db, clock.now(), config.adminEmail, config.adminPassword);
  return { migrated: results.map((r) => r.migrationName), adminCreated, backup };
}

async function backupBeforeMigrating(handle: DbHandle, clock: Clock): Promise<string | null> {
  const raw = handle.sqlite;
  if (!raw || raw.memory) return null;
  const { applied, pending } = await migrationState(handle.db);
  const first = pending[0];
  if (applied.length === 0 || first === undefined) return null;
  const file = preMigrationBackupFile(raw.name, first, clock.now());
  await copySqlite(raw, file);
  return file;
}
