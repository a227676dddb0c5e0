import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, freshDatabase } from '../test/harness.ts';
import type { DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';
import { prepared, preparedVariants } from './prepared.ts';
import type { Executor } from './types.ts';

/** A query built once per shape answers exactly what the query built afresh answers. */
describe.each(dialectsUnderTest())('prepared queries on %s', (dialect) => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  let names: string[];

  beforeAll(async () => {
    ({ handle, drop } = await freshDatabase(dialect));
    await migrateToLatest(handle.db);
    names = (await handle.db.selectFrom('specializations').select('name').orderBy('name').execute()).map((row) => row.name);
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  const direct = (db: Executor, order: 'asc' | 'desc', filter: { names?: string[]; after?: string }, limit: number) => {
    let query = db.selectFrom('specializations').select(['name', 'active']).where('active', '=', 1);
    if (filter.names && filter.names.length > 0) query = query.where('name', 'in', filter.names);
    if (filter.after !== undefined) query = query.where('name', order === 'asc' ? '>' : '<', filter.after);
    return query.orderBy('name', order).limit(limit);
  };

  it('answers as the query built afresh does, for every value, list length, missing filter and variant', async () => {
    let builds = 0;
    const list = preparedVariants((db: Executor, order: 'asc' | 'desc', filter: { names?: string[]; after?: string }, limit: number) => {
      builds += 1;
      return direct(db, order, filter, limit);
    });
    const cases: ['asc' | 'desc', { names?: string[]; after?: string }, number][] = [
      ['asc', {}, 3], ['asc', {}, 5], ['desc', {}, 2],
      ['asc', { names: names.slice(0, 2) }, 10], ['asc', { names: names.slice(2, 4) }, 10], ['asc', { names: names.slice(0, 3) }, 10],
      ['asc', { after: names[1] ?? '' }, 10], ['desc', { after: names[3] ?? '' }, 10], ['asc', { names: names.slice(1, 3), after: names[1] ?? '' }, 1],
    ];
    for (const [order, filter, limit] of cases) {
      expect(await list(handle.db, order, filter, limit)).toEqual(await direct(handle.db, order, filter, limit).execute());
      await handle.db.transaction().execute(async (trx) => {
        expect(await list(trx, order, filter, limit)).toEqual(await direct(trx, order, filter, limit).execute());
      });
    }
    // Shapes: asc/desc without filters, lists of 2 and 3, after (asc and desc), both.
    expect(builds).toBe(7);
  });

  it('refuses a query that writes an argument into its SQL or changes it', async () => {
    const literal = prepared((db: Executor, name: string) => db.selectFrom('specializations').select(sql.lit(name).as('x')));
    await expect(literal(handle.db, 'x')).rejects.toThrow(/wrote an argument into its SQL/);
    const changed = prepared((db: Executor, name: string) => db.selectFrom('specializations').select('name').where('name', 'like', `%${name}%`));
    await expect(changed(handle.db, 'x')).rejects.toThrow(/changed an argument/);
  });
});
