import type { Deps } from '../../deps.ts';
import type { Executor, SettingsTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid } from '../../http/app-error.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { parseReminderOffsets } from '../notifications/reminders.ts';
import { findSettings, updateSettings, type SettingsChanges } from './hospital.queries.ts';
import { getSettings, toPublicHospital } from './hospital.service.ts';
import type { APPROVAL_MODES } from './settings.schemas.ts';
import type { TemperatureUnit } from '#shared/vitals';
import type { PaymentMode } from '#shared/payments';

export interface SettingsInput {
  name: string;
  tagline?: string | null | undefined;
  about?: string | null | undefined;
  address?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  openingHours?: string | null | undefined;
  timeZone: string;
  approvalMode: (typeof APPROVAL_MODES)[number];
  minNoticeMinutes: number;
  bookingHorizonDays: number;
  cancellationNoticeHours: number;
  maxOpenRequestsPerPatient: number;
  reminderOffsetsMinutes: number[];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  temperatureUnit?: TemperatureUnit | undefined;
  requireSignedConsultation?: boolean | undefined;
  /** Left out: unchanged. */
  mfaRequiredForStaff?: boolean | undefined;
  /** Payments (left out: unchanged). */
  paymentMode?: PaymentMode | undefined;
  paymentHoldMinutes?: number | undefined;
  refundFullNoticeHours?: number | undefined;
  refundLatePercent?: number | undefined;
}

/** Field names of the API next to the columns they are stored in. */
const FIELDS = {
  name: 'hospital_name', tagline: 'tagline', about: 'about', address: 'address', phone: 'phone', email: 'email',
  openingHours: 'opening_hours', timeZone: 'time_zone', approvalMode: 'approval_mode', minNoticeMinutes: 'min_notice_minutes',
  bookingHorizonDays: 'booking_horizon_days', cancellationNoticeHours: 'cancellation_notice_hours',
  maxOpenRequestsPerPatient: 'max_open_requests_per_patient', reminderOffsetsMinutes: 'reminder_offsets_minutes',
  sessionIdleMinutes: 'session_idle_minutes', sessionAbsoluteHours: 'session_absolute_hours',
  temperatureUnit: 'temperature_unit', requireSignedConsultation: 'require_signed_consultation',
  mfaRequiredForStaff: 'mfa_required_for_staff',
  paymentMode: 'payment_mode', paymentHoldMinutes: 'payment_hold_minutes', refundFullNoticeHours: 'refund_full_notice_hours', refundLatePercent: 'refund_late_percent',
} as const satisfies Record<keyof SettingsInput, keyof SettingsTable>;

type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** The IANA name as Intl spells it, or null when Intl does not know the zone. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function toSettings(row: SettingsTable) {
  return {
    ...toPublicHospital(row),
    reminderOffsetsMinutes: parseReminderOffsets(row.reminder_offsets_minutes),
    sessionIdleMinutes: row.session_idle_minutes,
    sessionAbsoluteHours: row.session_absolute_hours,
    temperatureUnit: row.temperature_unit as TemperatureUnit,
    requireSignedConsultation: Number(row.require_signed_consultation) === 1,
    mfaRequiredForStaff: row.mfa_required_for_staff === 1,
    paymentMode: row.payment_mode as PaymentMode,
    paymentHoldMinutes: row.payment_hold_minutes,
    refundFullNoticeHours: row.refund_full_notice_hours,
    refundLatePercent: row.refund_late_percent,
    updatedAt: row.updated_at,
  };
}

export async function getSettingsView(db: Executor) {
  return toSettings(await getSettings(db));
}

/** The reminder offsets as stored: each different, largest first, as JSON. */
function reminderOffsetsText(offsets: number[]): string {
  const repeated = offsets.find((offset, index) => offsets.indexOf(offset) !== index);
  if (repeated !== undefined) {
    throw invalid('/reminderOffsetsMinutes', `Each reminder needs a different time: ${repeated} minutes is listed more than once`);
  }
  return JSON.stringify([...offsets].sort((a, b) => b - a));
}

/** The row the input describes: text trimmed, empty text cleared, the zone in its canonical spelling. */
function toRow(input: SettingsInput, current: SettingsTable): Omit<SettingsTable, 'id' | 'updated_at'> {
  const text = (value: string | null | undefined) => value?.trim() || null;
  const timeZone = canonicalTimeZone(input.timeZone.trim());
  if (!timeZone) throw invalid('/timeZone', `"${input.timeZone}" is not a known IANA time zone; use a name such as Europe/London`);
  const reminderOffsets = reminderOffsetsText(input.reminderOffsetsMinutes);
  const name = input.name.trim();
  return {
    hospital_name: name, tagline: text(input.tagline), about: text(input.about), address: text(input.address), phone: text(input.phone),
    email: text(input.email)?.toLowerCase() ?? null, opening_hours: text(input.openingHours), time_zone: timeZone,
    approval_mode: input.approvalMode, min_notice_minutes: input.minNoticeMinutes, booking_horizon_days: input.bookingHorizonDays,
    cancellation_notice_hours: input.cancellationNoticeHours, max_open_requests_per_patient: input.maxOpenRequestsPerPatient,
    reminder_offsets_minutes: reminderOffsets, session_idle_minutes: input.sessionIdleMinutes, session_absolute_hours: input.sessionAbsoluteHours,
    temperature_unit: input.temperatureUnit ?? current.temperature_unit,
    require_signed_consultation: input.requireSignedConsultation === undefined ? Number(current.require_signed_consultation) : input.requireSignedConsultation ? 1 : 0,
    mfa_required_for_staff: input.mfaRequiredForStaff === undefined ? current.mfa_required_for_staff : Number(input.mfaRequiredForStaff),
    payment_mode: input.paymentMode ?? current.payment_mode,
    payment_hold_minutes: input.paymentHoldMinutes ?? current.payment_hold_minutes,
    refund_full_notice_hours: input.refundFullNoticeHours ?? current.refund_full_notice_hours,
    refund_late_percent: input.refundLatePercent ?? current.refund_late_percent,
  };
}

/** A field's value as the audit log shows it: the reminder offsets as a list rather than their JSON text. */
function auditValue(row: Omit<SettingsTable, 'id' | 'updated_at'>, field: Field): unknown {
  if (field === 'mfaRequiredForStaff') return row.mfa_required_for_staff === 1;
  return field === 'reminderOffsetsMinutes' ? parseReminderOffsets(row.reminder_offsets_minutes) : row[FIELDS[field]];
}

/** Saves the whole settings object; the audit row keeps the before and after of each changed field. */
export async function saveSettings(deps: Deps, actor: Actor, ip: string | null, input: SettingsInput) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await findSettings(trx);
    if (!current) throw new Error('The settings row is missing: the database was not initialised');
    const next = toRow(input, current);
    const changed = FIELD_NAMES.filter((field) => JSON.stringify(auditValue(current, field)) !== JSON.stringify(auditValue(next, field)));
    if (changed.length === 0) return toSettings(current);
    const changes: SettingsChanges = { updated_at: now.toISOString() };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of changed) {
      Object.assign(changes, { [FIELDS[field]]: next[FIELDS[field]] });
      before[field] = auditValue(current, field);
      after[field] = auditValue(next, field);
    }
    await updateSettings(trx, changes);
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'settings.update', entityType: 'settings', entityId: '1', outcome: 'success', ip,
      details: { before, after },
    });
    return toSettings({ ...current, ...changes });
  });
}
