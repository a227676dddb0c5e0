import type { Executor, SetupTokensTable } from '../../db/types.ts';

export async function insertSetupToken(db: Executor, row: SetupTokensTable): Promise<void> {
  await db.insertInto('setup_tokens').values(row).execute();
}

/** The unspent, unexpired token with this hash, if any. */
export async function findUsableSetupToken(db: Executor, tokenHash: string, now: string): Promise<SetupTokensTable | undefined> {
  return db.selectFrom('setup_tokens').selectAll()
    .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Spends the token: true for the one caller that did, false when it was spent, expired or never issued. */
export async function spendSetupToken(db: Executor, tokenHash: string, now: string): Promise<boolean> {
  const result = await db.updateTable('setup_tokens').set({ used_at: now })
    .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Tokens are useless once an administrator exists or they expired: none is kept longer than needed. */
export async function deleteSetupTokens(db: Executor): Promise<void> {
  await db.deleteFrom('setup_tokens').execute();
}

export async function deleteExpiredSetupTokens(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('setup_tokens').where('expires_at', '<=', now).execute();
}
