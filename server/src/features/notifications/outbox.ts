import type { DeliveryJobsTable, Trx } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import { findAppointmentParties, findHospitalBasics, findUserContact, type AppointmentParties } from './notifications.queries.ts';
import { insertDeliveryJob } from './outbox.queries.ts';
import type { Audience, MessagePayload } from './payload.ts';
import { canonicalKind, channelsFor } from './preferences.ts';
import { findUserPhone } from './preferences.queries.ts';

export type Channel = 'email' | 'sms' | 'reminder';

export interface QueuedNotification {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  appointmentId: string | null;
}

export function newJob(at: Date, job: { channel: Channel; userId: string; kind: string; recipient: string; payload: object; notificationId: string | null; appointmentId: string | null; dueAt: Date }): DeliveryJobsTable {
  const now = at.toISOString();
  return {
    id: newId(), notification_id: job.notificationId, appointment_id: job.appointmentId, user_id: job.userId, kind: job.kind,
    channel: job.channel, recipient: job.recipient, payload: JSON.stringify(job.payload), status: 'pending', attempts: 0,
    next_attempt_at: job.dueAt.toISOString(), locked_until: null, last_error: null, sent_at: null, created_at: now, updated_at: now,
  };
}

function audienceOf(userId: string, parties: AppointmentParties | undefined): Audience {
  if (parties?.patient_user_id === userId) return 'patient';
  if (parties?.doctor_user_id === userId) return 'doctor';
  return 'other';
}

async function snapshot(trx: Trx, notification: QueuedNotification, recipientName: string): Promise<MessagePayload> {
  const hospital = await findHospitalBasics(trx);
  const parties = notification.appointmentId ? await findAppointmentParties(trx, notification.appointmentId) : undefined;
  return {
    kind: canonicalKind(notification.kind),
    title: notification.title,
    body: notification.body,
    recipientName,
    audience: audienceOf(notification.userId, parties),
    hospitalName: hospital.hospital_name,
    timeZone: hospital.time_zone,
    appointment: parties
      ? { id: parties.id, start: parties.start_at, end: parties.end_at, status: parties.status, sequence: parties.sequence, doctorName: parties.doctor_name, patientName: parties.patient_name }
      : null,
  };
}

/**
 * Writes the email and text-message jobs of a new notification, in the transaction that made it (a transactional
 * outbox): the jobs exist exactly when the change they report was committed. The user's preferences decide the channels.
 */
export async function enqueueDeliveries(trx: Trx, at: Date, notification: QueuedNotification): Promise<void> {
  const contact = await findUserContact(trx, notification.userId);
  if (!contact || contact.active !== 1) return;
  const channels = await channelsFor(trx, notification.userId, notification.kind);
  const phone = channels.sms ? await findUserPhone(trx, notification.userId) : null;
  if (!channels.email && phone === null) return;
  const payload = await snapshot(trx, notification, contact.name);
  const base = { userId: notification.userId, kind: payload.kind, payload, notificationId: notification.id, appointmentId: notification.appointmentId, dueAt: at };
  if (channels.email) await insertDeliveryJob(trx, newJob(at, { ...base, channel: 'email', recipient: contact.email }));
  if (phone !== null) await insertDeliveryJob(trx, newJob(at, { ...base, channel: 'sms', recipient: phone }));
}

export interface AccountEmail {
  userId: string;
  /** Where it goes: the account's address (or, for an address change, the new one). */
  recipient: string;
  recipientName: string;
  kind: string;
  title: string;
  body: string;
  link?: { label: string; url: string };
}

/**
 * An email about the account itself (password reset, a changed password, a sign-up attempt on an existing address):
 * always sent, whatever the notification preferences, and only by email. Written in the caller's transaction.
 */
export async function enqueueAccountEmail(trx: Trx, at: Date, email: AccountEmail): Promise<void> {
  const hospital = await findHospitalBasics(trx);
  const payload: MessagePayload = {
    kind: email.kind, title: email.title, body: email.body, recipientName: email.recipientName, audience: 'other',
    hospitalName: hospital.hospital_name, timeZone: hospital.time_zone, appointment: null, ...(email.link ? { link: email.link } : {}),
  };
  await insertDeliveryJob(trx, newJob(at, { channel: 'email', userId: email.userId, kind: email.kind, recipient: email.recipient, payload, notificationId: null, appointmentId: null, dueAt: at }));
}
