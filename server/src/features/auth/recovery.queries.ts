import type { Executor, PasswordResetTokensTable } from '../../db/types.ts';

export async function insertResetToken(db: Executor, row: PasswordResetTokensTable): Promise<void> {
  await db.insertInto('password_reset_tokens').values(row).execute();
}

export async function findResetToken(db: Executor, id: string): Promise<PasswordResetTokensTable | undefined> {
  return db.selectFrom('password_reset_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks the token used unless it already is (or has expired); true when this call used it. */
export async function useResetToken(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every other open link of the user (a new password makes the older links pointless). */
export async function retireResetTokens(db: Executor, userId: string, at: string): Promise<void> {
  await db.updateTable('password_reset_tokens').set({ used_at: at }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}
