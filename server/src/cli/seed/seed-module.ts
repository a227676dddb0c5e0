import type { Db, Trx } from '../../db/types.ts';
import { progressOnStderr } from '../progress.ts';
import type { Random } from './random.ts';

export interface SeedOptions {
  readonly patients: number;
  readonly seed: string;
  /** Add doctors and appointments even when the database already has some. */
  readonly force?: boolean;
}

export interface SeedContext {
  readonly db: Db;
  readonly now: Date;
  readonly options: SeedOptions;
  /** This module's own random stream: adding a module does not change what the others make. */
  readonly random: Random;
  /** The hash of the demo password, made once and shared by every demo account. */
  readonly demoPasswordHash: string;
}

/** A demo account worth naming in the closing summary. */
export interface SignIn {
  readonly role: string;
  readonly email: string;
}

export interface SeedOutcome {
  /** One line each, e.g. "50 patients". */
  readonly created: string[];
  readonly signIns: SignIn[];
}

/** One section of the demo data (staff, patients, …), run in order by `hms seed-demo`. */
export interface SeedModule {
  readonly name: string;
  run(context: SeedContext): Promise<SeedOutcome>;
}

export const BATCH_SIZE = 25;

/** Inserts the items a batch per transaction, reporting progress on stderr. */
export async function insertInBatches<T>(db: Db, label: string, items: readonly T[], insert: (trx: Trx, item: T) => Promise<void>): Promise<void> {
  const progress = progressOnStderr(label);
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    const batch = items.slice(start, start + BATCH_SIZE);
    await db.transaction().execute(async (trx) => {
      for (const item of batch) await insert(trx, item);
    });
    progress.update(`${start + batch.length}/${items.length}`);
  }
  progress.done();
}
