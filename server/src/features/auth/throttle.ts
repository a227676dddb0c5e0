import type { Executor, Trx } from '../../db/types.ts';
import { AppError } from '../../http/app-error.ts';
import { blockThrottle, clearThrottle, clearThrottlePrefix, findThrottle, incrementThrottle } from './auth.queries.ts';

/**
 * Throttling in the login_throttle table, one row per key. Sign-in: after `threshold` failures within the window,
 * each further failure doubles the wait (1 min, 2, 4 … up to 15 min); unknown emails count like known ones.
 * Password-reset requests count every request, per address asked for and per client address, and wait an hour.
 */
const MINUTE = 60_000;
const RULES = {
  email: { threshold: 5, windowMs: 15 * MINUTE, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE },
  ip: { threshold: 20, windowMs: 15 * MINUTE, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE },
  /** One account from one client address: what a stranger guessing a known email from one machine runs into. */
  'account-ip': { threshold: 5, windowMs: 15 * MINUTE, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE },
  /** A browser that signed in to this account before: delays, never a long lock. */
  device: { threshold: 10, windowMs: 15 * MINUTE, baseDelayMs: 5_000, maxDelayMs: MINUTE },
  'reset-email': { threshold: 3, windowMs: 60 * MINUTE, baseDelayMs: 60 * MINUTE, maxDelayMs: 60 * MINUTE },
  'reset-ip': { threshold: 20, windowMs: 60 * MINUTE, baseDelayMs: 60 * MINUTE, maxDelayMs: 60 * MINUTE },
  /** Wrong current passwords on the change-password form, per account. */
  'password-change': { threshold: 5, windowMs: 15 * MINUTE, baseDelayMs: MINUTE, maxDelayMs: 15 * MINUTE },
} as const;

export type ThrottleKind = keyof typeof RULES;
export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value}`;

/** Throws 429 RATE_LIMITED with Retry-After when any of the keys is blocked now. */
export async function assertNotThrottled(db: Executor, keys: string[], now: Date, what = 'failed sign-in attempts'): Promise<void> {
  for (const key of keys) {
    const row = await findThrottle(db, key);
    if (row?.blocked_until && Date.parse(row.blocked_until) > now.getTime()) {
      const seconds = Math.ceil((Date.parse(row.blocked_until) - now.getTime()) / 1000);
      throw new AppError(429, 'RATE_LIMITED', `Too many ${what}. Try again in ${seconds} seconds.`, undefined, {
        'retry-after': String(seconds),
      });
    }
  }
}

/** Counts one more failure (or, for the reset kinds, one more request) under the key. */
export async function recordLoginFailure(trx: Trx, kind: ThrottleKind, value: string, now: Date): Promise<void> {
  const rule = RULES[kind];
  const key = throttleKey(kind, value);
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const failures = await incrementThrottle(trx, key, at, windowStart);
  if (failures >= rule.threshold) {
    const delay = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.threshold));
    await blockThrottle(trx, key, new Date(now.getTime() + delay).toISOString());
  }
}

export const clearLoginFailures = (db: Executor, kind: ThrottleKind, value: string) => clearThrottle(db, throttleKey(kind, value));

/** An admin's unlock: the account's own counter and its counters per client address. */
export async function clearAccountThrottles(db: Executor, address: string): Promise<void> {
  await clearThrottle(db, throttleKey('email', address));
  await clearThrottlePrefix(db, throttleKey('account-ip', `${address}|`));
}
