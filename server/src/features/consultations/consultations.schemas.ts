import { Type, type TSchema } from 'typebox';
import { CONSULTATION_LIMITS, CONSULTATION_STATUSES, DIAGNOSIS_STATUSES } from '#shared/consultations';
import { VITALS, VITAL_NAMES, type VitalName } from '#shared/vitals';
import { APPOINTMENT_STATUSES } from '../appointments/state-machine.ts';
import { Id, Instant, Page, PageQuery } from '../../http/schemas.ts';

const Text = (maxLength: number, description?: string) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()], description ? { description } : {}));
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const vitalDescription = (name: VitalName) => {
  const rule = VITALS[name];
  return `${rule.label}, ${rule.unit} (${rule.minimum}–${rule.maximum}, at most ${rule.decimals} decimal places)`;
};

export const VitalsBody = Type.Object(
  Object.fromEntries(VITAL_NAMES.map((name) => [name, Type.Optional(Nullable(Type.Number({ description: vitalDescription(name) })))])) as Record<
    VitalName, ReturnType<typeof Type.Optional<ReturnType<typeof Nullable<ReturnType<typeof Type.Number>>>>>
  >,
  { additionalProperties: false, description: 'SI units; out of the physiological bounds answers 400 VALIDATION_FAILED with the field\'s path (e.g. /vitals/pulse)' },
);

export const DiagnosisBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: CONSULTATION_LIMITS.diagnosisText, pattern: '\\S' }),
    code: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'An ICD-10 code from GET /api/diagnosis-codes; an unknown code answers 400' }))),
    primary: Type.Optional(Type.Boolean({ description: 'At most one primary diagnosis' })),
    status: Type.Optional(Nullable(Type.Enum(DIAGNOSIS_STATUSES))),
  },
  { additionalProperties: false },
);

export const NotesBody = Type.Object(
  {
    history: Text(CONSULTATION_LIMITS.note),
    examination: Text(CONSULTATION_LIMITS.note),
    assessment: Text(CONSULTATION_LIMITS.note),
    plan: Text(CONSULTATION_LIMITS.note),
  },
  { additionalProperties: false },
);

export const ConsultationBody = Type.Object(
  {
    complaint: Text(CONSULTATION_LIMITS.complaint, 'The chief complaint'),
    notes: Type.Optional(NotesBody),
    vitals: Type.Optional(VitalsBody),
    diagnoses: Type.Optional(Type.Array(DiagnosisBody, { maxItems: CONSULTATION_LIMITS.diagnoses })),
    followUp: Text(CONSULTATION_LIMITS.followUp, 'Follow-up advice for the patient'),
  },
  { additionalProperties: false, description: 'The whole draft: a field left out is cleared' },
);

export const Vitals = Type.Object({
  ...(Object.fromEntries(VITAL_NAMES.map((name) => [name, Nullable(Type.Number({ description: vitalDescription(name) }))])) as Record<
    VitalName, ReturnType<typeof Nullable<ReturnType<typeof Type.Number>>>
  >),
  bmi: Nullable(Type.Number({ description: 'Body-mass index (kg/m²), derived from weight and height' })),
});

export const Diagnosis = Type.Object({
  text: Type.String(),
  code: Nullable(Type.String()),
  codeTitle: Nullable(Type.String({ description: 'The ICD-10 title of the code' })),
  primary: Type.Boolean(),
  status: Nullable(Type.Enum(DIAGNOSIS_STATUSES)),
});

export const Addendum = Type.Object({
  id: Id,
  at: Instant,
  authorId: Id,
  authorName: Type.String(),
  authorRole: Type.String(),
  text: Type.String(),
});

export const Consultation = Type.Object({
  id: Id,
  appointmentId: Id,
  appointmentStart: Instant,
  appointmentStatus: Type.Enum(APPOINTMENT_STATUSES),
  patientId: Id,
  patientName: Type.String(),
  doctorId: Id,
  doctorName: Type.String(),
  status: Type.Enum(CONSULTATION_STATUSES),
  complaint: Nullable(Type.String()),
  notes: Type.Object({ history: Nullable(Type.String()), examination: Nullable(Type.String()), assessment: Nullable(Type.String()), plan: Nullable(Type.String()) }),
  vitals: Vitals,
  diagnoses: Type.Array(Diagnosis),
  followUp: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
  signedAt: Nullable(Instant),
  signedBy: Nullable(Type.Object({ id: Id, name: Type.String() })),
  addenda: Type.Array(Addendum, { description: 'Corrections after signing, oldest first' }),
});

export const AddendumBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: CONSULTATION_LIMITS.addendum, pattern: '\\S', description: 'What is corrected or added, and why' }) },
  { additionalProperties: false },
);

export const VisitSummary = Type.Object({
  appointmentId: Id,
  consultationId: Id,
  start: Instant,
  doctorId: Id,
  doctorName: Type.String(),
  signedAt: Instant,
  complaint: Nullable(Type.String()),
  diagnoses: Type.Array(Diagnosis),
  followUp: Nullable(Type.String()),
});

export const VisitSummaryPage = Page(VisitSummary);

export const PatientParams = Type.Object({ id: Id });
export const PageOnlyQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const BreakGlassBody = Type.Object(
  {
    reason: Type.String({
      minLength: CONSULTATION_LIMITS.breakGlassReasonMin, maxLength: CONSULTATION_LIMITS.breakGlassReasonMax, pattern: '\\S',
      description: `Why clinical records must be read (at least ${CONSULTATION_LIMITS.breakGlassReasonMin} characters); audited`,
    }),
  },
  { additionalProperties: false },
);

export const BreakGlassGrant = Type.Object({ id: Id, patientId: Id, expiresAt: Instant });

export const DiagnosisCode = Type.Object({ code: Type.String(), title: Type.String() });
export const DiagnosisCodeQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of a code or of its title' })), ...PageQuery },
  { additionalProperties: false },
);
export const DiagnosisCodePage = Page(DiagnosisCode);
