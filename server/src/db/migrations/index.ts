import type { Migration } from 'kysely';
import * as m001 from './001_foundation.ts';
import * as m002 from './002_people.ts';
import * as m003 from './003_scheduling.ts';
import * as m004 from './004_notifications.ts';
import * as m005 from './005_appointment_indexes.ts';
import * as m006 from './006_settings_sessions.ts';
import * as m007 from './007_appointment_order_indexes.ts';
import * as m008 from './008_schema_version.ts';
import * as m009 from './009_prescriptions.ts';
import * as m010 from './010_consultations.ts';
import * as m011 from './011_accounts.ts';
import * as m012 from './012_audit.ts';
import * as m013 from './013_first_run.ts';
import * as m016 from './016_signed_links.ts';
import * as m017 from './017_payments.ts';
import * as m018 from './018_blood_group_check.ts';

/** Every migration, in order. Never edit one that has landed: add the next number. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_people': m002,
  '003_scheduling': m003,
  '004_notifications': m004,
  '005_appointment_indexes': m005,
  '006_settings_sessions': m006,
  '007_appointment_order_indexes': m007,
  '008_schema_version': m008,
  '009_prescriptions': m009,
  '010_consultations': m010,
  '011_accounts': m011,
  '012_audit': m012,
  '013_first_run': m013,
  '016_signed_links': m016,
  '017_payments': m017,
  '018_blood_group_check': m018,
};
