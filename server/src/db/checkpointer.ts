import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { driverModule } from './sqlite.ts';

/** What one PASSIVE checkpoint did: frames in the write-ahead log, and how many of them are now in the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
  /** A TRUNCATE checkpoint followed: the log was past the limit, or idle, and is now empty. */
  truncated: boolean;
  /** The size of the -wal file afterwards. */
  logBytes: number;
}

/** Past this size the log is reset and truncated at the next tick even while writes go on (docs/operations.md). */
export const LOG_LIMIT_BYTES = 32 * 1024 * 1024;

export interface Checkpointer {
  /** Stops the thread and gives the checkpoints back to the connection (SQLite's default: every 1,000 pages). */
  stop(): Promise<void>;
}

const DEFAULT_AUTOCHECKPOINT = 1000;

// A CommonJS script: eval'd workers cannot import. It copies the write-ahead log into the database
// every `intervalMs`, on a connection of its own, and reports each checkpoint that moved frames.
const WORKER = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Driver = require(workerData.driver);
const db = new Driver(workerData.file);
db.pragma('busy_timeout = 5000');
const logFile = workerData.file + '-wal';
const logBytes = () => { try { return fs.statSync(logFile).size; } catch { return 0; } };
let previousLog = -1;
const run = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    // A log past the limit, or one that stopped growing and is all copied (the writes paused), is reset and cut
    // to nothing by a TRUNCATE checkpoint. It waits at most 100 ms for a reader or writer to get out of its way.
    const idle = row && row.log > 0 && row.log === row.checkpointed && row.log === previousLog;
    const truncate = idle || logBytes() > workerData.limitBytes;
    let truncated = false;
    if (truncate) {
      db.pragma('busy_timeout = 100');
      try { const [after] = db.pragma('wal_checkpoint(TRUNCATE)'); truncated = after && after.busy === 0; } finally { db.pragma('busy_timeout = 5000'); }
    }
    previousLog = truncated ? 0 : (row ? row.log : 0);
    if (row && (row.log > 0 || truncated)) parentPort.postMessage({ busy: row.busy, log: row.log, checkpointed: row.checkpointed, truncated, logBytes: logBytes() });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  run();
  db.close();
  parentPort.close();
});
parentPort.postMessage({ ready: true });
`;

/**
 * Moves SQLite's checkpoints off the event loop. In WAL mode the commit that fills the log past 1,000 pages
 * copies it into the database and waits for the disk (fsync) while every request waits behind it; a booking
 * rush paid that as its p99. With this running, the app's connection never checkpoints (wal_autocheckpoint 0)
 * and a worker thread does it every `intervalMs`. The log stays bounded: when writes pause, or when it passes
 * `limitBytes` (default 32 MiB), a TRUNCATE checkpoint empties it, and the connection's journal_size_limit cuts
 * a log that was reset back to 16 MiB. If the worker cannot start or fails, the connection goes back
 * to checkpointing itself.
 */
export async function startCheckpointer(
  raw: Database.Database,
  options: { intervalMs?: number; limitBytes?: number; onCheckpoint?: (result: CheckpointResult) => void; onError?: (message: string) => void } = {},
): Promise<Checkpointer> {
  const driver = createRequire(import.meta.url).resolve(driverModule());
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file: raw.name, intervalMs: options.intervalMs ?? 200, limitBytes: options.limitBytes ?? LOG_LIMIT_BYTES } });
  worker.unref();
  const restore = () => raw.open && raw.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { ready?: boolean; error?: string } & Partial<CheckpointResult>) => {
      if (message.ready) {
        raw.pragma('wal_autocheckpoint = 0');
        worker.off('error', reject);
        resolve();
      } else if (message.error !== undefined) {
        options.onError?.(message.error);
      } else {
        options.onCheckpoint?.(message as CheckpointResult);
      }
    });
  });
  worker.on('error', (error) => {
    restore();
    options.onError?.(error.message);
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      restore();
      worker.postMessage('stop');
      await exited;
    },
  };
}
