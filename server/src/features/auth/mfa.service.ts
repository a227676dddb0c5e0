import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { Deps } from '../../deps.ts';
import type { Executor, Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findUserById } from './auth.queries.ts';
import {
  advanceTotpStep, countChallengeFailure, countUnusedRecoveryCodes, deleteFactors, findChallenge, findTotp, insertChallenge,
  replaceRecoveryCodes, upsertPendingTotp, useChallenge, useRecoveryCode,
} from './mfa.queries.ts';
import { createSession, type NewSession } from './sessions.ts';
import { matchingStep, newTotpSecret, totpFor } from './totp.ts';

export const MFA_COOKIE = 'hms_mfa';
/** After the password, the second factor must follow within this time and these attempts. */
export const CHALLENGE_MINUTES = 5;
const CHALLENGE_MAX_FAILURES = 5;
const RECOVERY_CODE_COUNT = 10;
export const MFA_METHODS = ['totp', 'recovery_code'] as const;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
/** Recovery codes are typed by hand: compared without dashes, spaces or case. */
const recoveryHash = (code: string): string => sha256(code.replace(/[\s-]/g, '').toLowerCase());
const codeInvalid = () => new AppError(401, 'MFA_CODE_INVALID', 'The code is not right, or was already used');

/** True when the user has a confirmed second factor. */
export async function userHasSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const totp = await findTotp(db, userId);
  return Boolean(totp?.confirmed_at);
}

async function hospitalName(db: Executor): Promise<string> {
  const row = await db.selectFrom('settings').select('hospital_name').where('id', '=', 1).executeTakeFirst();
  return row?.hospital_name ?? 'HMS';
}

export async function getMfaStatus(deps: Deps, actor: Actor) {
  const totp = await findTotp(deps.db, actor.userId);
  return { totp: Boolean(totp?.confirmed_at), recoveryCodesLeft: totp?.confirmed_at ? await countUnusedRecoveryCodes(deps.db, actor.userId) : 0 };
}

/** A new secret for an authenticator app, as text and as a QR code; it counts only once a code confirms it. */
export async function startTotpEnrolment(deps: Deps, actor: Actor) {
  const now = deps.clock.now();
  const existing = await findTotp(deps.db, actor.userId);
  if (existing?.confirmed_at) throw new AppError(409, 'MFA_ALREADY_ENROLLED', 'An authenticator app is already set up; an administrator can reset it');
  const secret = newTotpSecret();
  await upsertPendingTotp(deps.db, { user_id: actor.userId, secret, created_at: now.toISOString(), confirmed_at: null, last_used_step: null });
  const otpauthUri = totpFor(secret, await hospitalName(deps.db), actor.email).toString();
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).toString('hex');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
}

/** Confirms the pending secret with a code from the app; answers the recovery codes, shown this once. */
export async function confirmTotp(deps: Deps, actor: Actor, ip: string | null, code: string): Promise<{ recoveryCodes: string[] }> {
  const now = deps.clock.now();
  const pending = await findTotp(deps.db, actor.userId);
  if (!pending || pending.confirmed_at) throw new AppError(409, 'INVALID_TRANSITION', 'Start the enrolment first');
  const step = matchingStep(totpFor(pending.secret, 'HMS', actor.email), code, now.getTime());
  if (step === null) throw new AppError(400, 'MFA_CODE_INVALID', 'The code is not right: check the app and try again', [{ path: '/code', message: 'The code is not right' }]);
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await advanceTotpStep(trx, actor.userId, step, now.toISOString()))) throw codeInvalid();
    await replaceRecoveryCodes(trx, actor.userId, codes.map((c) => ({ id: newId(), user_id: actor.userId, code_hash: recoveryHash(c), created_at: now.toISOString(), used_at: null })));
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'auth.mfa_enrol', entityType: 'user', entityId: actor.userId, outcome: 'success', ip, details: { method: 'totp' } });
  });
  return { recoveryCodes: codes };
}

/** After a right password: a short-lived challenge instead of a session. Answers the token for the cookie. */
export async function createChallenge(trx: Trx, now: Date, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  await insertChallenge(trx, { id: sha256(token), user_id: userId, purpose: 'verify', created_at: now.toISOString(), expires_at: expiresAt.toISOString(), failures: 0, used_at: null });
  return { token, expiresAt };
}

export interface FactorAnswer {
  code?: string | undefined;
  recoveryCode?: string | undefined;
}

/** Checks the second factor of a pending sign-in; a right one ends the challenge and opens the session. */
export async function verifyChallenge(
  deps: Deps, client: { ip: string | null; userAgent: string | null }, token: string | undefined, answer: FactorAnswer,
): Promise<{ session: NewSession; userId: string }> {
  const now = deps.clock.now();
  const id = token ? sha256(token) : '';
  const challenge = id ? await findChallenge(deps.db, id) : undefined;
  if (!challenge || challenge.used_at || Date.parse(challenge.expires_at) <= now.getTime() || challenge.failures >= CHALLENGE_MAX_FAILURES) {
    throw new AppError(401, 'MFA_CHALLENGE_INVALID', 'The sign-in has expired: enter your email and password again');
  }
  const user = await findUserById(deps.db, challenge.user_id);
  const totp = await findTotp(deps.db, challenge.user_id);
  if (!user || user.active !== 1 || !totp?.confirmed_at) throw new AppError(401, 'MFA_CHALLENGE_INVALID', 'The sign-in has expired: enter your email and password again');
  const at = now.toISOString();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    let method: 'totp' | 'recovery_code';
    let ok: boolean;
    if (answer.recoveryCode) {
      method = 'recovery_code';
      ok = await useRecoveryCode(trx, user.id, recoveryHash(answer.recoveryCode), at);
    } else {
      method = 'totp';
      const step = matchingStep(totpFor(totp.secret, 'HMS', user.email), answer.code ?? '', now.getTime());
      ok = step !== null && (await advanceTotpStep(trx, user.id, step, null));
    }
    if (!ok) {
      await countChallengeFailure(trx, id);
      await writeAudit(trx, now, { actorId: user.id, actorRole: user.role, action: 'auth.mfa_verify', entityType: 'user', entityId: user.id, outcome: 'failure', ip: client.ip, details: { method } });
      return null;
    }
    if (!(await useChallenge(trx, id, at))) return null;
    const session = await createSession(trx, now, user.id, client);
    await writeAudit(trx, now, { actorId: user.id, actorRole: user.role, action: 'auth.login', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip, details: { secondFactor: method } });
    return session;
  });
  if (!outcome) throw codeInvalid();
  return { session: outcome, userId: user.id };
}

/** An administrator removes a user's second factors (a lost phone): the user signs in with the password alone again. */
export async function resetFactors(deps: Deps, actor: Actor, ip: string | null, userId: string): Promise<void> {
  const now = deps.clock.now();
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('User');
  await deps.db.transaction().execute(async (trx) => {
    const removed = await deleteFactors(trx, userId);
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'auth.mfa_reset', entityType: 'user', entityId: userId, outcome: 'success', ip, details: { removed } });
  });
}
