import type { Executor, Trx } from '../../db/types.ts';
import { AppError } from '../../http/app-error.ts';
import { blockThrottle, clearThrottle, findThrottle, incrementThrottle } from './auth.queries.ts';

/**
 * Login throttling per account and per client address: after `threshold` failures within the window,
 * each further failure doubles the wait (1 min, 2, 4 … up to 15 min). Unknown emails count like known ones.
 */
const RULES = {
  email: { threshold: 5, windowMs: 15 * 60_000 },
  ip: { threshold: 20, windowMs: 15 * 60_000 },
} as const;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 15 * 60_000;

export type ThrottleKind = keyof typeof RULES;
export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value}`;

/** Throws 429 RATE_LIMITED with Retry-After when any of the keys is blocked now. */
export async function assertNotThrottled(db: Executor, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await findThrottle(db, key);
    if (row?.blocked_until && Date.parse(row.blocked_until) > now.getTime()) {
      const seconds = Math.ceil((Date.parse(row.blocked_until) - now.getTime()) / 1000);
      throw new AppError(429, 'RATE_LIMITED', `Too many failed sign-in attempts. Try again in ${seconds} seconds.`, undefined, {
        'retry-after': String(seconds),
      });
    }
  }
}

export async function recordLoginFailure(trx: Trx, kind: ThrottleKind, value: string, now: Date): Promise<void> {
  const rule = RULES[kind];
  const key = throttleKey(kind, value);
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
  const failures = await incrementThrottle(trx, key, at, windowStart);
  if (failures >= rule.threshold) {
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - rule.threshold));
    await blockThrottle(trx, key, new Date(now.getTime() + delay).toISOString());
  }
}

export const clearLoginFailures = (db: Executor, kind: ThrottleKind, value: string) => clearThrottle(db, throttleKey(kind, value));
