import { ADDRESS_MAX_LENGTH, NAME_MAX_LENGTH } from '#shared/limits';
import { emailProblem, phoneProblem } from '#shared/rules';
import { ABOUT_MAX_LENGTH, OPENING_HOURS_MAX_LENGTH, REMINDER_OFFSETS_MAX, SETTINGS_LIMITS, TAGLINE_MAX_LENGTH } from '#shared/settings';
import type { FieldErrors } from '../../people/shared/errors.ts';
import { orNull } from '../../people/shared/forms.ts';
import type { SettingsBody } from './settings.api.ts';

/** Every field of the form, as the server names them (for placing its messages). */
export const settingsFields = [
  'name', 'tagline', 'about', 'address', 'phone', 'email', 'openingHours', 'timeZone', 'approvalMode', 'minNoticeMinutes',
  'bookingHorizonDays', 'cancellationNoticeHours', 'maxOpenRequestsPerPatient', 'reminderOffsetsMinutes', 'sessionIdleMinutes',
  'sessionAbsoluteHours', 'temperatureUnit', 'requireSignedConsultation', 'mfaRequiredForStaff',
] as const;

export const REMINDER_UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
export type ReminderUnit = keyof typeof REMINDER_UNITS;

/** One reminder as the form edits it: an amount and its unit, keyed for React. */
export interface ReminderRow {
  key: string;
  amount: string;
  unit: ReminderUnit;
}

let rowCounter = 0;
export const newReminderRow = (amount = '', unit: ReminderUnit = 'hours'): ReminderRow => {
  rowCounter += 1;
  return { key: `reminder-${rowCounter}`, amount, unit };
};

/** 2880 → 2 days, 120 → 2 hours, 90 → 90 minutes: the largest unit that divides the offset. */
export function toReminderRows(offsets: readonly number[]): ReminderRow[] {
  return offsets.map((minutes) => {
    if (minutes % REMINDER_UNITS.days === 0) return newReminderRow(String(minutes / REMINDER_UNITS.days), 'days');
    if (minutes % REMINDER_UNITS.hours === 0) return newReminderRow(String(minutes / REMINDER_UNITS.hours), 'hours');
    return newReminderRow(String(minutes), 'minutes');
  });
}

