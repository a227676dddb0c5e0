import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql, type KyselyPlugin } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../bootstrap.ts';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { dialectsUnderTest, TEST_AUDIT_KEY } from '../test/harness.ts';
import { AuditKey } from './audit-key.ts';
import { createDb, type DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import type { Db } from './types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-migrations-'));
let files = 0;
const newFile = () => path.join(dir, `db-${files++}`, 'hms.sqlite');

/** The schema (every table, index and trigger with its SQL) and the recorded migrations. */
async function snapshot(db: Db): Promise<{ schema: string[]; recorded: string[] }> {
  const { rows } = await sql<{ entry: string }>`select type || ' ' || name || ' ' || coalesce(sql, '') as entry from sqlite_master
    where name not like 'sqlite_%' and name not in ('schema_migrations', 'schema_migrations_lock') order by type, name`.execute(db);
  const hasTable = (await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'schema_migrations'`.execute(db)).rows[0]?.n === 1;
  const recorded = hasTable ? (await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db)).rows.map((r) => r.name) : [];
  return { schema: rows.map((r) => r.entry), recorded };
}

/** Counts every statement Kysely runs and throws right after the `failAfter`-th one has run (0: never). */
function statementFault(failAfter: number): { plugin: KyselyPlugin; count: () => number } {
  let count = 0;
  return {
    count: () => count,
    plugin: {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        count += 1;
        if (count === failAfter) throw new Error(`injected failure after statement ${count}`);
        return args.result;
      },
    },
  };
}

async function migrateTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

async function withDb<T>(file: string, use: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await createDb({ kind: 'sqlite', file }, { auditKey: new AuditKey(TEST_AUDIT_KEY) });
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

describe.runIf(dialectsUnderTest().includes('sqlite'))('SQLite migrations', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a failure after any statement leaves the database as it was, and the next run completes it', async () => {
    const names = Object.keys(migrations);
    const middle = names[Math.floor(names.length / 2)] ?? '';
    const complete = await withDb(newFile(), async (h) => {
      await migrateToLatest(h.db);
      return snapshot(h.db);
    });
    expect(complete.recorded).toEqual(names);
    // From an empty database, and from one half-way through the list.
    for (const start of [null, middle]) {
      const counting = statementFault(0);
      const before = await withDb(newFile(), async (h) => {
        if (start) await migrateTo(h.db, start);
        const state = await snapshot(h.db);
        await migrateToLatest(h.db.withPlugin(counting.plugin));
        return state;
      });
      const statements = counting.count();
      let failures = 0;
      expect(statements).toBeGreaterThan(names.length);
      for (let failAfter = 1; failAfter <= statements; failAfter += 1) {
        const file = newFile();
        await withDb(file, async (h) => {
          if (start) await migrateTo(h.db, start);
          const fault = statementFault(failAfter);
          // Kysely's migrator tolerates a failure of its own bookkeeping set-up (a table another process made):
          // then it completes. Any other failure must leave the database exactly as it was.
          const failure = await migrateToLatest(h.db.withPlugin(fault.plugin)).then(() => null, (error: unknown) => error);
          if (failure) {
            expect(String(failure)).toMatch(/injected failure/);
            expect(await snapshot(h.db)).toEqual(before);
            failures += 1;
          } else {
            expect(await snapshot(h.db)).toEqual(complete);
          }
        });
        // The next start, on a new connection, completes every migration.
        await withDb(file, async (h) => {
          await migrateToLatest(h.db);
          expect(await snapshot(h.db)).toEqual(complete);
        });
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      }
      // Every statement inside the migrations' transaction was hit.
      expect(failures).toBeGreaterThan(statements - 8);
    }
  });

  it('copies a database that holds data (0600) before migrating it, and not an empty one', async () => {
    const config = loadConfig({ HMS_LOG_LEVEL: 'silent' });
    const clock = fixedClock(new Date('2026-05-01T10:00:00Z'));
    const fresh = newFile();
    await withDb(fresh, async (h) => expect((await prepareDatabase(h, config, clock)).backup).toBeNull());
    expect(fs.existsSync(path.join(path.dirname(fresh), 'backups'))).toBe(false);

    const older = newFile();
    const names = Object.keys(migrations);
    const last = names.at(-1) ?? '';
    await withDb(older, async (h) => migrateTo(h.db, names.at(-2) ?? ''));
    const backup = await withDb(older, async (h) => (await prepareDatabase(h, config, clock)).backup);
    expect(backup).toBe(path.join(path.dirname(older), 'backups', `hms-2026-05-01T10-00-00-000Z-before-${last}.sqlite`));
    if (!backup) return;
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);
    const copied = await withDb(backup, (h) => snapshot(h.db));
    expect(copied.recorded).toEqual(names.slice(0, -1));
    // Up to date now: the next start copies nothing.
    await withDb(older, async (h) => expect((await prepareDatabase(h, config, clock)).backup).toBeNull());
  });
});
