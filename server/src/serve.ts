import { buildApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { ConfigError, type Config } from './config.ts';
import { startCheckpointer, type Checkpointer } from './db/checkpointer.ts';
import { createDb, dbTargetFromConfig } from './db/create-db.ts';
import type { Deps } from './deps.ts';
import { createTransports } from './features/notifications/transports.ts';
import { startDeliveryWorker, type DeliveryWorker } from './features/notifications/worker.ts';
import { issueSetupToken } from './features/setup/setup.service.ts';
import { AppError } from './http/app-error.ts';

/** read config → open db → migrate → build app → listen → close cleanly on SIGTERM/SIGINT */
export async function serve(config: Config): Promise<void> {
  // Until the app's logger exists, a lost connection is reported on stderr.
  let reportLostConnection = (error: Error) => console.error(`hms: lost a database connection: ${error.message}`);
  const handle = await createDb(dbTargetFromConfig(config), { onConnectionError: (error) => reportLostConnection(error) });
  const { adminCreated, backup } = await prepareDatabase(handle, config, systemClock);
  const deps: Deps = { config, db: handle.db, dialect: handle.dialect, clock: systemClock };
  const { app } = await buildApp(deps);
  reportLostConnection = (error) => app.log.warn({ code: 'DATABASE_UNAVAILABLE' }, `lost a database connection: ${error.message}`);
  if (backup) app.log.info(`copied the database to ${backup} before migrating it`);
  if (adminCreated) app.log.info(`created the first administrator ${config.adminEmail}`);
  const setup = await issueSetupToken(handle.db, systemClock.now());
  const checkpointer: Checkpointer | null = handle.sqlite
    ? await startCheckpointer(handle.sqlite, { onError: (message) => app.log.warn(`SQLite checkpoint: ${message}`) }).catch((error: unknown) => {
      app.log.warn(`SQLite checkpoints stay on the request path: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    })
    : null;
  const transports = createTransports(config, app.log.child({ component: 'delivery' }));
  let worker: DeliveryWorker | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: finishing in-flight requests`);
    await app.close();
    await worker?.stop();
    transports.email?.close();
    await checkpointer?.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  const where = handle.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
  await app.listen({ port: config.port, host: config.host, listenTextResolver: (address) => `HMS is serving on ${address} (${where})` });
  if (!closing) worker = startDeliveryWorker(deps, transports);
  const address = app.server.address();
  const url = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
  if (setup) app.log.warn(firstRunMessage(config.publicUrl ?? url, setup.token));
}

/** What to do when nobody can sign in yet: the one-time link of the first-run screen, or the command. */
export function firstRunMessage(base: string, token: string): string {
  return `No administrator yet: open ${base.replace(/\/$/, '')}/setup#token=${token} (works once, within 1 hour) ` +
    'or run `npx hms create-admin --email you@example.org` (or start with HMS_ADMIN_EMAIL and HMS_ADMIN_PASSWORD set)';
}

export function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError) console.error(`hms: configuration error: ${error.message}`);
  else if (error instanceof AppError) console.error(`hms: ${error.message}`);
  else console.error('hms: could not start:', error);
  process.exit(1);
}
