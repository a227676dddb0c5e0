/** Vocabularies of the formulary and of prescriptions, shared by the server and the web. */

export const PRESCRIPTION_STATUSES = ['draft', 'active', 'completed', 'stopped', 'entered-in-error'] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

export const PRESCRIPTION_STATUS_LABELS: Record<PrescriptionStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  completed: 'Completed',
  stopped: 'Stopped',
  'entered-in-error': 'Entered in error (void)',
};

/** What the caller may do with a prescription now, as the server says in `allowedActions`. */
export const PRESCRIPTION_ACTIONS = ['edit', 'delete', 'issue', 'stop', 'complete', 'entered-in-error', 'replace'] as const;
export type PrescriptionAction = (typeof PRESCRIPTION_ACTIONS)[number];

export const ROUTES = [
  'oral', 'sublingual', 'buccal', 'topical', 'transdermal', 'inhaled', 'nasal', 'ophthalmic', 'otic', 'rectal', 'vaginal',
  'subcutaneous', 'intramuscular', 'intravenous',
] as const;
export type MedicineRoute = (typeof ROUTES)[number];

export const FORMS = [
  'tablet', 'capsule', 'oral solution', 'oral suspension', 'syrup', 'dispersible tablet', 'modified-release tablet',
  'modified-release capsule', 'chewable tablet', 'effervescent tablet', 'orodispersible tablet', 'sublingual spray',
  'cream', 'ointment', 'gel', 'lotion', 'patch', 'inhaler', 'dry powder inhaler', 'nebuliser solution', 'nasal spray',
  'eye drops', 'eye ointment', 'ear drops', 'suppository', 'pessary', 'injection', 'pen injector', 'sachet',
] as const;
export type MedicineForm = (typeof FORMS)[number];

/** Frequency codes and how many administrations a day each means (null: not a fixed schedule). */
export const FREQUENCIES = {
  OD: { label: 'Once a day', perDay: 1 },
  BD: { label: 'Twice a day', perDay: 2 },
  TDS: { label: 'Three times a day', perDay: 3 },
  QDS: { label: 'Four times a day', perDay: 4 },
  mane: { label: 'In the morning', perDay: 1 },
  nocte: { label: 'At night', perDay: 1 },
  Q4H: { label: 'Every 4 hours', perDay: 6 },
  Q6H: { label: 'Every 6 hours', perDay: 4 },
  Q8H: { label: 'Every 8 hours', perDay: 3 },
  Q12H: { label: 'Every 12 hours', perDay: 2 },
  weekly: { label: 'Once a week', perDay: null },
  PRN: { label: 'When required', perDay: null },
  STAT: { label: 'Immediately, once', perDay: null },
} as const satisfies Record<string, { label: string; perDay: number | null }>;
export type FrequencyCode = keyof typeof FREQUENCIES;
export const FREQUENCY_CODES = Object.keys(FREQUENCIES) as FrequencyCode[];

export const DURATION_UNITS = ['d', 'wk', 'mo'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const DURATION_UNIT_LABELS: Record<DurationUnit, string> = { d: 'days', wk: 'weeks', mo: 'months' };
/** Days per duration unit, for the quantity check (a month counts as 30 days). */
export const DURATION_UNIT_DAYS: Record<DurationUnit, number> = { d: 1, wk: 7, mo: 30 };

export const DOSE_UNITS = [
  'mg', 'g', 'microgram', 'ng', 'mL', 'L', 'unit', 'mmol', 'tablet', 'capsule', 'puff', 'drop', 'sachet', 'patch',
  'suppository', 'pessary', 'application', 'spray', 'dose',
] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

/** A positive decimal without exponent: up to 6 whole digits and 3 decimals ("0.5", "1", "12.25"). */
export const DECIMAL_PATTERN = '^(0|[1-9][0-9]{0,5})(\\.[0-9]{1,3})?$';

export const REASON_MAX_LENGTH = 500;
export const INSTRUCTIONS_MAX_LENGTH = 500;
export const DRUG_TEXT_MAX_LENGTH = 200;
export const MAX_ITEMS = 20;
export const MAX_REFILLS = 12;
