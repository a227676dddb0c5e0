import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteQueryCompiler,
  ValueNode,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type LimitNode,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';

/**
 * better-sqlite3 behind Kysely, with four changes to Kysely's stock dialect:
 * - prepared statements are cached (bounded, least recently used first out):
 *   Kysely would otherwise prepare every query again;
 * - transactions start with BEGIN IMMEDIATE, so a writer takes the lock up
 *   front instead of failing with SQLITE_BUSY when it upgrades;
 * - a LIMIT given as a number is written into the SQL (LimitLiteralCompiler);
 * - the adapter says DDL is transactional (SQLite's is), so Kysely's migrator runs the pending migrations and
 *   their rows in schema_migrations in one BEGIN IMMEDIATE transaction: a crash or an error part-way leaves the
 *   database as it was before, and processes starting together migrate one after the other.
 */
/**
 * better-sqlite3 12 is built on node::ObjectWrap, whose destructor aborts the process on Node 24.19+
 * (Node issue 65446); 13 uses Node-API but crashes on Node 20. Each runtime gets the one that works
 * on it (decision record 004).
 */
export function driverModule(): string {
  return Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';
}

export function loadDriver(): typeof Database {
  const name = driverModule();
  try {
    return createRequire(import.meta.url)(name) as typeof Database;
  } catch (error) {
    // An optional dependency (decision record 010): left out when the install ran on an older Node.
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`The SQLite driver for Node ${process.versions.node} (${name}) is not installed: run npm install again with this Node version`, { cause: error });
  }
}

export const JOURNAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

export function openSqlite(file: string, cacheSize = 500): { dialect: SqliteDialect; raw: Database.Database } {
  const Driver = loadDriver();
  const raw = new Driver(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // A write-ahead log that was reset is cut back to this size instead of keeping its largest size.
  raw.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
  const cache = new Map<string, Database.Statement>();
  const cached = {
    close: () => raw.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = raw.prepare(sql);
        if (cache.size >= cacheSize) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
  return { dialect: new ImmediateSqliteDialect({ database: cached }), raw };
}

/**
 * SQLite (3.53 here) compiles a statement again every time a new value is bound to a `LIMIT ?`, because
 * the limit may change its plan: a cached statement with one then costs as much as preparing it (the
 * upcoming-appointments read: 37 µs a call instead of 14). A whole-number limit is therefore written
 * into the SQL; every limit a route allows is then one cached statement of its own.
 */
export class LimitLiteralCompiler extends SqliteQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    const limit = node.limit;
    if (ValueNode.is(limit) && typeof limit.value === 'number' && Number.isSafeInteger(limit.value)) {
      this.append(`limit ${String(limit.value)}`);
      return;
    }
    super.visitLimit(node);
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createQueryCompiler(): QueryCompiler {
    return new LimitLiteralCompiler();
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection, _settings: TransactionSettings) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}
