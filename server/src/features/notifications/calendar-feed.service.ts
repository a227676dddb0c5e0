import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/app-error.ts';
import { recordAudit, writeAudit } from '../audit/audit.service.ts';
import { deleteCalendarFeed, findFeedOwner, listFeedAppointments, upsertCalendarFeed } from './calendar-feed.queries.ts';
import { appointmentUid, buildCalendar, type IcsEvent } from './ics.ts';
import { doctorTitle } from './messages.ts';
import { findHospitalBasics } from './notifications.queries.ts';

const FEED_LIMIT = 500;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const feedPath = (token: string): string => `/api/calendar/${token}.ics`;

/** A new secret feed address for the user; an earlier one stops working. Only the token's hash is stored. */
export async function createCalendarFeed(deps: Deps, actor: Actor, ip: string | null): Promise<{ url: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await upsertCalendarFeed(trx, { user_id: actor.userId, token_hash: hashToken(token), created_at: now.toISOString() });
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'calendar_feed.create', entityType: 'user', entityId: actor.userId, outcome: 'success', ip });
  });
  const path = feedPath(token);
  return { url: deps.config.publicUrl ? `${deps.config.publicUrl.replace(/\/$/, '')}${path}` : path };
}

export async function revokeCalendarFeed(deps: Deps, actor: Actor, ip: string | null): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await deleteCalendarFeed(trx, actor.userId);
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'calendar_feed.revoke', entityType: 'user', entityId: actor.userId, outcome: 'success', ip });
  });
}

/** The feed's iCalendar text; an unknown or revoked token, or a deactivated user, answers 404. */
export async function calendarFeedText(deps: Deps, token: string, ip: string | null = null): Promise<string> {
  const owner = await findFeedOwner(deps.db, hashToken(token));
  if (!owner || owner.active !== 1 || (owner.role !== 'patient' && owner.role !== 'doctor')) throw notFound('Calendar');
  const now = deps.clock.now();
  const hospital = await findHospitalBasics(deps.db);
  const rows = await listFeedAppointments(deps.db, owner.user_id, owner.role, now.toISOString(), FEED_LIMIT);
  const events: IcsEvent[] = rows.map((row) => ({
    uid: appointmentUid(row.id),
    sequence: row.sequence,
    start: new Date(row.start_at),
    end: new Date(row.end_at),
    summary: owner.role === 'patient' ? `Appointment with ${doctorTitle(row.doctor_name)}` : `Appointment with ${row.patient_name}`,
    status: row.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
    location: hospital.hospital_name,
  }));
  // A feed lists patients' appointments: each fetch is audited as a read by the feed's owner.
  await recordAudit(deps.db, now, {
    actorId: owner.user_id, actorRole: owner.role, action: 'calendar_feed.fetch', entityType: 'user', entityId: owner.user_id, outcome: 'success', ip,
    details: { events: events.length },
  });
  return buildCalendar({ name: `${hospital.hospital_name} appointments`, now, events });
}
