import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { AppointmentStatus } from '#shared/appointments';
import type { AuditOutcome } from '#shared/audit';
import type { HistoryKind } from '#shared/history';
import type { BloodGroup, Gender } from '#shared/people';
import type { Role } from '#shared/roles';
import type { HistoryActorKind, LINK_ACTOR_ROLE } from '#shared/links';
import type { TemperatureUnit } from '#shared/vitals';
import type { BreakGlassGrantsTable, ConsultationAddendaTable, ConsultationsTable, FormularyTable, FormularyTermsTable, PrescriptionItemsTable, PrescriptionNumbersTable, PrescriptionsTable } from './clinical-tables.ts';
import type { PaymentEventsTable, PaymentRefundsTable, PaymentsTable } from './payment-tables.ts';
import type { KnownDevicesTable, MfaChallengesTable, MfaRecoveryCodesTable, MfaTotpTable, PasswordResetTokensTable, SetupTokensTable } from './account-tables.ts';

export type * from './clinical-tables.ts';
export type * from './account-tables.ts';
export type * from './payment-tables.ts';

/** Instants are ISO-8601 UTC text; booleans are 0/1 integers (see the house plan, section 4). */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  active: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string | null;
}

export interface AuditLogTable {
  id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: Role | typeof LINK_ACTOR_ROLE | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
  /** The HMAC key the row was hashed with (its id, never the key); null for rows hashed with plain SHA-256 before 012_audit. */
  key_id: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  last_hash: string;
  /** 012_audit: the sequence number of the first keyed row (the anchor); null until it is written. */
  anchor_seq: number | null;
  /** 012_audit: HMAC of (seq, last_hash) with the audit key. */
  head_mac: string | null;
}

export interface SettingsTable {
  id: number;
  hospital_name: string;
  tagline: string | null;
  about: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  opening_hours: string | null;
  time_zone: string;
  approval_mode: string;
  min_notice_minutes: number;
  booking_horizon_days: number;
  cancellation_notice_hours: number;
  max_open_requests_per_patient: number;
  updated_at: string;
  /** JSON list of minutes before a confirmed appointment at which its patient is reminded, e.g. [1440,120] (migration 004). */
  reminder_offsets_minutes: string;
  /** A session ends after this long without a request (migration 006). */
  session_idle_minutes: number;
  /** A session ends this long after sign-in, whatever its activity (migration 006). */
  session_absolute_hours: number;
  /** 'C' | 'F': the unit temperatures are shown in (stored in °C) (migration 010). */
  temperature_unit: TemperatureUnit;
  /** 1: completing an appointment needs its signed consultation (migration 010). */
  require_signed_consultation: number;
  /** 1: admins, doctors and receptionists must sign in with a second factor (migration 011). */
  mfa_required_for_staff: number;
  /** 'off' | 'optional' | 'required': whether patients pay online (migration 017). */
  payment_mode: string;
  /** With payments required, how long a booked slot is held for the patient to pay (migration 017). */
  payment_hold_minutes: number;
  /** A patient who cancels at least this long before the start gets a full refund (migration 017). */
  refund_full_notice_hours: number;
  /** The percentage refunded when a patient cancels later than that (migration 017). */
  refund_late_percent: number;
}

