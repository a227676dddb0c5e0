import type { Executor } from '../../db/types.ts';

export async function findKnownDevice(db: Executor, id: string): Promise<{ user_id: string } | undefined> {
  return db.selectFrom('known_devices').select('user_id').where('id', '=', id).executeTakeFirst();
}

export async function upsertKnownDevice(db: Executor, row: { id: string; user_id: string; created_at: string; last_used_at: string }): Promise<void> {
  await db.insertInto('known_devices').values(row).onConflict((oc) => oc.column('id').doUpdateSet({ last_used_at: row.last_used_at })).execute();
}
