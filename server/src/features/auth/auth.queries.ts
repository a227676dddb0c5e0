import { sql } from 'kysely';
import { prepared } from '../../db/prepared.ts';
import type { Executor, LoginThrottleTable, PatientsTable, SessionsTable, UsersTable } from '../../db/types.ts';

export async function findUserByEmail(db: Executor, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, user: UsersTable): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** Inserts the user unless one with the same email exists (another process got there first); true when inserted. */
export async function insertUserUnlessEmailTaken(db: Executor, user: UsersTable): Promise<boolean> {
  const inserted = await db.insertInto('users').values(user).onConflict((oc) => oc.column('email').doNothing()).returning('id').execute();
  return inserted.length > 0;
}

export async function updateUserPassword(db: Executor, id: string, passwordHash: string, at: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0, updated_at: at }).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertPatient(db: Executor, patient: PatientsTable): Promise<void> {
  await db.insertInto('patients').values(patient).execute();
}

export async function insertSession(db: Executor, session: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The absolute session lifetime new sessions get. */
export async function findSessionAbsoluteHours(db: Executor): Promise<number> {
  const row = await db.selectFrom('settings').select('session_absolute_hours').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.session_absolute_hours);
}

/** A session that is not revoked, of an active user, with the hospital's current session timeouts. */
const liveSession = prepared((db: Executor, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('settings', (join) => join.on('settings.id', '=', 1))
    .leftJoin('patients', 'patients.user_id', 'users.id')
    .leftJoin('doctors', 'doctors.user_id', 'users.id')
    .leftJoin('mfa_totp', 'mfa_totp.user_id', 'users.id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'settings.session_idle_minutes as idleMinutes',
      'settings.session_absolute_hours as absoluteHours',
      'users.id as userId',
      'users.email as email',
      'users.name as name',
      'users.role as role',
      'users.must_change_password as mustChangePassword',
      'patients.id as patientId',
      'doctors.id as doctorId',
      'settings.mfa_required_for_staff as mfaRequiredForStaff',
      'mfa_totp.confirmed_at as totpConfirmedAt',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('users.active', '=', 1),
);

/** Every signed-in request asks this: its SQL is built once (db/prepared.ts). */
export async function findLiveSession(db: Executor, id: string) {
  const [row] = await liveSession(db, id);
  return row;
}

export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Revokes every live session of a user, except `keepId` when given. */
export async function revokeUserSessions(db: Executor, userId: string, at: string, keepId: string | null): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keepId) query = query.where('id', '!=', keepId);
  await query.execute();
}

export async function findThrottle(db: Executor, key: string): Promise<LoginThrottleTable | undefined> {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Counts one more failure for the key (starting again from 1 when the last one is older than windowStart). */
export async function incrementThrottle(db: Executor, key: string, at: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, last_failure_at: at, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_throttle.last_failure_at < ${windowStart} then 1 else login_throttle.failures + 1 end`,
        last_failure_at: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function blockThrottle(db: Executor, key: string, until: string): Promise<void> {
  await db.updateTable('login_throttle').set({ blocked_until: until }).where('key', '=', key).execute();
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Removes every key that starts with the prefix (compared as text, so `%` and `_` in an email are plain). */
export async function clearThrottlePrefix(db: Executor, prefix: string): Promise<void> {
  await db.deleteFrom('login_throttle').where(sql<string>`substr(key, 1, ${prefix.length})`, '=', prefix).execute();
}