export interface PatientsTable {
  id: string;
  user_id: string | null;
  name: string;
  date_of_birth: string;
  gender: Gender;
  phone: string;
  email: string | null;
  address: string | null;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  blood_group: BloodGroup | null;
  active: number;
  /** Lower-cased, accent-stripped name, email and phone, for search. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface SpecializationsTable {
  id: string;
  name: string;
  /** Lower-cased name: unique, so "Cardiology" and "cardiology" cannot both exist. */
  name_key: string;
  description: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface DoctorsTable {
  id: string;
  user_id: string;
  name: string;
  phone: string;
  specialization_id: string;
  department: string | null;
  bio: string | null;
  years_experience: number | null;
  fee_minor: number | null;
  fee_currency: string | null;
  /** JSON array of language names. */
  languages: string;
  public_email: number;
  public_phone: number;
  slot_minutes: number;
  photo_content_type: string | null;
  photo_base64: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface MedicalHistoryTable {
  id: string;
  patient_id: string;
  kind: HistoryKind;
  title: string;
  details: string | null;
  onset_date: string | null;
  resolved_date: string | null;
  self_reported: number;
  version: number;
  recorded_by: string;
  recorded_at: string;
  updated_by: string | null;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
  /** Allergy entries only: the formulary ingredient or drug class the allergy is coded to (migration 009). */
  allergen_ingredient: string | null;
  allergen_class: string | null;
}

export interface MedicalHistoryVersionsTable {
  entry_id: string;
  version: number;
  kind: HistoryKind;
  title: string;
  details: string | null;
  onset_date: string | null;
  resolved_date: string | null;
  changed_by: string;
  changed_at: string;
  allergen_ingredient: string | null;
  allergen_class: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  appointment_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AvailabilityIntervalsTable {
  id: string;
  doctor_id: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight, in the hospital's time zone. */
  start_minute: number;
  end_minute: number;
}

export interface TimeOffTable {
  id: string;
  doctor_id: string;
  start_at: string;
  end_at: string;
  reason: string | null;
  created_by: string;
  created_at: string;
}

export interface AppointmentsTable {
  id: string;
  doctor_id: string;
  patient_id: string;
  start_at: string;
  end_at: string;
  status: AppointmentStatus;
  reason: string;
  decision_note: string | null;
  /** Bumped on every change (iCalendar SEQUENCE). */
  sequence: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The doctor's fee when the appointment was booked, in minor units, and its currency (migration 017); null when free. */
export interface AppointmentFeeColumns {
  fee_minor: ColumnType<number | null, number | null | undefined, number | null>;
  fee_currency: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AppointmentHistoryTable {
  id: string;
  appointment_id: string;
  at: string;
  /** Null for a change made through a signed link by a patient without an account. */
  actor_id: string | null;
  actor_role: Role | typeof LINK_ACTOR_ROLE;
  /** Defaults to user. */
  actor_kind?: HistoryActorKind;
  from_status: AppointmentStatus | null;
  to_status: AppointmentStatus;
  from_start: string | null;
  to_start: string | null;
  note: string | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface DeliveryJobsTable {
  id: string;
  notification_id: string | null;
  appointment_id: string | null;
  user_id: string | null;
  /** A patient without an account, written to at their own address. */
  patient_id?: string | null;
  kind: string;
  /** email | sms | reminder */
  channel: string;
  /** An email address, a phone number, or (reminder jobs) the user id. */
  recipient: string;
  /** JSON: what the message is rendered from. */
  payload: string;
  /** pending | sending | sent | failed | dead | skipped */
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  email: number;
  sms: number;
  updated_at: string;
}

export interface CalendarFeedsTable {
  user_id: string;
  /** SHA-256 (hex) of the feed's secret token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
}

/** One row: the HMS version that last applied migrations to this database. */
export interface SchemaVersionTable {
  id: number;
  hms_version: string;
  updated_at: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  settings: SettingsTable;
  patients: PatientsTable;
  specializations: SpecializationsTable;
  doctors: DoctorsTable;
  medical_history: MedicalHistoryTable;
  medical_history_versions: MedicalHistoryVersionsTable;
  notifications: NotificationsTable;
  availability_intervals: AvailabilityIntervalsTable;
  time_off: TimeOffTable;
  appointments: AppointmentsTable & AppointmentFeeColumns;
  appointment_history: AppointmentHistoryTable;
  idempotency_keys: IdempotencyKeysTable;
  delivery_jobs: DeliveryJobsTable;
  notification_preferences: NotificationPreferencesTable;
  calendar_feeds: CalendarFeedsTable;
  signed_links: SignedLinksTable;
  formulary: FormularyTable;
  formulary_terms: FormularyTermsTable;
  prescription_numbers: PrescriptionNumbersTable;
  prescriptions: PrescriptionsTable;
  prescription_items: PrescriptionItemsTable;
  schema_version: SchemaVersionTable;
  consultations: ConsultationsTable;
  consultation_addenda: ConsultationAddendaTable;
  break_glass_grants: BreakGlassGrantsTable;
  setup_tokens: SetupTokensTable;
  password_reset_tokens: PasswordResetTokensTable;
  mfa_totp: MfaTotpTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  mfa_challenges: MfaChallengesTable;
  known_devices: KnownDevicesTable;
  payments: PaymentsTable;
  payment_refunds: PaymentRefundsTable;
  payment_events: PaymentEventsTable;
}

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either the database or an open transaction: what query functions take first. */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Dialect = 'sqlite' | 'postgres' | 'pglite';

export interface SignedLinksTable {
  id: string;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  /** manage | feedback | waitlist_offer */
  purpose: string;
  appointment_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** The start of the current one-minute request window, and the requests counted in it. */
  window_start: string | null;
  window_count: number;
}
