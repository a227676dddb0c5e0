import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createDb, dbTargetFromConfig } from '../db/create-db.ts';
import { CommandError, parseCommandLine, usageError, type Command } from './command.ts';
import { redactUrl } from './database.ts';
import { progressOnStderr } from './progress.ts';

const usage = `Usage: hms backup --out FILE [--force]

SQLite: writes a consistent copy of the live database to FILE while the server keeps running.
An existing FILE is left alone unless --force is given.
PostgreSQL: prints the pg_dump command that makes the backup.`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the SQLite database online (or print the pg_dump command)',
  usage,
  async run(args) {
    const { values } = parseCommandLine(
      () => parseArgs({ args, options: { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }),
      usage,
    );
    if (values.help) {
      console.log(usage);
      return;
    }
    if (!values.out) throw usageError('--out FILE is required', usage);
    const config = loadConfig();
    const target = dbTargetFromConfig(config);
    if (target.kind === 'sqlite') await backupSqlite(target.file, path.resolve(values.out), values.force ?? false);
    else if (target.kind === 'postgres') printPgDump(target.url, values.out);
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
    await handle.sqlite.backup(partial, {
      progress({ totalPages, remainingPages }) {
        progress.update(`${totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100)}%`);
        return 100;
      },
    });
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
