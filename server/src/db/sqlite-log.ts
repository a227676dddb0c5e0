import fs from 'node:fs';
import { sql } from 'kysely';
import type { Executor } from './types.ts';

/** The size in bytes of the SQLite write-ahead log (the -wal file beside the database); 0 when there is none. */
export async function sqliteLogBytes(db: Executor): Promise<number> {
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = rows[0]?.file;
  if (!file) return 0;
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
