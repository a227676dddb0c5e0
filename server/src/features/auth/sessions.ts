import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { SECOND_FACTOR_ROLES, type Role } from '#shared/roles';
import { findLiveSession, findSessionAbsoluteHours, insertSession, touchSession } from './auth.queries.ts';

export const SESSION_COOKIE = 'hms_session';
// last_seen_at is written at most this often (a twentieth of the idle limit, at most a minute), so a busy session
// costs no write per request and the idle clock is still precise to a few seconds.
const touchIntervalMs = (idleMinutes: number) => Math.min(60_000, (idleMinutes * 60_000) / 20);
/** Requests the web makes on its own (polls, refetches) carry this header; they do not count as activity. */
export const BACKGROUND_HEADER = 'x-hms-background';

/** Only this hash of the token is stored: a leaked sessions table opens no session. */
export const sessionIdFromToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A new session, living at most the hospital's absolute session lifetime (Settings). */
export async function createSession(
  db: Executor,
  now: Date,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const sessionId = sessionIdFromToken(token);
  const expiresAt = new Date(now.getTime() + (await findSessionAbsoluteHours(db)) * 3_600_000);
  await insertSession(db, {
    id: sessionId,
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    revoked_at: null,
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, sessionId, csrfToken, expiresAt };
}

/**
 * The actor behind a session token, or null when the session is unknown, revoked, idle too long or past its lifetime.
 * The timeouts are the current settings, so lowering one also ends the open sessions it now exceeds.
 */
export async function resolveSession(db: Executor, now: Date, token: string, options: { background?: boolean } = {}): Promise<Actor | null> {
  if (token.length < 20 || token.length > 100) return null;
  const row = await findLiveSession(db, sessionIdFromToken(token));
  if (!row) return null;
  const lastSeen = Date.parse(row.lastSeenAt);
  const lifetimeEnd = Math.min(Date.parse(row.expiresAt), Date.parse(row.createdAt) + Number(row.absoluteHours) * 3_600_000);
  if (lifetimeEnd <= now.getTime()) return null;
  if (lastSeen + Number(row.idleMinutes) * 60_000 <= now.getTime()) return null;
  const idleMinutes = Number(row.idleMinutes);
  if (!options.background && now.getTime() - lastSeen >= touchIntervalMs(idleMinutes)) await touchSession(db, row.sessionId, now.toISOString());
  const role = row.role as Role;
  return {
    userId: row.userId,
    role,
    email: row.email,
    name: row.name,
    patientId: row.patientId ?? null,
    doctorId: row.doctorId ?? null,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword === 1,
    mustEnrolSecondFactor: Number(row.mfaRequiredForStaff) === 1 && SECOND_FACTOR_ROLES.includes(role) && !row.totpConfirmedAt,
    idleMinutes,
  };
}
