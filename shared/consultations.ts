/** The vocabulary of consultations, shared by the server and the web. */

export const CONSULTATION_STATUSES = ['draft', 'signed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const DIAGNOSIS_STATUSES = ['provisional', 'confirmed', 'ruled-out'] as const;
export type DiagnosisStatus = (typeof DIAGNOSIS_STATUSES)[number];

export const CONSULTATION_LIMITS = {
  complaint: 2000,
  note: 10_000,
  followUp: 2000,
  diagnosisText: 500,
  diagnoses: 20,
  addendum: 5000,
  breakGlassReasonMin: 10,
  breakGlassReasonMax: 1000,
} as const;

/** How long an administrator's break-glass access to one patient's clinical record lasts. */
export const BREAK_GLASS_MINUTES = 30;

export const NOTE_SECTIONS = ['history', 'examination', 'assessment', 'plan'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];
