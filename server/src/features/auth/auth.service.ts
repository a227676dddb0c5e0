import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { searchKey } from '../../text.ts';
import type { Gender } from '#shared/people';
import type { Trx, UsersTable } from '../../db/types.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { todayFor } from '../patients/patients.service.ts';
import { dateOfBirthProblem } from '../patients/profile.ts';
import { enqueueAccountEmail } from '../notifications/outbox.ts';
import { findUserByEmail, findUserById, insertPatient, insertUser, revokeSession, revokeUserSessions, updateUserPassword } from './auth.queries.ts';
import type { HashGate } from './hash-gate.ts';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { createChallenge, userHasSecondFactor } from './mfa.service.ts';
import { appLink } from './recovery.service.ts';
import { createSession, type NewSession } from './sessions.ts';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure, throttleKey, type ThrottleKind } from './throttle.ts';
import { knownDeviceOf } from './devices.ts';

export interface Client {
  ip: string | null;
  userAgent: string | null;
  /** True once the caller has hung up (a queued password check is then skipped). */
  abandoned?: () => boolean;
  /** The browser's device cookie (devices.ts), if any. */
  deviceToken?: string | undefined;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'The email or password is incorrect');

export interface SignedIn {
  session: NewSession;
  userId: string;
}

/** Checks the password; a wrong password, an unknown email and a deactivated account answer alike. */
/** The password was right and a second factor is due: no session yet, a challenge for the hms_mfa cookie. */
export interface SecondFactorDue {
  mfa: { token: string; expiresAt: Date };
}

export async function login(deps: Deps, hashing: HashGate, client: Client, email: string, password: string): Promise<SignedIn | SecondFactorDue> {
  const address = normalizeEmail(email);
  const now = deps.clock.now();
  const ip = client.ip ?? 'unknown';
  const user = await findUserByEmail(deps.db, address);
  // A browser that signed in to this account before meets only its own delays; any other client the account's,
  // the (account, address) pair's and the address's.
  const device = user ? await knownDeviceOf(deps.db, user.id, client.deviceToken) : null;
  const counters: [ThrottleKind, string][] = device ? [['device', device]] : [['email', address], ['account-ip', `${address}|${ip}`], ['ip', ip]];
  try {
    await assertNotThrottled(deps.db, counters.map(([kind, value]) => throttleKey(kind, value)), now);
  } catch (error) {
    await deps.db.transaction().execute((trx) =>
      writeAudit(trx, now, { actorId: null, actorRole: null, action: 'auth.login', entityType: 'user', outcome: 'denied', ip: client.ip, details: { reason: 'throttled', knownDevice: device !== null } }),
    );
    throw error;
  }
  const stored = user?.password_hash && user.active === 1 ? user.password_hash : null;
  const ok = await hashing.run(() => (stored ? verifyPassword(stored, password) : verifyAgainstDummy(password).then(() => false)), client.abandoned);
  if (!ok || !user) {
    await deps.db.transaction().execute(async (trx) => {
      for (const [kind, value] of counters) await recordLoginFailure(trx, kind, value, now);
      await writeAudit(trx, now, {
        actorId: user?.id ?? null, actorRole: user?.role ?? null, action: 'auth.login',
        entityType: 'user', entityId: user?.id ?? null, outcome: 'failure', ip: client.ip,
      });
    });
    throw invalidCredentials();
  }
  if (await userHasSecondFactor(deps.db, user.id)) {
    const challenge = await deps.db.transaction().execute(async (trx) => {
      await clearCounters(trx, counters);
      await writeAudit(trx, now, { actorId: user.id, actorRole: user.role, action: 'auth.login_password', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip, details: { next: 'second factor' } });
      return createChallenge(trx, now, user.id);
    });
    return { mfa: challenge };
  }
  const session = await deps.db.transaction().execute(async (trx) => {
    await clearCounters(trx, counters);
    const created = await createSession(trx, now, user.id, client);
    await writeAudit(trx, now, { actorId: user.id, actorRole: user.role, action: 'auth.login', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip });
    return created;
  });
  return { session, userId: user.id };
}

