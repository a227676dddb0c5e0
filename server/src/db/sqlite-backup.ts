import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Writes a consistent copy of the live SQLite database to `file` through SQLite's online backup. The copy holds
 * patient data and password hashes, so it is created readable by its owner only (0600) before a byte lands in it.
 */
export async function copySqlite(raw: Database.Database, file: string, onProgress?: (percent: number) => void): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  try {
    await raw.backup(file, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages === 0 ? 100 : Math.floor(((totalPages - remainingPages) / totalPages) * 100));
        return 100;
      },
    });
    fs.chmodSync(file, 0o600);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/** Where the copy taken before migrating goes: `backups/` beside the database, named by time and first migration. */
export function preMigrationBackupFile(databaseFile: string, firstPending: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(path.dirname(databaseFile), 'backups', `hms-${stamp}-before-${firstPending}.sqlite`);
}
