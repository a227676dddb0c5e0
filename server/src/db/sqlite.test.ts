import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test/harness.ts';
import type { DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';

/** A LIMIT given as a number reaches SQLite as part of the SQL, not as a bound value (db/sqlite.ts). */
describe('LIMIT on SQLite', () => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let names: string[];

  beforeAll(async () => {
    ({ handle, drop } = await freshDatabase('sqlite'));
    await migrateToLatest(handle.db);
    names = (await handle.db.selectFrom('specializations').select('name').orderBy('name').execute()).map((row) => row.name);
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  const page = (limit: number) => handle.db.selectFrom('specializations').select('name').orderBy('name').limit(limit);

  it('writes a whole-number limit into the SQL', () => {
    const compiled = page(3).compile();
    expect(compiled.sql).toMatch(/ limit 3$/);
    expect(compiled.parameters).toEqual([]);
  });

  it('answers each limit with that many rows, in order', async () => {
    expect(names.length).toBeGreaterThan(3);
    for (const limit of [1, 3, 2, names.length + 5, 0]) {
      const rows = await page(limit).execute();
      expect(rows.map((row) => row.name)).toEqual(names.slice(0, limit));
    }
  });

  it('keeps any other limit a bound value', async () => {
    const compiled = handle.db.selectFrom('specializations').select('name').orderBy('name').limit(sql<number>`${2}`).compile();
    expect(compiled.sql).toMatch(/ limit \?$/);
    const rows = await handle.db.executeQuery(compiled);
    expect(rows.rows).toHaveLength(2);
  });
});
