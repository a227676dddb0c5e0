import { createHash, randomBytes } from 'node:crypto';
import type { LinkPurpose } from '#shared/links';
import type { Db, SignedLinksTable, Trx } from '../../db/types.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { countLinkRequest, findLinkByHash, insertLink, revokeAppointmentLinks } from './links.queries.ts';

/**
 * The one signed-link service every purpose uses. A token is 256 random bits (base64url); only its SHA-256 is stored.
 * A link has a purpose, an expiry and may be revoked; unknown, expired, revoked and wrong-purpose tokens all answer
 * the same 404. Each link answers at most LINK_REQUESTS_PER_MINUTE requests a minute (the address limit is the route's).
 */
export const LINK_REQUESTS_PER_MINUTE = 20;
const WINDOW_MS = 60_000;

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface IssuedLink {
  id: string;
  token: string;
}

export async function issueLink(trx: Trx, now: Date, link: { purpose: LinkPurpose; appointmentId: string; expiresAt: Date }): Promise<IssuedLink> {
  const token = randomBytes(32).toString('base64url');
  const id = newId();
  await insertLink(trx, {
    id, token_hash: hashLinkToken(token), purpose: link.purpose, appointment_id: link.appointmentId, created_at: now.toISOString(),
    expires_at: link.expiresAt.toISOString(), revoked_at: null, window_start: null, window_count: 0,
  });
  return { id, token };
}

/** Kills every live link of this purpose for the appointment (a reschedule kills the old manage links). */
export async function revokeLinks(trx: Trx, now: Date, appointmentId: string, purpose: LinkPurpose): Promise<void> {
  await revokeAppointmentLinks(trx, appointmentId, purpose, now.toISOString());
}

export const linkNotFound = (): AppError => notFound('Link');

/** The live link a token names for this purpose, after counting the request against the link's rate limit. */
export async function resolveLink(db: Db, token: string, purpose: LinkPurpose, now: Date): Promise<SignedLinksTable> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw linkNotFound();
  const link = await findLinkByHash(db, hashLinkToken(token));
  if (!link || link.purpose !== purpose || link.revoked_at !== null || new Date(link.expires_at).getTime() <= now.getTime()) throw linkNotFound();
  const windowOpen = link.window_start !== null && now.getTime() - new Date(link.window_start).getTime() < WINDOW_MS;
  const count = windowOpen ? link.window_count + 1 : 1;
  if (count > LINK_REQUESTS_PER_MINUTE) throw new AppError(429, 'RATE_LIMITED', 'Too many requests for this link; wait a minute and try again');
  await countLinkRequest(db, link.id, windowOpen && link.window_start ? link.window_start : now.toISOString(), count);
  return link;
}

/** Where a link points in the web app. */
export function linkUrl(publicUrl: string | null, purpose: 'manage' | 'feedback', token: string): string {
  const path = `/${purpose}/${token}`;
  return publicUrl ? `${publicUrl.replace(/\/$/, '')}${path}` : path;
}
