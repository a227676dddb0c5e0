import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import type { Deps } from '../../deps.ts';
import type { NotificationsTable, Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import {
  countUnreadNotifications, findOwnNotification, insertNotification, listNotificationRows, markAllNotificationsRead, markNotificationRead,
} from './notifications.queries.ts';
import { enqueueDeliveries } from './outbox.ts';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  appointmentId?: string | null;
}

/**
 * Writes an in-app notification inside the caller's transaction, and the email and text-message jobs the user's
 * preferences ask for: they exist exactly when the change they report does. The delivery worker sends them later.
 */
export async function notify(trx: Trx, at: Date, notification: NewNotification): Promise<string> {
  const id = newId();
  const appointmentId = notification.appointmentId ?? null;
  await insertNotification(trx, {
    id,
    user_id: notification.userId,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    appointment_id: appointmentId,
    created_at: at.toISOString(),
    read_at: null,
  });
  await enqueueDeliveries(trx, at, { id, userId: notification.userId, kind: notification.kind, title: notification.title, body: notification.body, appointmentId });
  return id;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  appointmentId?: string;
  createdAt: string;
  readAt: string | null;
}

function toView(row: NotificationsTable): NotificationView {
  return {
    id: row.id, kind: row.kind, title: row.title, body: row.body,
    ...(row.appointment_id ? { appointmentId: row.appointment_id } : {}),
    createdAt: row.created_at, readAt: row.read_at,
  };
}

const CURSOR = /^[0-9A-Za-z-]{1,64}$/;

export async function listNotifications(deps: Deps, actor: Actor, query: { unread?: boolean | undefined; limit?: number | undefined; cursor?: string | undefined }) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  if (query.cursor !== undefined && !CURSOR.test(query.cursor)) throw invalid('/cursor', 'The cursor is not one this list gave out');
  const rows = await listNotificationRows(deps.db, actor.userId, { unreadOnly: query.unread === true, beforeId: query.cursor }, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toView), nextCursor: rows.length > limit && last ? last.id : null };
}

export async function unreadCount(deps: Deps, actor: Actor): Promise<{ count: number }> {
  return { count: await countUnreadNotifications(deps.db, actor.userId) };
}

/** Someone else's notification answers 404, exactly like a missing one. Reading twice keeps the first time. */
export async function markRead(deps: Deps, actor: Actor, id: string): Promise<void> {
  const row = await findOwnNotification(deps.db, actor.userId, id);
  if (!row) throw notFound('Notification');
  if (row.read_at === null) await markNotificationRead(deps.db, actor.userId, id, deps.clock.now().toISOString());
}

export async function markAllRead(deps: Deps, actor: Actor): Promise<void> {
  await markAllNotificationsRead(deps.db, actor.userId, deps.clock.now().toISOString());
}
