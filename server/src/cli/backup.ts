import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import type { AuditKey } from '../db/audit-key.ts';
import { createDb, dbTargetFromConfig } from '../db/create-db.ts';
import { copySqlite } from '../db/sqlite-backup.ts';
import { loadAuditKey } from '../features/audit/audit-key-file.ts';
import { checkCopyFile } from './backup-checks.ts';
import { CommandError, parseCommandLine, usageError, type Command } from './command.ts';
import { redactUrl } from './database.ts';
import { progressOnStderr } from './progress.ts';

const usage = `Usage: hms backup --out FILE [--force] [--verify]

SQLite: writes a consistent copy of the live database to FILE (readable by its owner only) while the
server keeps running. An existing FILE is left alone unless --force is given.
--verify then checks the copy: SQLite's integrity check and the audit chain. Exit code 3 when it fails.
PostgreSQL: prints the pg_dump command that makes the backup.`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the SQLite database online (or print the pg_dump command)',
  usage,
  async run(args) {
    const { values } = parseCommandLine(
      () => parseArgs({ args, options: { out: { type: 'string' }, force: { type: 'boolean' }, verify: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }),
      usage,
    );
    if (values.help) {
      console.log(usage);
      return;
    }
    if (!values.out) throw usageError('--out FILE is required', usage);
    const config = loadConfig();
    const target = dbTargetFromConfig(config);
    if (target.kind === 'sqlite') {
      const out = path.resolve(values.out);
      await backupSqlite(target.file, out, values.force ?? false);
      if (values.verify) await verifyBackup(out, loadAuditKey(config, { create: false }));
    } else if (target.kind === 'postgres' && values.verify) {
      throw new CommandError('--verify checks SQLite copies; on PostgreSQL check a dump with pg_restore --list (see docs/operations.md)');
    } else if (target.kind === 'postgres') printPgDump(target.url, values.out);
    else throw new CommandError('an in-memory database has nothing to back up');
  },
};

async function backupSqlite(source: string, out: string, force: boolean): Promise<void> {
  if (!fs.existsSync(source)) throw new CommandError(`there is no database at ${source} to back up (check HMS_DATA_DIR)`);
  if (fs.existsSync(out) && !force) throw new CommandError(`${out} already exists; choose another file, or add --force to replace it`);
  const partial = `${out}.partial-${process.pid}`;
  const handle = await createDb({ kind: 'sqlite', file: source });
  const progress = progressOnStderr('backup');
  try {
    if (!handle.sqlite) throw new Error('the SQLite connection is missing');
    // The copy holds patient data and password hashes: readable by its owner only (0600).
    await copySqlite(handle.sqlite, partial, (percent) => progress.update(`${percent}%`));
    progress.update('100%');
    if (force) {
      fs.renameSync(partial, out);
    } else {
      // link() fails when `out` appeared meanwhile, so an existing file is never replaced without --force.
      try {
        fs.linkSync(partial, out);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'EEXIST') throw new CommandError(`${out} already exists; choose another file, or add --force to replace it`);
        throw error;
      }
    }
  } finally {
    progress.done();
    fs.rmSync(partial, { force: true });
    await handle.close();
  }
  console.log(`hms: backed up ${source} to ${out} (${formatSize(fs.statSync(out).size)})`);
}

async function verifyBackup(file: string, auditKey: AuditKey): Promise<void> {
  const report = await checkCopyFile(file, auditKey);
  if (report.problems.length > 0) {
    throw new CommandError(`the backup ${file} failed verification: ${report.problems.join('; ')}. Do not rely on it; check the live database (hms backup reads it as it is)`, 3);
  }
  console.log(`hms: verified ${file}: integrity ok, ${report.applied} migrations, audit chain of ${report.auditRows} rows intact`);
}

function printPgDump(url: string, out: string): void {
  const redacted = redactUrl(url);
  console.log('hms: the database is PostgreSQL; back it up with pg_dump (a client matching the server version):');
  console.log('');
  console.log(`  pg_dump --format=custom --file=${shellQuote(out)} ${shellQuote(redacted.url)}`);
  console.log('');
  if (redacted.hadPassword) console.log('The password is left out of the URL above: supply it in the PGPASSWORD environment variable (or ~/.pgpass).');
  console.log('Restore with pg_restore --dbname=URL FILE.');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
