import { sql, type Kysely } from 'kysely';

// Session timeouts are hospital settings an administrator changes at run time; the environment only seeds them.
// One column per statement: SQLite adds a single column per ALTER TABLE.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('settings')
    .addColumn('session_idle_minutes', 'integer', (c) => c.notNull().defaultTo(30).check(sql`session_idle_minutes between 5 and 1440`))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('session_absolute_hours', 'integer', (c) => c.notNull().defaultTo(12).check(sql`session_absolute_hours between 1 and 720`))
    .execute();
}
