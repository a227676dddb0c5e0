import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type Database from 'better-sqlite3';
import type { AuditKey } from './audit-key.ts';
import { RetryingKysely } from './availability.ts';
import { explainDatabaseError } from './startup-error.ts';
import { namingPool } from './named-statements.ts';
import { openSqlite } from './sqlite.ts';
import type { DB, Dialect } from './types.ts';

export interface DbHandle {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** The better-sqlite3 connection, for the online backup; null on PostgreSQL. */
  readonly sqlite: Database.Database | null;
  /** Where the database is, to explain a failure to open it (the URL's password is not printed). */
  readonly location: DbLocation;
  /** Called once the migrations have run: on PostgreSQL each distinct statement is then parsed and planned once per connection. */
  schemaReady(): void;
  close(): Promise<void>;
}

export type DbLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string } | { kind: 'pglite' };

export type DbTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite' };

// count(*) and bigint columns arrive as strings from pg; every such number here fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function dbTargetFromConfig(config: { databaseUrl: string | null; dataDir: string }): DbTarget {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  return { kind: 'sqlite', file: path.join(config.dataDir, 'hms.sqlite') };
}

/** Where a lost PostgreSQL connection is reported; it never ends the process. */
export type ConnectionErrorListener = (error: Error) => void;

const stderrListener: ConnectionErrorListener = (error) => console.error(`hms: lost a database connection: ${error.message}`);

export interface CreateDbOptions {
  onConnectionError?: ConnectionErrorListener;
  /** Signs the audit chain (db/audit-key.ts); a handle without one refuses to write audit rows. */
  auditKey?: AuditKey | null;
}

export async function createDb(target: DbTarget, options: CreateDbOptions = {}): Promise<DbHandle> {
  const plugins = options.auditKey ? [options.auditKey] : [];
  if (target.kind === 'sqlite') {
    const location = { kind: 'sqlite' as const, file: target.file };
    let opened: ReturnType<typeof openSqlite>;
    try {
      if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
      opened = openSqlite(target.file);
    } catch (error) {
      throw explainDatabaseError(error, location);
    }
    const db = new Kysely<DB>({ dialect: opened.dialect, plugins });
    return { db, dialect: 'sqlite', sqlite: opened.raw, location, schemaReady: () => {}, close: () => db.destroy() };
  }
  if (target.kind === 'postgres') {
    // A request waits at most 5 s for a connection, so an unreachable server answers 503 instead of hanging.
    const raw = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    const onError = options.onConnectionError ?? stderrListener;
    // An idle connection the server closed (a restart, a failover, pg_terminate_backend): pg-pool drops it and
    // emits 'error', which would end the process if nobody listened.
    raw.on('error', (error) => onError(error));
    // Every client also gets a listener of its own the moment it connects: between the pool's hands and ours (a
    // connect that timed out under load, a client being handed back) a dying socket would otherwise emit 'error'
    // with nobody listening. The pool and the checked-out listener report it; a query on the client fails anyway.
    raw.on('connect', (client) => client.on('error', () => {}));
    const pool = namingPool(raw, onError);
    const db = new RetryingKysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: 'postgres', sqlite: null, location: { kind: 'postgres', url: target.url }, schemaReady: () => pool.nameStatements(), close: () => db.destroy() };
  }
  // PGlite: PostgreSQL compiled to WebAssembly, in memory; used by the tests.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const pglite = new PGlite({ extensions: { btree_gist }, parsers: { 20: (value: string) => Number.parseInt(value, 10) } });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins });
  return { db, dialect: 'pglite', sqlite: null, location: { kind: 'pglite' }, schemaReady: () => {}, close: () => db.destroy() };
}
