import { Type } from 'typebox';
import { Id, Instant, Page, PageQuery } from '../../http/schemas.ts';
import { NOTIFICATION_KINDS } from './preferences.ts';

export const Notification = Type.Object({
  id: Id,
  kind: Type.String({ description: 'e.g. appointment.confirmed' }),
  title: Type.String(),
  body: Type.String(),
  appointmentId: Type.Optional(Id),
  createdAt: Instant,
  readAt: Type.Union([Instant, Type.Null()]),
});

export const NotificationPage = Page(Notification);

export const NotificationQuery = Type.Object(
  { ...PageQuery, unread: Type.Optional(Type.Boolean({ description: 'Only notifications not read yet' })) },
  { additionalProperties: false },
);

export const NotificationParams = Type.Object({ id: Id });

export const UnreadCount = Type.Object({ count: Type.Integer({ minimum: 0 }) });

export const NotificationKind = Type.Enum([...NOTIFICATION_KINDS]);

export const PreferenceItem = Type.Object({
  kind: NotificationKind,
  inApp: Type.Literal(true, { description: 'In-app notifications are always on' }),
  email: Type.Boolean(),
  sms: Type.Boolean(),
});

export const Preferences = Type.Object({
  smsAvailable: Type.Boolean({ description: 'False when there is no phone number on record: text messages cannot be switched on' }),
  items: Type.Array(PreferenceItem),
});

export const PreferencesBody = Type.Object(
  {
    items: Type.Array(
      Type.Object({ kind: NotificationKind, email: Type.Boolean(), sms: Type.Boolean() }, { additionalProperties: false }),
      { maxItems: NOTIFICATION_KINDS.length, description: 'Kinds left out keep their channels' },
    ),
  },
  { additionalProperties: false },
);
