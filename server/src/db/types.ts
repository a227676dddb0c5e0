import type { Kysely, Transaction } from 'kysely';

/** Instants are ISO-8601 UTC text; booleans are 0/1 integers (see the house plan, section 4). */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
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
  actor_role: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  ip: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  last_hash: string;
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
}

export interface PatientsTable {
  id: string;
  user_id: string | null;
  name: string;
  date_of_birth: string;
  gender: string;
  phone: string;
  email: string | null;
  address: string | null;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  blood_group: string | null;
  active: number;
  created_at: string;
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
}

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either the database or an open transaction: what query functions take first. */
export type Executor = Kysely<DB> | Transaction<DB>;
export type Dialect = 'sqlite' | 'postgres' | 'pglite';
