import type { Executor, NotificationsTable } from '../../db/types.ts';

export async function insertNotification(db: Executor, row: NotificationsTable): Promise<void> {
  await db.insertInto('notifications').values(row).execute();
}
