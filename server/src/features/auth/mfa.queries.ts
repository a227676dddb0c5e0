import type { Executor, MfaTotpTable } from '../../db/types.ts';

export async function findTotp(db: Executor, userId: string): Promise<MfaTotpTable | undefined> {
  return db.selectFrom('mfa_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}