/** A right password clears the counters of this client (not the address's, which other accounts' guesses fill). */
async function clearCounters(trx: Trx, counters: [ThrottleKind, string][]): Promise<void> {
  for (const [kind, value] of counters) if (kind !== 'ip') await clearLoginFailures(trx, kind, value);
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

/** An address that already has an account: nothing is created, the owner is told by email (no enumeration). */
export interface AlreadyRegistered {
  alreadyRegistered: true;
}

/**
 * Self-registration: always a patient, with a patient profile, signed in. An address that already has an account
 * gets the neutral answer, after the same password hashing, and its owner an email.
 */
export async function registerPatient(deps: Deps, hashing: HashGate, client: Client, input: Registration): Promise<SignedIn | AlreadyRegistered> {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, email);
  if (problem) throw invalid('/password', problem);
  const now = deps.clock.now();
  const birthProblem = dateOfBirthProblem(input.dateOfBirth, await todayFor(deps));
  if (birthProblem) throw invalid('/dateOfBirth', birthProblem);
  const existing = await findUserByEmail(deps.db, email);
  const passwordHash = await hashing.run(() => hashPassword(input.password), client.abandoned);
  if (existing) {
    await tellOwnerOfSignUpAttempt(deps, client, existing);
    return { alreadyRegistered: true };
  }
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
    // Another registration of the same address won the race: its owner is that other request.
    if (constraintViolation(error)?.kind === 'unique') return { alreadyRegistered: true };
    throw error;
  }
}

async function tellOwnerOfSignUpAttempt(deps: Deps, client: Client, owner: UsersTable): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (owner.active === 1) {
      await enqueueAccountEmail(trx, now, {
        userId: owner.id, recipient: owner.email, recipientName: owner.name, kind: 'account.sign_up_attempt', title: 'Someone tried to register with your email',
        body: 'Someone tried to create a new account with this email address, which already has one. If it was you, sign in instead; if you forgot your password, choose a new one with the link below. If it was not you, you can ignore this email.',
        link: { label: 'Reset your password', url: appLink(deps, '/forgot-password') },
      });
    }
    await writeAudit(trx, now, { actorId: null, actorRole: null, action: 'auth.register', entityType: 'user', entityId: owner.id, outcome: 'denied', ip: client.ip, details: { reason: 'email already registered' } });
  });
}

export async function logout(deps: Deps, actor: Actor, client: Client): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, actor.sessionId, now.toISOString());
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'auth.logout', entityType: 'user', entityId: actor.userId, outcome: 'success', ip: client.ip });
  });
}

/** Changes the password and revokes every other session of the user. */
export async function changePassword(deps: Deps, hashing: HashGate, actor: Actor, client: Client, currentPassword: string, newPassword: string): Promise<void> {
  const started = deps.clock.now();
  const audit = (outcome: 'failure' | 'denied', reason: string) => (trx: Trx) =>
    writeAudit(trx, started, { actorId: actor.userId, actorRole: actor.role, action: 'auth.password_change', entityType: 'user', entityId: actor.userId, outcome, ip: client.ip, details: { reason } });
  try {
    await assertNotThrottled(deps.db, [throttleKey('password-change', actor.userId)], started, 'wrong current passwords');
  } catch (error) {
    await deps.db.transaction().execute(audit('denied', 'throttled'));
    throw error;
  }
  const user = await findUserById(deps.db, actor.userId);
  const stored = user?.password_hash ?? null;
  if (!user || !stored || !(await hashing.run(() => verifyPassword(stored, currentPassword), client.abandoned))) {
    await deps.db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, 'password-change', actor.userId, started);
      await audit('failure', 'wrong current password')(trx);
    });
    const refusal = new AppError(400, 'VALIDATION_FAILED', 'The current password is incorrect', [{ path: '/currentPassword', message: 'The current password is incorrect' }]);
    refusal.audited = true;
    throw refusal;
  }
  const problem = passwordProblem(newPassword, user.email, await userHasSecondFactor(deps.db, user.id));
  if (problem) throw invalid('/newPassword', problem);
  if (newPassword === currentPassword) throw invalid('/newPassword', 'Choose a password different from the current one');
  const passwordHash = await hashing.run(() => hashPassword(newPassword), client.abandoned);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, user.id, passwordHash, now.toISOString());
    await clearLoginFailures(trx, 'password-change', user.id);
    await revokeUserSessions(trx, user.id, now.toISOString(), actor.sessionId);
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'auth.password_change', entityType: 'user', entityId: user.id, outcome: 'success', ip: client.ip });
  });
}
