import { loadConfig, type Config } from '../config.ts';
import { createDb, dbTargetFromConfig, type DbHandle } from '../db/create-db.ts';
import { loadAuditKey } from '../features/audit/audit-key-file.ts';

/**
 * Opens the configured database with the audit key, hands it to `use`, and closes it whatever happens. The key
 * file is created when missing only for commands that may be the first start (`createKey`), never to verify.
 */
export async function withDatabase<T>(use: (handle: DbHandle, config: Config) => Promise<T>, options: { createKey: boolean } = { createKey: true }): Promise<T> {
  const config = loadConfig();
  const auditKey = loadAuditKey(config, { create: options.createKey });
  const handle = await createDb(dbTargetFromConfig(config), { auditKey });
  try {
    return await use(handle, config);
  } finally {
    await handle.close();
  }
}

/** A postgres:// URL without its password (in the userinfo or as a `password` parameter). */
export function redactUrl(url: string): { url: string; hadPassword: boolean } {
  const parsed = new URL(url);
  const hadPassword = parsed.password !== '' || parsed.searchParams.has('password');
  parsed.password = '';
  parsed.searchParams.delete('password');
  return { url: parsed.toString(), hadPassword };
}

/** Where the configured database lives, safe to print. */
export function describeDatabase(config: Config): string {
  const target = dbTargetFromConfig(config);
  return target.kind === 'sqlite' ? `SQLite database ${target.file}` : `PostgreSQL database ${redactUrl(config.databaseUrl ?? '').url}`;
}
