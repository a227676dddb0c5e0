import { Type } from 'typebox';
import { ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH } from '#shared/limits';
import { Instant } from '../../http/schemas.ts';
import { Email, Phone } from '../auth/auth.schemas.ts';

export const APPROVAL_MODES = ['manual', 'auto'] as const;
export const RULE_LIMITS = {
  minNoticeMinutes: { minimum: 0, maximum: 10_080 },
  bookingHorizonDays: { minimum: 1, maximum: 730 },
  cancellationNoticeHours: { minimum: 0, maximum: 720 },
  maxOpenRequestsPerPatient: { minimum: 1, maximum: 50 },
} as const;

const ApprovalMode = Type.Enum(APPROVAL_MODES, { description: 'manual: staff confirm each request; auto: bookings are confirmed at once' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/London' });

/** Optional text in a body: empty or null clears it. */
const Text = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));

const rules = {
  minNoticeMinutes: Type.Integer({ ...RULE_LIMITS.minNoticeMinutes, description: 'How long before its start a slot stops being bookable' }),
  bookingHorizonDays: Type.Integer({ ...RULE_LIMITS.bookingHorizonDays, description: 'How far ahead patients may book' }),
  cancellationNoticeHours: Type.Integer({ ...RULE_LIMITS.cancellationNoticeHours, description: 'Patients may not cancel or reschedule later than this before the start' }),
  maxOpenRequestsPerPatient: Type.Integer({ ...RULE_LIMITS.maxOpenRequestsPerPatient, description: 'Requests a patient may have waiting at once' }),
};

export const Settings = Type.Object({
  name: Type.String(),
  tagline: Type.Optional(Type.String()),
  about: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  openingHours: Type.Optional(Type.String()),
  timeZone: Type.String(),
  approvalMode: ApprovalMode,
  ...rules,
  updatedAt: Instant,
});

export const SettingsBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH, pattern: '\\S' }),
    tagline: Text(200),
    about: Text(5000),
    address: Text(ADDRESS_MAX_LENGTH),
    phone: Type.Optional(Type.Union([Phone, Type.Literal(''), Type.Null()])),
    email: Type.Optional(Type.Union([Email, Type.Literal(''), Type.Null()])),
    openingHours: Text(1000),
    timeZone: TimeZone,
    approvalMode: ApprovalMode,
    ...rules,
  },
  { additionalProperties: false, description: 'The whole settings object: a text field left out or empty is cleared' },
);
