import type { Executor, SettingsTable } from '../../db/types.ts';
import { findSettings, insertDefaultSettings, listFeaturedDoctors, listServices, type FeaturedDoctorRow, type ServiceRow } from './hospital.queries.ts';

export const DEFAULT_HOSPITAL_NAME = 'HMS General Hospital';

/** Creates the one settings row on first start, in the configured time zone. */
export async function ensureSettings(db: Executor, timeZone: string, now: Date): Promise<void> {
  await insertDefaultSettings(db, {
    id: 1, hospital_name: DEFAULT_HOSPITAL_NAME, tagline: null, about: null, address: null, phone: null, email: null,
    opening_hours: null, time_zone: timeZone, approval_mode: 'manual', min_notice_minutes: 120, booking_horizon_days: 60,
    cancellation_notice_hours: 24, max_open_requests_per_patient: 3, updated_at: now.toISOString(),
  });
}

export async function getSettings(db: Executor): Promise<SettingsTable> {
  const row = await findSettings(db);
  if (!row) throw new Error('The settings row is missing: the database was not initialised');
  return row;
}

/** What the public home page may show: nothing private. */
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
