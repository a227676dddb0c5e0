import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';
import { dialectsUnderTest } from '../test/harness.ts';
import { emptyPostgresDatabase, startServer } from '../test/processes.ts';

// Real PostgreSQL: the SQLite side is proven through the CLI in cli/startup-errors.test.ts.
describe.runIf(dialectsUnderTest().includes('postgres'))('a PostgreSQL database from a newer HMS', () => {
  let database: Awaited<ReturnType<typeof emptyPostgresDatabase>>;

  beforeAll(async () => {
    database = await emptyPostgresDatabase();
    const handle = await createDb({ kind: 'postgres', url: database.url });
    await migrateToLatest(handle.db);
    await sql`insert into schema_migrations (name, timestamp) values ('090_from_the_future', '2027-01-01T00:00:00.000Z')`.execute(handle.db);
    await sql`insert into schema_version (id, hms_version, updated_at) values (1, '9.4.0', '2027-01-01T00:00:00.000Z')
      on conflict (id) do update set hms_version = excluded.hms_version`.execute(handle.db);
    await handle.close();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('is refused at start-up in one plain line naming the version it needs, and is left as it was', async () => {
    const server = await startServer({ DATABASE_URL: database.url });
    const code = await server.exited;
    const output = server.output().trim();
    expect(code).toBe(1);
    expect(output.split('\n'), output).toHaveLength(1);
    expect(output).toContain('HMS 9.4.0 or newer');
    expect(output).toContain('090_from_the_future');
    expect(output).not.toMatch(/\n\s+at |Error:/);
    const handle = await createDb({ kind: 'postgres', url: database.url });
    try {
      const { rows } = await sql<{ name: string }>`select name from schema_migrations where name like '09%'`.execute(handle.db);
      expect(rows).toEqual([{ name: '090_from_the_future' }]);
    } finally {
      await handle.close();
    }
  });
});
