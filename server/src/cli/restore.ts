import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { createDb, dbTargetFromConfig } from '../db/create-db.ts';
import { DatabaseLockedError, takeExclusiveLock } from '../db/serve-lock.ts';
import { copySqlite } from '../db/sqlite-backup.ts';
import { loadDriver } from '../db/sqlite.ts';
import type { AuditKey } from '../db/audit-key.ts';
import { loadAuditKey } from '../features/audit/audit-key-file.ts';
import { writeAudit } from '../features/audit/audit.service.ts';
import { checkCopy, checkCopyFile, errorText } from './backup-checks.ts';
import { CommandError, parseCommandLine, usageError, type Command } from './command.ts';

const usage = `Usage: hms restore FILE [--check]

SQLite: replaces the database in HMS_DATA_DIR with the backup FILE (made by hms backup), after checking it:
SQLite's integrity check, that it is an HMS database, that it is not from a newer HMS, and its audit chain.
Every session in the restored copy is ended, so everyone signs in again. The database being replaced is first
copied to backups/ beside it. Refused while an hms serve process uses the data directory.
--check runs the checks and changes nothing. Exit code 3 when the checks fail.
PostgreSQL: restore with pg_restore (see docs/operations.md).`;

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the SQLite database with a checked backup, ending every session',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandLine(
      () => parseArgs({ args, allowPositionals: true, options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }),
      usage,
    );
    if (values.help) {
      console.log(usage);
      return;
    }
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) throw usageError('name one backup FILE to restore', usage);
    const config = loadConfig();
    const target = dbTargetFromConfig(config);
    if (target.kind !== 'sqlite') throw new CommandError('the database is PostgreSQL: restore a pg_dump with pg_restore, or use point-in-time recovery (see docs/operations.md)');
    const source = path.resolve(file);
    if (values.check) {
      const report = await checkCopyFile(source, loadAuditKey(config, { create: false }));
      if (report.problems.length > 0) throw new CommandError(`${source} cannot be restored: ${report.problems.join('; ')}`, 3);
      console.log(`hms: ${source} can be restored: integrity ok, ${report.applied} migrations (${report.pending} to apply on the next start), audit chain of ${report.auditRows} rows intact`);
      return;
    }
    await restoreSqlite(source, target.file, loadAuditKey(config, { create: false }));
  },
};

async function restoreSqlite(source: string, live: string, auditKey: AuditKey): Promise<void> {
  if (!fs.existsSync(source)) throw new CommandError(`${source} does not exist`);
  let lock: { release(): void };
  try {
    lock = takeExclusiveLock(live);
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw new CommandError(error.message);
    throw error;
  }
  const staged = path.join(path.dirname(live), `.restore-${process.pid}.sqlite`);
  try {
    const ended = await stageCopy(source, staged, auditKey);
    const previous = fs.existsSync(live) ? await setAside(live) : null;
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });
    fs.renameSync(staged, live);
    console.log(`hms: restored ${source} to ${live}; ${ended} session${ended === 1 ? '' : 's'} ended, so everyone signs in again`);
    if (previous) console.log(`hms: the database it replaced is in ${previous}`);
  } finally {
    fs.rmSync(staged, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${staged}${suffix}`, { force: true });
    lock.release();
  }
}

/** Copies the backup next to the live database (0600), checks the copy and ends its sessions; returns how many. */
async function stageCopy(source: string, staged: string, auditKey: AuditKey): Promise<number> {
  const Driver = loadDriver();
  let reader;
  try {
    reader = new Driver(source, { readonly: true, fileMustExist: true });
    reader.pragma('schema_version');
  } catch (error) {
    reader?.close();
    throw new CommandError(`${source} cannot be restored: it cannot be opened as a SQLite database (${errorText(error)})`, 3);
  }
  try {
    await copySqlite(reader, staged);
  } finally {
    reader.close();
  }
  const handle = await createDb({ kind: 'sqlite', file: staged }, { auditKey });
  try {
    const report = await checkCopy(handle).catch((error: unknown) => ({ problems: [`it cannot be read as an HMS database (${errorText(error)})`] }));
    if (report.problems.length > 0) throw new CommandError(`${source} cannot be restored: ${report.problems.join('; ')}`, 3);
    const now = systemClock.now();
    return await handle.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('sessions').executeTakeFirst();
      const ended = Number(result.numDeletedRows);
      await writeAudit(trx, now, {
        actorId: null, actorRole: null, action: 'database.restore', outcome: 'success',
        details: { from: path.basename(source), sessionsEnded: ended },
      });
      return ended;
    });
  } finally {
    await handle.close();
  }
}

/** Copies the database about to be replaced to backups/ beside it (0600) and closes it, so no log of it remains. */
async function setAside(live: string): Promise<string> {
  const stamp = systemClock.now().toISOString().replace(/[:.]/g, '-');
  const file = path.join(path.dirname(live), 'backups', `hms-${stamp}-before-restore.sqlite`);
  const handle = await createDb({ kind: 'sqlite', file: live });
  try {
    if (!handle.sqlite) throw new Error('the SQLite connection is missing');
    await copySqlite(handle.sqlite, file);
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await handle.close();
  }
  return file;
}
