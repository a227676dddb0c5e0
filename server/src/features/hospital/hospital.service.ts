import type { Config } from '../../config.ts';
import type { Executor, SettingsTable } from '../../db/types.ts';
import { DEFAULT_REMINDER_OFFSETS_MINUTES } from '../notifications/reminders.ts';
import {
  findSettings, insertDefaultSettings, listFeaturedDoctors, listServices, updateSessionLimits, type FeaturedDoctorRow, type ServiceRow,
} from './hospital.queries.ts';
import type { APPROVAL_MODES } from './settings.schemas.ts';
import type { TemperatureUnit } from '#shared/vitals';

export const DEFAULT_HOSPITAL_NAME = 'HMS General Hospital';

/** What the environment seeds on first start; afterwards these are changed in Settings. */
export type InitialSettings = Pick<Config, 'timeZone' | 'sessionIdleMinutes' | 'sessionAbsoluteHours'>;

/** Creates the one settings row on first start, from the configured time zone and session timeouts. */
export async function ensureSettings(db: Executor, initial: InitialSettings, now: Date): Promise<void> {
  await insertDefaultSettings(db, {
    id: 1, hospital_name: DEFAULT_HOSPITAL_NAME, tagline: null, about: null, address: null, phone: null, email: null,
    opening_hours: null, time_zone: initial.timeZone, approval_mode: 'manual', min_notice_minutes: 120, booking_horizon_days: 60,
    cancellation_notice_hours: 24, max_open_requests_per_patient: 3, updated_at: now.toISOString(),
    reminder_offsets_minutes: JSON.stringify(DEFAULT_REMINDER_OFFSETS_MINUTES),
    session_idle_minutes: initial.sessionIdleMinutes, session_absolute_hours: initial.sessionAbsoluteHours,
    temperature_unit: 'C', require_signed_consultation: 1,
    mfa_required_for_staff: 0,
    payment_mode: 'off', payment_hold_minutes: 15, refund_full_notice_hours: 24, refund_late_percent: 50,
  });
}

/**
 * The first start after the session timeouts moved into the settings row: the configured values
 * replace the column defaults, so an upgraded hospital keeps the timeouts it had.
 */
export async function adoptConfiguredSessionLimits(db: Executor, initial: InitialSettings): Promise<void> {
  await updateSessionLimits(db, initial.sessionIdleMinutes, initial.sessionAbsoluteHours);
}

export async function getSettings(db: Executor): Promise<SettingsTable> {
  const row = await findSettings(db);
  if (!row) throw new Error('The settings row is missing: the database was not initialised');
  return row;
}

/** What anyone may read: the hospital's public details and the booking rules patients are held to; nothing private. */
export function toPublicHospital(row: SettingsTable) {
  const optional = (value: string | null) => value ?? undefined;
  return {
    name: row.hospital_name,
    tagline: optional(row.tagline),
    about: optional(row.about),
    address: optional(row.address),
    phone: optional(row.phone),
    email: optional(row.email),
    openingHours: optional(row.opening_hours),
    timeZone: row.time_zone,
    approvalMode: row.approval_mode as (typeof APPROVAL_MODES)[number],
    minNoticeMinutes: row.min_notice_minutes,
    bookingHorizonDays: row.booking_horizon_days,
    cancellationNoticeHours: row.cancellation_notice_hours,
    maxOpenRequestsPerPatient: row.max_open_requests_per_patient,
    temperatureUnit: row.temperature_unit as TemperatureUnit,
  };
}

export const FEATURED_DOCTORS_MAX = 6;

const toService = (row: ServiceRow) => ({
  id: row.id, name: row.name, ...(row.description ? { description: row.description } : {}), doctorCount: row.doctor_count,
});

const toFeaturedDoctor = (row: FeaturedDoctorRow) => ({
  id: row.id, name: row.name, specialization: { id: row.specialization_id, name: row.specialization_name }, hasPhoto: row.photo_content_type !== null,
});

/** The home page's information: the hospital's public details, the services it offers and a few of its doctors. */
export async function getPublicHospital(db: Executor) {
  const [settings, services, doctors] = await Promise.all([getSettings(db), listServices(db), listFeaturedDoctors(db, FEATURED_DOCTORS_MAX)]);
  return { ...toPublicHospital(settings), services: services.map(toService), featuredDoctors: doctors.map(toFeaturedDoctor) };
}
