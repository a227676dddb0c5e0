import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES } from '#shared/appointments';
import { AUDIT_OUTCOMES } from '#shared/audit';
import { CONSULTATION_STATUSES } from '#shared/consultations';
import { HISTORY_KINDS } from '#shared/history';
import { BLOOD_GROUPS, GENDERS } from '#shared/people';
import { PRESCRIPTION_STATUSES } from '#shared/prescriptions';
import { ROLES } from '#shared/roles';
import { TEMPERATURE_UNITS } from '#shared/vitals';
import { dialectsUnderTest, freshDatabase } from '../test/harness.ts';
import type { DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';

/*
 * The database's CHECK constraints and the shared vocabularies are one list: after every migration, the values a
 * column accepts are exactly those in shared/ (which the Kysely table types, the API schemas and the web use).
 */

const COLUMNS: { table: string; column: string; vocabulary: readonly string[] }[] = [
  { table: 'users', column: 'role', vocabulary: ROLES },
  { table: 'audit_log', column: 'outcome', vocabulary: AUDIT_OUTCOMES },
  { table: 'patients', column: 'gender', vocabulary: GENDERS },
  { table: 'patients', column: 'blood_group', vocabulary: BLOOD_GROUPS },
  { table: 'medical_history', column: 'kind', vocabulary: HISTORY_KINDS },
  { table: 'appointments', column: 'status', vocabulary: APPOINTMENT_STATUSES },
  { table: 'consultations', column: 'status', vocabulary: CONSULTATION_STATUSES },
  { table: 'prescriptions', column: 'status', vocabulary: PRESCRIPTION_STATUSES },
  { table: 'settings', column: 'temperature_unit', vocabulary: TEMPERATURE_UNITS },
];

const quoted = (list: string) => [...list.matchAll(/'((?:[^']|'')*)'/g)].map((match) => (match[1] ?? '').replaceAll("''", "'"));

/** The values the CHECK constraints (or, on SQLite, triggers) of `table` allow in `column`: `column in (...)` or `column = ANY (ARRAY[...])`. */
async function allowedValues(handle: DbHandle, table: string, column: string): Promise<string[]> {
  const found = new Set<string>();
  if (handle.dialect === 'sqlite') {
    // The table's own CHECKs, and the triggers that stand in for a CHECK added after the table was created.
    const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type in ('table', 'trigger') and tbl_name = ${table}`.execute(handle.db);
    const pattern = new RegExp(`(?<![\\w.])(?:new\\.)?"?${column}"?\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)`, 'gi');
    for (const row of rows) for (const match of row.sql.matchAll(pattern)) for (const value of quoted(match[1] ?? '')) found.add(value);
  } else {
    const { rows } = await sql<{ def: string }>`select pg_get_constraintdef(c.oid) as def from pg_constraint c
      join pg_class t on t.oid = c.conrelid where t.relname = ${table} and c.contype = 'c'`.execute(handle.db);
    const pattern = new RegExp(`\\(?${column}\\)?\\s*=\\s*ANY\\s*\\(+ARRAY\\[([^\\]]*)\\]`, 'gi');
    for (const row of rows) for (const match of row.def.matchAll(pattern)) for (const value of quoted(match[1] ?? '')) found.add(value);
  }
  return [...found].sort();
}

describe.each(dialectsUnderTest())('the database vocabularies on %s', (dialect) => {
  let handle: DbHandle;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, drop } = await freshDatabase(dialect));
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.db.destroy();
    await drop?.();
  });

  it.each(COLUMNS.map((entry) => [`${entry.table}.${entry.column}`, entry] as const))('%s accepts exactly the shared vocabulary', async (_name, entry) => {
    expect(await allowedValues(handle, entry.table, entry.column)).toEqual([...entry.vocabulary].sort());
  });
});
