import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/types.ts';
import { findKnownDevice, upsertKnownDevice } from './devices.queries.ts';

/**
 * Device cookies (OWASP "Slow down online guessing attacks with device cookies"): a browser that signed in to an
 * account before carries a random token; for that account it meets only its own short delays, never the lock
 * that strangers' guesses put on the account. Only a hash of (user, token) is stored, so one browser may be
 * known to several accounts and a leaked table opens nothing.
 */
export const DEVICE_COOKIE = 'hms_device';
export const DEVICE_COOKIE_DAYS = 365;

const deviceId = (userId: string, token: string) => createHash('sha256').update(`${userId}:${token}`).digest('hex');
const plausible = (token: string | undefined): token is string => typeof token === 'string' && token.length >= 20 && token.length <= 100;

/** The id of this browser's device record for the user, when the browser signed in to that account before. */
export async function knownDeviceOf(db: Executor, userId: string, token: string | undefined): Promise<string | null> {
  if (!plausible(token)) return null;
  const id = deviceId(userId, token);
  const row = await findKnownDevice(db, id);
  return row?.user_id === userId ? id : null;
}

/** After a successful sign-in: remembers the browser (keeping its token, or giving it one) and answers the token. */
export async function rememberDevice(db: Executor, now: Date, userId: string, token: string | undefined): Promise<string> {
  const kept = plausible(token) ? token : randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await upsertKnownDevice(db, { id: deviceId(userId, kept), user_id: userId, created_at: at, last_used_at: at });
  return kept;
}
