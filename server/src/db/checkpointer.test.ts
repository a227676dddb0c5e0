import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/harness.ts';
import { startCheckpointer, type CheckpointResult } from './checkpointer.ts';
import type { DbHandle } from './create-db.ts';
import { loadDriver } from './sqlite.ts';

/** SQLite's checkpoints run on a worker thread of their own while the server runs (db/checkpointer.ts). */
describe('the SQLite checkpointer', () => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let file: string;

  beforeAll(async () => {
    ({ handle, drop } = await freshDatabase('sqlite'));
    file = handle.sqlite!.name;
    handle.sqlite!.exec('create table filler (id integer primary key, body text not null)');
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  const autocheckpoint = () => handle.sqlite!.pragma('wal_autocheckpoint', { simple: true });

  it('takes the checkpoints off the connection, copies every committed page into the database, and gives them back when stopped', async () => {
    const results: CheckpointResult[] = [];
    const errors: string[] = [];
    const checkpointer = await startCheckpointer(handle.sqlite!, {
      intervalMs: 10,
      onCheckpoint: (result) => results.push(result),
      onError: (message) => errors.push(message),
    });
    expect(autocheckpoint()).toBe(0);

    const insert = handle.sqlite!.prepare('insert into filler (body) values (?)');
    for (let batch = 0; batch < 20; batch++) {
      handle.sqlite!.transaction(() => {
        for (let i = 0; i < 200; i++) insert.run(`${batch}-${i}-${'x'.repeat(200)}`);
      })();
    }

    await expect.poll(() => results.some((result) => result.log > 0 && result.checkpointed === result.log), { timeout: 10_000 }).toBe(true);
    await checkpointer.stop();
    expect(autocheckpoint()).toBe(1000);
    expect(errors).toEqual([]);

    // The database file itself (not only the log) now holds the 800 kB written.
    expect(fs.statSync(file).size).toBeGreaterThan(800_000);
    const Driver = loadDriver();
    const other = new Driver(file, { readonly: true });
    expect(other.prepare('select count(*) as n from filler').get()).toEqual({ n: 4000 });
    other.close();
  });
});
