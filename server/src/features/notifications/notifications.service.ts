import type { Trx } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import { insertNotification } from './notifications.queries.ts';

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  appointmentId?: string | null;
}

/** Writes an in-app notification inside the caller's transaction: it exists exactly when the change it reports does. */
export async function notify(trx: Trx, at: Date, notification: NewNotification): Promise<string> {
  const id = newId();
  await insertNotification(trx, {
    id,
    user_id: notification.userId,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    appointment_id: notification.appointmentId ?? null,
    created_at: at.toISOString(),
    read_at: null,
  });
  return id;
}
