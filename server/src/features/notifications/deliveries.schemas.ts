import { Type } from 'typebox';
import { Id, Instant, Page, PageQuery } from '../../http/schemas.ts';

export const DeliveryStatus = Type.Enum(['pending', 'sending', 'sent', 'failed', 'dead', 'skipped']);
export const DeliveryChannel = Type.Enum(['email', 'sms', 'reminder']);

export const Delivery = Type.Object({
  id: Id,
  channel: DeliveryChannel,
  kind: Type.String(),
  recipient: Type.String({ description: 'Email address, phone number, or (reminders) the user id' }),
  status: DeliveryStatus,
  attempts: Type.Integer({ minimum: 0 }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Instant,
  sentAt: Type.Union([Instant, Type.Null()]),
  notificationId: Type.Union([Id, Type.Null()]),
  appointmentId: Type.Union([Id, Type.Null()]),
  userId: Type.Union([Id, Type.Null()]),
  patientId: Type.Union([Id, Type.Null()], { description: 'A patient without an account, written to at their own address' }),
  createdAt: Instant,
  updatedAt: Instant,
});

export const DeliveryPage = Page(Delivery);

export const DeliveryQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(DeliveryStatus), channel: Type.Optional(DeliveryChannel) },
  { additionalProperties: false },
);

export const DeliveryParams = Type.Object({ id: Id });
