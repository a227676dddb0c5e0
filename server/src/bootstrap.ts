import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureFirstAdmin } from './features/auth/admins.ts';
import { adoptConfiguredSessionLimits, ensureSettings } from './features/hospital/hospital.service.ts';

/** Brings a database up to date: migrations, the settings row (seeded from the config), the configured first administrator. */
export async function prepareDatabase(handle: DbHandle, config: Config, clock: Clock): Promise<{ migrated: string[]; adminCreated: boolean }> {
  const results = await migrateToLatest(handle.db);
  handle.schemaReady();
  await ensureSettings(handle.db, config, clock.now());
  if (results.some((r) => r.migrationName === '006_settings_sessions')) await adoptConfiguredSessionLimits(handle.db, config);
  const adminCreated = await ensureFirstAdmin(handle.db, clock.now(), config.adminEmail, config.adminPassword);
  return { migrated: results.map((r) => r.migrationName), adminCreated };
}
