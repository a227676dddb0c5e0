import type { Executor, MfaChallengesTable, MfaRecoveryCodesTable, MfaTotpTable } from '../../db/types.ts';

export async function findTotp(db: Executor, userId: string): Promise<MfaTotpTable | undefined> {
  return db.selectFrom('mfa_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** A new, unconfirmed secret replaces an unconfirmed one; a confirmed one stays (the caller checked). */
export async function upsertPendingTotp(db: Executor, row: MfaTotpTable): Promise<void> {
  await db.insertInto('mfa_totp').values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret: row.secret, created_at: row.created_at, confirmed_at: null, last_used_step: null }))
    .execute();
}

/** Records the step of an accepted code, only if it is later than the last one: false means the code was replayed. */
export async function advanceTotpStep(db: Executor, userId: string, step: number, confirmedAt: string | null): Promise<boolean> {
  let query = db.updateTable('mfa_totp').set({ last_used_step: step, ...(confirmedAt ? { confirmed_at: confirmedAt } : {}) })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]));
  if (confirmedAt) query = query.where('confirmed_at', 'is', null);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteFactors(db: Executor, userId: string): Promise<number> {
  const totp = await db.deleteFrom('mfa_totp').where('user_id', '=', userId).executeTakeFirst();
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  return Number(totp.numDeletedRows);
}

export async function replaceRecoveryCodes(db: Executor, userId: string, rows: MfaRecoveryCodesTable[]): Promise<void> {
  await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
  await db.insertInto('mfa_recovery_codes').values(rows).execute();
}

/** Uses an unused recovery code of the user; false when there is none with this hash. */
export async function useRecoveryCode(db: Executor, userId: string, codeHash: string, at: string): Promise<boolean> {
  const result = await db.updateTable('mfa_recovery_codes').set({ used_at: at })
    .where('user_id', '=', userId).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('mfa_recovery_codes').select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertChallenge(db: Executor, row: MfaChallengesTable): Promise<void> {
  await db.insertInto('mfa_challenges').values(row).execute();
}

export async function findChallenge(db: Executor, id: string): Promise<MfaChallengesTable | undefined> {
  return db.selectFrom('mfa_challenges').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countChallengeFailure(db: Executor, id: string): Promise<void> {
  await db.updateTable('mfa_challenges').set((eb) => ({ failures: eb('failures', '+', 1) })).where('id', '=', id).execute();
}

/** Ends the challenge unless already ended; true when this call ended it. */
export async function useChallenge(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('mfa_challenges').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
