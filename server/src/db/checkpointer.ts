import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { driverModule } from './sqlite.ts';

/** What one PASSIVE checkpoint did: frames in the write-ahead log, and how many of them are now in the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** Stops the thread and gives the checkpoints back to the connection (SQLite's default: every 1,000 pages). */
  stop(): Promise<void>;
}

const DEFAULT_AUTOCHECKPOINT = 1000;

// A CommonJS script: eval'd workers cannot import. It copies the write-ahead log into the database
// every `intervalMs`, on a connection of its own, and reports each checkpoint that moved frames.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Driver = require(workerData.driver);
const db = new Driver(workerData.file);
db.pragma('busy_timeout = 5000');
const run = () => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    if (row && row.log > 0) parentPort.postMessage({ busy: row.busy, log: row.log, checkpointed: row.checkpointed });
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
 * and a worker thread does it every `intervalMs`. If the worker cannot start or fails, the connection goes back
 * to checkpointing itself.
 */
export async function startCheckpointer(
  raw: Database.Database,
  options: { intervalMs?: number; onCheckpoint?: (result: CheckpointResult) => void; onError?: (message: string) => void } = {},
): Promise<Checkpointer> {
  const driver = createRequire(import.meta.url).resolve(driverModule());
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file: raw.name, intervalMs: options.intervalMs ?? 200 } });
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
