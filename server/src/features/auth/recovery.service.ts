import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { enqueueAccountEmail } from '../notifications/outbox.ts';
import { findUserByEmail, findUserById, revokeUserSessions, updateUserPassword } from './auth.queries.ts';
import type { Client } from './auth.service.ts';
import type { HashGate } from './hash-gate.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { findResetToken, insertResetToken, retireResetTokens, useResetToken } from './recovery.queries.ts';
import { userHasSecondFactor } from './mfa.service.ts';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure, throttleKey } from './throttle.ts';

/** A reset link works once, for this long. */
export const RESET_TOKEN_MINUTES = 30;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const normalizeAddress = (email: string): string => email.trim().toLowerCase();

/** A link into the web app: absolute when HMS_PUBLIC_URL is set (never built from the request's Host header). */
export function appLink(deps: Deps, pathAndQuery: string): string {
  return deps.config.publicUrl ? `${deps.config.publicUrl.replace(/\/$/, '')}${pathAndQuery}` : pathAndQuery;
}

const invalidToken = () => new AppError(400, 'RESET_TOKEN_INVALID', 'This reset link is invalid, already used or expired: ask for a new one');

/**
 * Sends a single-use reset link when the address belongs to an active account; answers alike either way.
 * Throttled per address asked for and per client address, counting unknown addresses too.
 */
export async function requestPasswordReset(deps: Deps, client: Client, email: string): Promise<void> {
  const address = normalizeAddress(email);
  const ip = client.ip ?? 'unknown';
  const now = deps.clock.now();
  await assertNotThrottled(deps.db, [throttleKey('reset-email', address), throttleKey('reset-ip', ip)], now, 'password-reset requests');
  const user = await findUserByEmail(deps.db, address);
  await deps.db.transaction().execute(async (trx) => {
    await recordLoginFailure(trx, 'reset-email', address, now);
    await recordLoginFailure(trx, 'reset-ip', ip, now);
    if (!user || user.active !== 1) {
      await writeAudit(trx, now, { actorId: null, actorRole: null, action: 'auth.password_reset_request', entityType: 'user', outcome: 'failure', ip: client.ip, details: { reason: 'unknown email' } });
      return;
    }
    const token = randomBytes(32).toString('base64url');
    await insertResetToken(trx, {
      id: hashToken(token), user_id: user.id, created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000).toISOString(), used_at: null,
    });
    await enqueueAccountEmail(trx, now, {
      userId: user.id, recipient: user.email, recipientName: user.name, kind: 'account.password_reset', title: 'Reset your password',
      body: `Someone (hopefully you) asked to reset the password of your account. The link below works once, for ${RESET_TOKEN_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
      link: { label: 'Choose a new password', url: appLink(deps, `/reset-password?token=${token}`) },
    });
    await writeAudit(trx, now, { actorId: null, actorRole: null, action: 'auth.password_reset_request', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip });
  });
}

/** Sets the new password from a reset link: every session of the user ends, the user is told by email. */
export async function confirmPasswordReset(deps: Deps, hashing: HashGate, client: Client, token: string, newPassword: string): Promise<void> {
  const now = deps.clock.now();
  const id = hashToken(token);
  const row = await findResetToken(deps.db, id);
  const user = row ? await findUserById(deps.db, row.user_id) : undefined;
  if (!row || !user || user.active !== 1 || row.used_at !== null || Date.parse(row.expires_at) <= now.getTime()) {
    await deps.db.transaction().execute((trx) =>
      writeAudit(trx, now, { actorId: null, actorRole: null, action: 'auth.password_reset', entityType: 'user', entityId: user?.id ?? null, outcome: 'failure', ip: client.ip, details: { reason: 'invalid token' } }));
    throw invalidToken();
  }
  const problem = passwordProblem(newPassword, user.email, await userHasSecondFactor(deps.db, user.id));
  if (problem) throw invalid('/newPassword', problem);
  const passwordHash = await hashing.run(() => hashPassword(newPassword), client.abandoned);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await useResetToken(trx, id, at))) throw invalidToken();
    await retireResetTokens(trx, user.id, at);
    await updateUserPassword(trx, user.id, passwordHash, at);
    await revokeUserSessions(trx, user.id, at, null);
    await clearLoginFailures(trx, 'email', user.email);
    await enqueueAccountEmail(trx, now, {
      userId: user.id, recipient: user.email, recipientName: user.name, kind: 'account.password_changed', title: 'Your password was changed',
      body: 'The password of your account was just changed with a reset link, and every open session was signed out. If this was not you, reset your password again at once and tell the hospital.',
      link: { label: 'Sign in', url: appLink(deps, '/login') },
    });
    await writeAudit(trx, now, { actorId: user.id, actorRole: user.role, action: 'auth.password_reset', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip });
  });
}
