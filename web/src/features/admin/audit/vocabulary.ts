import { AUDIT_ACTIONS } from '#shared/audit';

/** Actions the server writes to the audit log, offered as suggestions; any other text may be typed. */
export const KNOWN_ACTIONS: readonly string[] = AUDIT_ACTIONS;

/** Kinds of record the audit log names, offered as suggestions. */
export const KNOWN_ENTITY_TYPES = [
  'user',
  'patient',
  'medical_history',
  'doctor',
  'specialization',
  'time_off',
  'appointment',
  'settings',
  'delivery_job',
  'audit',
  'overview',
];
