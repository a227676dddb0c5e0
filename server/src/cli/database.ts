import { loadConfig, type Config } from '../config.ts';
import { createDb, dbTargetFromConfig, type DbHandle } from '../db/create-db.ts';

/** Opens the configured database, hands it to `use`, and closes it whatever happens. */
export async function withDatabase<T>(use: (handle: DbHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await createDb(dbTargetFromConfig(config));
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
