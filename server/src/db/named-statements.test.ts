import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest, freshDatabase } from '../test/harness.ts';
import type { DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';

let handle: DbHandle;
let drop: () => Promise<void>;

async function migrated(dialect: ReturnType<typeof dialectsUnderTest>[number]) {
  ({ handle, drop } = await freshDatabase(dialect));
  await migrateToLatest(handle.db);
}

afterEach(async () => {
  await handle.close();
  await drop();
});

describe.each(dialectsUnderTest())('statements once the schema is ready on %s', (dialect) => {
  beforeEach(async () => {
    await migrated(dialect);
    handle.schemaReady();
  });

  it('answer with the new shape of their result after a schema change', async () => {
    const db = handle.db;
    await sql`create table probe (a integer not null)`.execute(db);
    await sql`insert into probe (a) values (1)`.execute(db);
    const read = async () => (await sql<Record<string, number>>`select * from probe`.execute(db)).rows;
    expect(await read()).toEqual([{ a: 1 }]);
    expect(await read()).toEqual([{ a: 1 }]);
    await sql`alter table probe add column b integer not null default 2`.execute(db);
    expect(await read()).toEqual([{ a: 1, b: 2 }]);
    expect(await read()).toEqual([{ a: 1, b: 2 }]);
  });
});

describe.each(dialectsUnderTest().filter((dialect) => dialect === 'postgres'))('named statements on %s', (dialect) => {
  beforeEach(async () => {
    await migrated(dialect);
  });

  const namedOnConnection = () =>
    handle.db.transaction().execute(async (trx) => {
      await trx.selectFrom('specializations').select('name').where('active', '=', 1).execute();
      const rows = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx);
      return rows.rows.filter((row) => row.name.startsWith('hms_')).map((row) => row.statement);
    });

  it('are prepared once per connection, only after the migrations', async () => {
    expect(await namedOnConnection()).toEqual([]);
    handle.schemaReady();
    const statements = await namedOnConnection();
    expect(statements).toContainEqual(expect.stringContaining('from "specializations"'));
    expect(statements).toContainEqual(expect.stringContaining('from pg_prepared_statements'));
    expect(statements.filter((statement) => statement.startsWith('begin'))).toEqual([]);
  });
});
