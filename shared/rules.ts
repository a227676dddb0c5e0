/**
 * The rules a person's input is held to, and the sentences that explain them: the server's schemas are
 * built from these patterns and its validation errors use these messages; the web checks the same rules
 * before sending. Dependency-free.
 */
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PHONE_MAX_LENGTH } from './limits.ts';

export const PHONE_MIN_LENGTH = 3;
/** Digits, spaces and + ( ) - . / — the characters phone numbers are written with. */
export const PHONE_PATTERN = '^[+0-9 ()./-]+$';
/** Text that is not only spaces. */
export const NOT_BLANK_PATTERN = '\\S';
/** The address form the server accepts as `format: "email"` (it replaces ajv-formats' own). */
export const EMAIL_PATTERN =
  "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$";
export const EARLIEST_DATE_OF_BIRTH = '1900-01-01';

export const MESSAGES = {
  phone: 'Enter a phone number using digits, spaces and + ( ) - . /',
  phoneLength: `Enter a phone number of ${PHONE_MIN_LENGTH} to ${PHONE_MAX_LENGTH} characters`,
  email: 'Enter an email address like name@example.org',
  emailLength: `Enter an email address of at most ${EMAIL_MAX_LENGTH} characters`,
  date: 'Enter a real calendar date (YYYY-MM-DD)',
  dateOfBirthFuture: 'The date of birth cannot be in the future',
  dateOfBirthEarly: 'The date of birth must be in 1900 or later',
  passwordShort: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  passwordLong: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
  currency: 'Enter a three-letter currency code such as GBP',
  wallTime: 'Enter a time as HH:MM, 24-hour',
} as const;

/** Sentences for a value that does not match a pattern, by pattern. */
export const PATTERN_MESSAGES: Readonly<Record<string, string>> = {
  [PHONE_PATTERN]: MESSAGES.phone,
  '^[A-Z]{3}$': MESSAGES.currency,
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': MESSAGES.wallTime,
  '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$': 'Enter a time as HH:MM, 24-hour (24:00 for the end of the day)',
};

/** How a field is named in a sentence, by its JSON path (`/emergencyContact/phone`) or its last segment (`phone`). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'name',
  email: 'email address',
  publicEmail: 'public email address',
  phone: 'phone number',
  publicPhone: 'public phone number',
  '/emergencyContact/phone': "emergency contact's phone number",
  '/emergencyContact/name': "emergency contact's name",
  dateOfBirth: 'date of birth',
  password: 'password',
  currentPassword: 'current password',
  newPassword: 'new password',
  address: 'address',
  gender: 'gender',
  bloodGroup: 'blood group',
  role: 'role',
  reason: 'reason',
  title: 'title',
  details: 'details',
  specializationId: 'specialization',
  yearsOfExperience: 'years of experience',
  amountMinor: 'amount',
  currency: 'currency',
  timeZone: 'time zone',
  minNoticeMinutes: 'minimum notice (minutes)',
  bookingHorizonDays: 'booking horizon (days)',
  cancellationNoticeHours: 'cancellation notice (hours)',
  maxOpenRequestsPerPatient: 'limit of open requests per patient',
  reminderOffsetsMinutes: 'reminder (minutes before the appointment)',
  sessionIdleMinutes: 'idle sign-out (minutes)',
  sessionAbsoluteHours: 'longest session (hours)',
};

/** "dateOfBirth" → "date of birth" when it has no label of its own. */
export function fieldLabel(path: string): string {
  const own = FIELD_LABELS[path];
  if (own) return own;
  const last = path.split('/').filter((part) => part !== '' && !/^\d+$/.test(part)).pop() ?? '';
  const labelled = FIELD_LABELS[last];
  if (labelled) return labelled;
  return last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase() || 'value';
}

const phoneExpression = new RegExp(PHONE_PATTERN);
const emailExpression = new RegExp(EMAIL_PATTERN, 'i');

export function phoneProblem(phone: string): string | null {
  if (!phoneExpression.test(phone)) return MESSAGES.phone;
  if (phone.length < PHONE_MIN_LENGTH || phone.length > PHONE_MAX_LENGTH) return MESSAGES.phoneLength;
  return null;
}

export function emailProblem(email: string): string | null {
  if (email.length > EMAIL_MAX_LENGTH) return MESSAGES.emailLength;
  return emailExpression.test(email) ? null : MESSAGES.email;
}

/** A YYYY-MM-DD text naming a day that exists (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `today` is the hospital's date (YYYY-MM-DD in the zone from Settings). */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | null {
  if (!isCalendarDate(dateOfBirth)) return MESSAGES.date;
  if (dateOfBirth > today) return MESSAGES.dateOfBirthFuture;
  if (dateOfBirth < EARLIEST_DATE_OF_BIRTH) return MESSAGES.dateOfBirthEarly;
  return null;
}

/** The length rule of the password policy (the server also refuses common passwords and the email address). */
export function passwordLengthProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return MESSAGES.passwordShort;
  if (length > PASSWORD_MAX_LENGTH) return MESSAGES.passwordLong;
  return null;
}
