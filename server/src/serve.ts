import { buildApp } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import { ConfigError, type Config } from './config.ts';
import { startCheckpointer, type Checkpointer } from './db/checkpointer.ts';
import { createDb, dbTargetFromConfig } from './db/create-db.ts';
import { holdServeLock } from './db/serve-lock.ts';
import type { Deps } from './deps.ts';
import { loadAuditKey } from './features/audit/audit-key-file.ts';
import { createTransports } from './features/notifications/transports.ts';
import { startDeliveryWorker, type DeliveryWorker } from './features/notifications/worker.ts';
import { StartupError } from './db/startup-error.ts';
import { issueSetupToken } from './features/setup/setup.service.ts';
import { AppError } from './http/app-error.ts';

/** How long a graceful stop may take before the process exits anyway (systemd's TimeoutStopSec is longer). */
const SHUTDOWN_GRACE_MS = 30_000;

/** read config → open db → migrate → build app → listen → close cleanly on SIGTERM/SIGINT */
export async function serve(config: Config): Promise<void> {
  // Until the app's logger exists, a lost connection is reported on stderr.
  let reportLostConnection = (error: Error) => console.error(`hms: lost a database connection: ${error.message}`);
  const auditKey = loadAuditKey(config, { create: true });
  const handle = await createDb(dbTargetFromConfig(config), { onConnectionError: (error) => reportLostConnection(error), auditKey });
  // `hms restore` refuses to replace a SQLite database while this lock is held.
  const serveLock = handle.sqlite && !handle.sqlite.memory ? holdServeLock(handle.sqlite.name) : null;
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
    app.log.info(`${signal}: finishing in-flight requests and the deliveries being sent`);
    // A stop that hangs (a mail server that never answers) still ends, after SHUTDOWN_GRACE_MS, with exit code 1.
    setTimeout(() => {
      app.log.error(`${signal}: still busy after ${SHUTDOWN_GRACE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    // A keep-alive connection whose request finishes during the stop would otherwise hold it for keepAliveTimeout.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    await Promise.all([app.close(), worker?.stop()]);
    clearInterval(sweep);
    app.log.info(`${signal}: stopped`);
    transports.email?.close();
    await checkpointer?.stop();
    await handle.close();
    serveLock?.release();
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
  else if (error instanceof AppError || error instanceof StartupError) console.error(`hms: ${error.message}`);
  else if (isListenError(error)) console.error(`hms: cannot listen on ${error.address ?? 'HOST'}:${error.port ?? 'PORT'}: ${error.code === 'EADDRINUSE' ? 'another program uses that port' : 'not allowed for this user'} (set PORT or HOST)`);
  else console.error('hms: could not start:', error);
  process.exit(1);
}

function isListenError(error: unknown): error is { code: string; address?: string; port?: number } {
  const code = (error as { code?: unknown; syscall?: unknown } | null)?.code;
  return (code === 'EADDRINUSE' || code === 'EACCES') && (error as { syscall?: unknown }).syscall === 'listen';
}
