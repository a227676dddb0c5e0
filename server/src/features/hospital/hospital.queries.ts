import type { Executor, SettingsTable } from '../../db/types.ts';

export async function findSettings(db: Executor): Promise<SettingsTable | undefined> {
  return db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Inserts the settings row unless it exists. */
export async function insertDefaultSettings(db: Executor, row: SettingsTable): Promise<void> {
  await db.insertInto('settings').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
}