export function describeOffset(minutes: number): string {
  const [row] = toReminderRows([minutes]);
  const amount = Number(row?.amount ?? minutes);
  const unit = row?.unit ?? 'minutes';
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

/** The form's key for one reminder's message. */
export const reminderErrorKey = (row: ReminderRow) => `reminder:${row.key}`;

type Result<T> = { ok: true; values: T } | { ok: false; errors: FieldErrors };


function wholeNumber(
  text: string | undefined,
  limits: { minimum: number; maximum: number },
  unit: string,
): { value: number } | { error: string } {
  const value = text?.trim() ?? '';
  const message = `Enter a whole number of ${unit} from ${limits.minimum} to ${limits.maximum}.`;
  if (!/^\d{1,6}$/.test(value)) return { error: message };
  const number = Number(value);
  return number < limits.minimum || number > limits.maximum ? { error: message } : { value: number };
}

function readReminders(rows: readonly ReminderRow[], errors: FieldErrors): number[] {
  const { minimum, maximum } = SETTINGS_LIMITS.reminderOffsetMinutes;
  const offsets: number[] = [];
  for (const [index, row] of rows.entries()) {
    const amount = row.amount.trim();
    const minutes = /^\d{1,6}$/.test(amount) ? Number(amount) * REMINDER_UNITS[row.unit] : null;
    if (minutes === null || minutes < minimum || minutes > maximum) {
      errors[reminderErrorKey(row)] = `Reminder ${index + 1}: enter a whole number, from ${describeOffset(minimum)} to ${describeOffset(maximum)} before the appointment.`;
      continue;
    }
    if (offsets.includes(minutes)) {
      errors[reminderErrorKey(row)] = `Reminder ${index + 1} repeats another one (${describeOffset(minutes)}): give each reminder a different time.`;
      continue;
    }
    offsets.push(minutes);
  }
  if (rows.length > REMINDER_OFFSETS_MAX) errors.reminderOffsetsMinutes = `Keep at most ${REMINDER_OFFSETS_MAX} reminders.`;
  else if (rows.some((row) => errors[reminderErrorKey(row)])) errors.reminderOffsetsMinutes = 'Correct the reminders marked below.';
  return offsets;
}

/** Checks the form as the server will, with a message per field; on success, the whole settings object to save. */
export function readSettingsForm(form: Record<string, string>, reminders: readonly ReminderRow[]): Result<SettingsBody> {
  const errors: FieldErrors = {};
  const text = (field: string, max: number) => {
    const value = form[field] ?? '';
    if (value.length > max) errors[field] = `Use at most ${max} characters.`;
    return orNull(value);
  };
  const name = form.name ?? '';
  if (!name) errors.name = 'Enter the hospital’s name.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  const phone = orNull(form.phone);
  if (phone && phoneProblem(phone)) errors.phone = phoneProblem(phone) ?? '';
  const email = orNull(form.email);
  if (email && emailProblem(email)) errors.email = emailProblem(email) ?? '';
  const timeZone = form.timeZone ?? '';
  if (!timeZone) errors.timeZone = 'Choose the hospital’s time zone.';
  const temperatureUnit = form.temperatureUnit;
  if (temperatureUnit !== 'C' && temperatureUnit !== 'F') errors.temperatureUnit = 'Choose the unit temperatures are shown in.';
  const approvalMode = form.approvalMode;
  if (approvalMode !== 'manual' && approvalMode !== 'auto') errors.approvalMode = 'Choose how bookings are approved.';

  const numbers = {
    minNoticeMinutes: wholeNumber(form.minNoticeMinutes, SETTINGS_LIMITS.minNoticeMinutes, 'minutes'),
    bookingHorizonDays: wholeNumber(form.bookingHorizonDays, SETTINGS_LIMITS.bookingHorizonDays, 'days'),
    cancellationNoticeHours: wholeNumber(form.cancellationNoticeHours, SETTINGS_LIMITS.cancellationNoticeHours, 'hours'),
    maxOpenRequestsPerPatient: wholeNumber(form.maxOpenRequestsPerPatient, SETTINGS_LIMITS.maxOpenRequestsPerPatient, 'requests'),
    sessionIdleMinutes: wholeNumber(form.sessionIdleMinutes, SETTINGS_LIMITS.sessionIdleMinutes, 'minutes'),
    sessionAbsoluteHours: wholeNumber(form.sessionAbsoluteHours, SETTINGS_LIMITS.sessionAbsoluteHours, 'hours'),
  };
  const value = (field: keyof typeof numbers): number => {
    const result = numbers[field];
    if ('error' in result) {
      errors[field] = result.error;
      return 0;
    }
    return result.value;
  };
  const body: SettingsBody = {
    name,
    tagline: text('tagline', TAGLINE_MAX_LENGTH),
    about: text('about', ABOUT_MAX_LENGTH),
    address: text('address', ADDRESS_MAX_LENGTH),
    phone,
    email,
    openingHours: text('openingHours', OPENING_HOURS_MAX_LENGTH),
    timeZone,
    approvalMode: approvalMode === 'auto' ? 'auto' : 'manual',
    minNoticeMinutes: value('minNoticeMinutes'),
    bookingHorizonDays: value('bookingHorizonDays'),
    cancellationNoticeHours: value('cancellationNoticeHours'),
    maxOpenRequestsPerPatient: value('maxOpenRequestsPerPatient'),
    reminderOffsetsMinutes: readReminders(reminders, errors),
    sessionIdleMinutes: value('sessionIdleMinutes'),
    sessionAbsoluteHours: value('sessionAbsoluteHours'),
    temperatureUnit: temperatureUnit === 'F' ? 'F' : 'C',
    requireSignedConsultation: form.requireSignedConsultation === 'yes',
    mfaRequiredForStaff: form.mfaRequiredForStaff === 'on',
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values: body };
}

/** The hospital's IANA time zones for the picker: UTC first, then Intl's list, keeping the current one. */
export function timeZoneOptions(current: string): string[] {
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  zones.add(current);
  return [...zones];
}
