import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, asRefusal, invalid } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { searchKey } from '../../text.ts';
import type { Gender } from '#shared/people';
import { writeAudit } from '../audit/audit.service.ts';
import { todayFor } from '../patients/patients.service.ts';
import { dateOfBirthProblem } from '../patients/profile.ts';
import { findUserByEmail, findUserById, insertPatient, insertUser, revokeSession, revokeUserSessions, updateUserPassword } from './auth.queries.ts';
import type { HashGate } from './hash-gate.ts';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure, throttleKey } from './throttle.ts';

export interface Client {
  ip: string | null;
  userAgent: string | null;
  /** True once the caller has hung up (a queued password check is then skipped). */
  abandoned?: () => boolean;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'The email or password is incorrect');

export interface SignedIn {
  session: NewSession;
  userId: string;
}

/** Checks the password; a wrong password, an unknown email and a deactivated account answer alike. */
export async function login(deps: Deps, hashing: HashGate, client: Client, email: string, password: string): Promise<SignedIn> {
  const address = normalizeEmail(email);
  const now = deps.clock.now();
  const ip = client.ip ?? 'unknown';
  try {
    await assertNotThrottled(deps.db, [throttleKey('email', address), throttleKey('ip', ip)], now);
  } catch (error) {
    await deps.db.transaction().execute((trx) =>
      writeAudit(trx, now, { actorId: null, actorRole: null, action: 'auth.login', entityType: 'user', outcome: 'denied', ip: client.ip, details: { reason: 'throttled' } }),
    );
    throw error;
  }
  const user = await findUserByEmail(deps.db, address);
  const stored = user?.password_hash && user.active === 1 ? user.password_hash : null;
  const ok = await hashing.run(() => (stored ? verifyPassword(stored, password) : verifyAgainstDummy(password).then(() => false)), client.abandoned);
  if (!ok || !user) {
    await deps.db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, 'email', address, now);
      await recordLoginFailure(trx, 'ip', ip, now);
      await writeAudit(trx, now, {
        actorId: user?.id ?? null, actorRole: user?.role ?? null, action: 'auth.login',
        entityType: 'user', entityId: user?.id ?? null, outcome: 'failure', ip: client.ip,
      });
    });
    throw invalidCredentials();
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, 'email', address);
    const created = await createSession(trx, now, user.id, client);
    await writeAudit(trx, now, { actorId: user.id, actorRole: user.role, action: 'auth.login', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip });
    return created;
  });
  return { session, userId: user.id };
}

export interface Registration {
  email: string;
  password: string;
  name: string;
  dateOfBirth: string;
  gender: Gender;
  phone: string;
  address?: string | undefined;
}

/** Self-registration: always a patient, with a patient profile, signed in. */
export async function registerPatient(deps: Deps, hashing: HashGate, client: Client, input: Registration): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, email);
  if (problem) throw invalid('/password', problem);
  const now = deps.clock.now();
  const birthProblem = dateOfBirthProblem(input.dateOfBirth, await todayFor(deps));
  if (birthProblem) throw invalid('/dateOfBirth', birthProblem);
  if (await findUserByEmail(deps.db, email)) throw emailTaken();
  const passwordHash = await hashing.run(() => hashPassword(input.password), client.abandoned);
  const at = now.toISOString();
  const userId = newId();
  const patientId = newId();
  try {
    const session = await deps.db.transaction().execute(async (trx) => {
      await insertUser(trx, { id: userId, email, name: input.name.trim(), role: 'patient', password_hash: passwordHash, active: 1, must_change_password: 0, created_at: at, updated_at: at });
      await insertPatient(trx, {
        id: patientId, user_id: userId, name: input.name.trim(), date_of_birth: input.dateOfBirth, gender: input.gender,
        phone: input.phone.trim(), email, address: input.address?.trim() || null, emergency_contact_name: null,
        emergency_contact_phone: null, blood_group: null, active: 1, created_at: at, updated_at: at,
        search_text: searchKey(input.name, email, input.phone),
      });
      await writeAudit(trx, now, { actorId: userId, actorRole: 'patient', action: 'auth.register', entityType: 'patient', entityId: patientId, outcome: 'success', ip: client.ip });
      return createSession(trx, now, userId, client);
    });
    return { session, userId };
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
}

const emailTaken = () =>
  new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists', [{ path: '/email', message: 'An account with this email already exists; log in instead' }]);

export async function logout(deps: Deps, actor: Actor, client: Client): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, actor.sessionId, now.toISOString());
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'auth.logout', entityType: 'user', entityId: actor.userId, outcome: 'success', ip: client.ip });
  });
}

/** Changes the password and revokes every other session of the user. */
export async function changePassword(deps: Deps, hashing: HashGate, actor: Actor, client: Client, currentPassword: string, newPassword: string): Promise<void> {
  const user = await findUserById(deps.db, actor.userId);
  const stored = user?.password_hash ?? null;
  if (!user || !stored || !(await hashing.run(() => verifyPassword(stored, currentPassword), client.abandoned))) {
    throw asRefusal(new AppError(400, 'VALIDATION_FAILED', 'The current password is incorrect', [{ path: '/currentPassword', message: 'The current password is incorrect' }]));
  }
  const problem = passwordProblem(newPassword, user.email);
  if (problem) throw invalid('/newPassword', problem);
  if (newPassword === currentPassword) throw invalid('/newPassword', 'Choose a password different from the current one');
  const passwordHash = await hashing.run(() => hashPassword(newPassword), client.abandoned);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, user.id, passwordHash, now.toISOString());
    await revokeUserSessions(trx, user.id, now.toISOString(), actor.sessionId);
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'auth.password_change', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip });
  });
}
