import { sql, type Kysely } from 'kysely';

// The HMS version that last migrated this database, so that an older HMS it is handed to can say which
// version it needs instead of failing on migrations it does not know. One row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schema_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('hms_version', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
