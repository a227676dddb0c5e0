import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Distinct statements kept prepared per connection; further ones are sent unnamed (lists of many lengths, one-off reports). */
const MAX_PER_CONNECTION = 500;
const NAMES_KEPT = 5000;
const DML = /^\s*(select|insert|update|delete|with)\b/i;
const BEGIN = /^\s*(begin|start transaction)\b/i;
const END = /^\s*(commit|rollback)\s*$/i;

export interface NamingPool extends PostgresPool {
  /** From now on each distinct statement is parsed and planned once per connection. Call it once the schema is migrated. */
  nameStatements(): void;
}

/** "cached plan must not change result type": the schema changed under a prepared statement. */
const planChanged = (error: unknown) => (error as { code?: unknown } | null)?.code === '0A000';

/**
 * The pool Kysely's PostgresDialect gets: once `nameStatements()` is called, every select, insert, update and delete
 * goes out as a named prepared statement (`{ name, text, values }`, the name derived from the SQL), so PostgreSQL
 * parses and plans it once per connection instead of on every call. Statements whose result type a later schema
 * change altered (another process migrating) go out unnamed from then on; outside a transaction the failed call is
 * retried unnamed.
 */
export function namingPool(pool: pg.Pool, onConnectionError: (error: Error) => void = () => {}): NamingPool {
  let naming = false;
  const names = new Map<string, string>();
  const unnamed = new Set<string>();
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  const inTransaction = new WeakSet<pg.PoolClient>();
  // pg-pool listens for errors on idle clients only; a checked-out client whose socket dies between two queries
  // emits 'error' with nobody listening, which would end the process. Each client gets a listener once.
  const listening = new WeakSet<pg.PoolClient>();
  const checkedOut = new WeakSet<pg.PoolClient>();

  function nameOf(client: pg.PoolClient, sql: string): string | null {
    if (!naming || unnamed.has(sql) || !DML.test(sql)) return null;
    let name = names.get(sql);
    if (name === undefined) {
      name = `hms_${createHash('sha1').update(sql).digest('hex')}`;
      if (names.size < NAMES_KEPT) names.set(sql, name);
    }
    let onConnection = prepared.get(client);
    if (!onConnection) prepared.set(client, (onConnection = new Set()));
    if (!onConnection.has(name)) {
      if (onConnection.size >= MAX_PER_CONNECTION) return null;
      onConnection.add(name);
    }
    return name;
  }

  async function run(client: pg.PoolClient, sql: string, values: unknown[]) {
    if (BEGIN.test(sql)) inTransaction.add(client);
    else if (END.test(sql)) inTransaction.delete(client);
    const name = nameOf(client, sql);
    if (name === null) return client.query(sql, values);
    try {
      return await client.query({ name, text: sql, values });
    } catch (error) {
      if (!planChanged(error)) throw error;
      unnamed.add(sql);
      if (inTransaction.has(client)) throw error;
      return client.query(sql, values);
    }
  }

  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    // Kysely passes SQL with its parameters, or a cursor (streaming), which goes through as it is.
    const query = (sqlOrCursor: unknown, parameters?: readonly unknown[]): unknown =>
      typeof sqlOrCursor === 'string' ? run(client, sqlOrCursor, [...(parameters ?? [])]) : client.query(sqlOrCursor as pg.Submittable);
    return {
      query: query as PostgresPoolClient['query'],
      release: (destroy?: boolean) => {
        checkedOut.delete(client);
        client.release(destroy);
      },
    };
  };

  const connect = async () => {
    const client = await pool.connect();
    checkedOut.add(client);
    if (!listening.has(client)) {
      listening.add(client);
      // While idle, the pool reports the error itself (its 'error' event); here only checked-out clients report.
      client.on('error', (error: Error) => {
        if (checkedOut.has(client)) onConnectionError(error);
      });
    }
    return wrap(client);
  };

  return {
    connect,
    end: () => pool.end(),
    nameStatements: () => {
      naming = true;
    },
  };
}
