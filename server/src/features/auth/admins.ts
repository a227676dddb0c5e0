import type { Db } from '../../db/types.ts';
import { AppError } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { countActiveAdmins, findUserByEmail, insertUser, insertUserUnlessEmailTaken } from './auth.queries.ts';
import { normalizeEmail } from './auth.service.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

/**
 * Creates an administrator; `via` names where the request came from (start-up or the CLI) for the audit log.
 * With `racing`, a user of that email inserted meanwhile (another process starting at the same moment) is no
 * error: nothing is written and the answer is null.
 */
export async function createAdmin(db: Db, now: Date, input: { email: string; password: string; name?: string }, via: string, racing = false): Promise<string | null> {
  const email = normalizeEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new AppError(400, 'VALIDATION_FAILED', `"${input.email}" is not an email address`);
  const problem = passwordProblem(input.password, email);
  if (problem) throw new AppError(400, 'VALIDATION_FAILED', `The administrator password is not acceptable: ${problem}`);
  if (await findUserByEmail(db, email)) {
    // Another process starting at the same moment created it between our count and this check.
    if (racing) return null;
    throw new AppError(409, 'EMAIL_TAKEN', `A user with the email ${email} already exists`);
  }
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const at = now.toISOString();
  const created = await db.transaction().execute(async (trx) => {
    const user = { id, email, name: input.name ?? 'Administrator', role: 'admin' as const, password_hash: passwordHash, active: 1, must_change_password: 0, created_at: at, updated_at: at };
    if (!racing) await insertUser(trx, user);
    else if (!(await insertUserUnlessEmailTaken(trx, user))) return false;
    await writeAudit(trx, now, { actorId: null, actorRole: null, action: 'user.create', entityType: 'user', entityId: id, outcome: 'success', details: { role: 'admin', via } });
    return true;
  });
  return created ? id : null;
}

/**
 * On start-up: the configured first administrator, only when no active administrator exists. Processes that start
 * together on an empty database all see none; the insert makes one of them create it and the others do nothing.
 */
export async function ensureFirstAdmin(db: Db, now: Date, email: string | null, password: string | null): Promise<boolean> {
  if (!email || !password) return false;
  if ((await countActiveAdmins(db)) > 0) return false;
  return (await createAdmin(db, now, { email, password }, 'HMS_ADMIN_EMAIL', true)) !== null;
}
