import type Database from 'better-sqlite3';
import { loadDriver } from './sqlite.ts';
import { StartupError } from './startup-error.ts';

/**
 * A lock beside the SQLite database (`hms.sqlite.lock`) that tells `hms restore` whether a server is using the
 * database. It is a small SQLite file of its own in rollback-journal mode: every serving process holds a read
 * transaction on it (a SHARED lock, so several may serve at once), and restore needs an EXCLUSIVE one. The
 * operating system drops the locks of a process that dies, so a crash leaves no stale lock behind.
 */
export function serveLockFile(databaseFile: string): string {
  return `${databaseFile}.lock`;
}

function openLock(databaseFile: string, busyMs: number): Database.Database {
  const Driver = loadDriver();
  const lock = new Driver(serveLockFile(databaseFile));
  lock.pragma(`busy_timeout = ${busyMs}`);
  lock.pragma('journal_mode = DELETE');
  lock.exec('create table if not exists holders (pid integer)');
  return lock;
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/** Held by `hms serve` while it runs; throws `RestoreInProgress` when a restore holds the database. */
export function holdServeLock(databaseFile: string): { release(): void } {
  let lock: Database.Database | null = null;
  try {
    lock = openLock(databaseFile, 5000);
    lock.exec('begin');
    lock.prepare('select count(*) from holders').get();
  } catch (error) {
    lock?.close();
    if (isBusy(error)) throw new DatabaseLockedError(`a restore of ${databaseFile} is in progress: start HMS again once it has finished`);
    throw error;
  }
  const held = lock;
  return {
    release() {
      if (!held.open) return;
      held.exec('rollback');
      held.close();
    },
  };
}

/** Taken by `hms restore`: fails at once (DatabaseLockedError) while any process serves the database. */
export function takeExclusiveLock(databaseFile: string): { release(): void } {
  let lock: Database.Database | null = null;
  try {
    lock = openLock(databaseFile, 0);
    lock.exec('begin exclusive');
  } catch (error) {
    lock?.close();
    if (isBusy(error)) throw new DatabaseLockedError(`HMS is serving ${databaseFile}: stop every hms serve process first (for instance systemctl stop hms), then restore`);
    throw error;
  }
  const held = lock;
  return {
    release() {
      if (!held.open) return;
      held.exec('rollback');
      held.close();
    },
  };
}

/** The database is held by another process: an expected start-up failure, printed as one line. */
export class DatabaseLockedError extends StartupError {}
