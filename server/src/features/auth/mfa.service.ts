import type { Executor } from '../../db/types.ts';
import { findTotp } from './mfa.queries.ts';

/** True when the user has a confirmed second factor. */
export async function userHasSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const totp = await findTotp(db, userId);
  return Boolean(totp?.confirmed_at);
}
