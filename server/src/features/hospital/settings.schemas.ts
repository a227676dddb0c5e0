import { PAYMENT_MODES } from '#shared/payments';
import { Type } from 'typebox';
import { ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH } from '#shared/limits';
import { ABOUT_MAX_LENGTH, OPENING_HOURS_MAX_LENGTH, REMINDER_OFFSETS_MAX, SETTINGS_LIMITS, TAGLINE_MAX_LENGTH } from '#shared/settings';
import { TEMPERATURE_UNITS } from '#shared/vitals';
import { Instant } from '../../http/schemas.ts';
import { Email, Phone } from '../auth/auth.schemas.ts';

export const APPROVAL_MODES = ['manual', 'auto'] as const;

export const ApprovalMode = Type.Enum(APPROVAL_MODES, { description: 'manual: staff confirm each request; auto: bookings are confirmed at once' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/London' });

/** Optional text in a body: empty or null clears it. */
const Text = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));

/** The booking rules: patients see them on the public hospital page too. */
export const bookingRules = {
  minNoticeMinutes: Type.Integer({ ...SETTINGS_LIMITS.minNoticeMinutes, description: 'How long before its start a slot stops being bookable' }),
  bookingHorizonDays: Type.Integer({ ...SETTINGS_LIMITS.bookingHorizonDays, description: 'How far ahead patients may book' }),
  cancellationNoticeHours: Type.Integer({ ...SETTINGS_LIMITS.cancellationNoticeHours, description: 'Patients may not cancel or reschedule later than this before the start' }),
  maxOpenRequestsPerPatient: Type.Integer({ ...SETTINGS_LIMITS.maxOpenRequestsPerPatient, description: 'Requests a patient may have waiting at once' }),
};

/** Settings for staff only: never on the public hospital page. */
const privateSettings = {
  reminderOffsetsMinutes: Type.Array(Type.Integer({ ...SETTINGS_LIMITS.reminderOffsetMinutes, description: 'Minutes before the start' }), {
    maxItems: REMINDER_OFFSETS_MAX,
    description: 'When a confirmed appointment\'s patient is reminded, in minutes before its start; each different (answered largest first; empty: no reminders)',
  }),
  sessionIdleMinutes: Type.Integer({ ...SETTINGS_LIMITS.sessionIdleMinutes, description: 'A session ends after this long without a request' }),
  sessionAbsoluteHours: Type.Integer({ ...SETTINGS_LIMITS.sessionAbsoluteHours, description: 'A session ends this long after sign-in, however active' }),
};

/** Consultation rules; optional in the body (left out: unchanged). */
const consultationSettings = {
  temperatureUnit: Type.Enum(TEMPERATURE_UNITS, { description: 'The unit temperatures are shown in (always stored in °C)' }),
  requireSignedConsultation: Type.Boolean({ description: 'Completing an appointment needs its signed consultation (409 CONSULTATION_REQUIRED)' }),
};

const paymentSettings = {
  paymentMode: Type.Enum(PAYMENT_MODES, { description: 'Whether patients pay online: off, optional, or required before the request reaches the doctor' }),
  paymentHoldMinutes: Type.Integer({ minimum: 5, maximum: 1440, description: 'With payments required: how long a booked slot is held while the patient pays' }),
  refundFullNoticeHours: Type.Integer({ minimum: 0, maximum: 720, description: 'A patient cancelling at least this many hours before the start is refunded in full' }),
  refundLatePercent: Type.Integer({ minimum: 0, maximum: 100, description: 'The percentage refunded when a patient cancels later than that' }),
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
  ...bookingRules,
  ...privateSettings,
  ...consultationSettings,
  mfaRequiredForStaff: Type.Boolean({ description: 'Admins, doctors and receptionists must sign in with a second factor (enrolling at their next sign-in)' }),
  ...paymentSettings,
  updatedAt: Instant,
});

export const SettingsBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: NAME_MAX_LENGTH, pattern: '\\S' }),
    tagline: Text(TAGLINE_MAX_LENGTH),
    about: Text(ABOUT_MAX_LENGTH),
    address: Text(ADDRESS_MAX_LENGTH),
    phone: Type.Optional(Type.Union([Phone, Type.Literal(''), Type.Null()])),
    email: Type.Optional(Type.Union([Email, Type.Literal(''), Type.Null()])),
    openingHours: Text(OPENING_HOURS_MAX_LENGTH),
    timeZone: TimeZone,
    approvalMode: ApprovalMode,
    ...bookingRules,
    ...privateSettings,
    temperatureUnit: Type.Optional(consultationSettings.temperatureUnit),
    requireSignedConsultation: Type.Optional(consultationSettings.requireSignedConsultation),
    mfaRequiredForStaff: Type.Optional(Type.Boolean({ description: 'Left out: unchanged' })),
    paymentMode: Type.Optional(paymentSettings.paymentMode),
    paymentHoldMinutes: Type.Optional(paymentSettings.paymentHoldMinutes),
    refundFullNoticeHours: Type.Optional(paymentSettings.refundFullNoticeHours),
    refundLatePercent: Type.Optional(paymentSettings.refundLatePercent),
  },
  { additionalProperties: false, description: 'The whole settings object: a text field left out or empty is cleared' },
);
