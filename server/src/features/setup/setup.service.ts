import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/types.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { countActiveAdmins, findUserByEmail, insertUser } from '../auth/auth.queries.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { deleteExpiredSetupTokens, deleteSetupTokens, findUsableSetupToken, insertSetupToken, spendSetupToken } from './setup.queries.ts';
import type { FirstAdminInput } from './setup.schemas.ts';

/** A setup token is good for one hour after the start that printed it; a restart prints a new one. */
export const SETUP_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function administratorNeeded(db: Db): Promise<boolean> {
  return (await countActiveAdmins(db)) === 0;
}

/**
 * At start-up with no administrator: a fresh one-time token (only its hash is stored) to print in the log.
 * Null once an administrator exists (and every token left is deleted).
 */
export async function issueSetupToken(db: Db, now: Date): Promise<{ token: string; expiresAt: Date } | null> {
  if (!(await administratorNeeded(db))) {
    await deleteSetupTokens(db);
    return null;
  }
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS);
  await deleteExpiredSetupTokens(db, now.toISOString());
  await insertSetupToken(db, { id: newId(), token_hash: hashToken(token), created_at: now.toISOString(), expires_at: expiresAt.toISOString(), used_at: null });
  return { token, expiresAt };
}

const SETUP_ACTION = 'setup.admin.create';
const badToken = () => new AppError(403, 'SETUP_TOKEN_INVALID', 'The setup token is wrong, already used or expired. Restart HMS to print a new one in its log.');
const setupDone = () => new AppError(409, 'SETUP_COMPLETE', 'An administrator already exists: sign in, or ask an administrator for an account.');

async function auditDenied(db: Db, now: Date, ip: string | null, reason: string): Promise<void> {
  await db.transaction().execute((trx) => writeAudit(trx, now, { actorId: null, actorRole: null, action: SETUP_ACTION, entityType: 'user', outcome: 'denied', ip, details: { reason } }));
}

/**
 * The first-run screen: creates the first administrator with the token printed at start-up. The token is checked
 * before the (slow) password hash and spent in the same transaction that creates the account, which also checks
 * that still no administrator exists: two tabs racing with one token create one administrator.
 */
export async function createFirstAdmin(db: Db, now: Date, ip: string | null, body: FirstAdminInput): Promise<{ id: string; email: string }> {
  const email = normalizeEmail(body.email);
  const at = now.toISOString();
  const tokenHash = hashToken(body.token);
  if (!(await administratorNeeded(db))) {
    await auditDenied(db, now, ip, 'administrator exists');
    throw setupDone();
  }
  if (!(await findUsableSetupToken(db, tokenHash, at))) {
    await auditDenied(db, now, ip, 'bad token');
    throw badToken();
  }
  const problem = passwordProblem(body.password, email);
  if (problem) throw invalid('/password', problem);
  if (await findUserByEmail(db, email)) throw new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists', [{ path: '/email', message: 'An account with this email already exists' }]);
  const passwordHash = await hashPassword(body.password);
  const id = newId();
  const outcome = await db.transaction().execute(async (trx) => {
    if ((await countActiveAdmins(trx)) > 0) return 'done' as const;
    if (!(await spendSetupToken(trx, tokenHash, at))) return 'token' as const;
    await insertUser(trx, { id, email, name: body.name.trim(), role: 'admin', password_hash: passwordHash, active: 1, must_change_password: 0, created_at: at, updated_at: at });
    await writeAudit(trx, now, { actorId: id, actorRole: 'admin', action: SETUP_ACTION, entityType: 'user', entityId: id, outcome: 'success', ip, details: { role: 'admin', via: 'first-run screen' } });
    return 'created' as const;
  });
  if (outcome !== 'created') {
    await auditDenied(db, now, ip, outcome === 'done' ? 'administrator exists' : 'bad token');
    throw outcome === 'done' ? setupDone() : badToken();
  }
  await deleteSetupTokens(db);
  return { id, email };
}
