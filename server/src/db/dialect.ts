import { SqliteAdapter, type Kysely } from 'kysely';

/** For the few places (migrations, db/) that must branch on the dialect. */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
