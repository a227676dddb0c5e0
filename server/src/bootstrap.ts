import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureFirstAdmin } from './features/auth/admins.ts';
import { ensureSettings } from './features/hospital/hospital.service.ts';

/** Brings a database up to date: migrations, the settings row, the configured first administrator. */
export async function prepareDatabase(handle: DbHandle, config: Config, clock: Clock): Promise<{ migrated: string[]; adminCreated: boolean }> {
  const results = await migrateToLatest(handle.db);
  await ensureSettings(handle.db, config.timeZone, clock.now());
  const adminCreated = await ensureFirstAdmin(handle.db, clock.now(), config.adminEmail, config.adminPassword);
  return { migrated: results.map((r) => r.migrationName), adminCreated };
}
