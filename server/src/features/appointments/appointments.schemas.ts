import { HISTORY_ACTOR_KINDS } from '#shared/links';
import { Type } from 'typebox';
import { CONSULTATION_STATUSES } from '#shared/consultations';
import { ROLES } from '#shared/roles';
import { Id, Instant, Page, PageQuery } from '../../http/schemas.ts';
import { APPOINTMENT_STATUSES, TRANSITION_ACTIONS } from './state-machine.ts';

export const REASON_MAX_LENGTH = 1000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 100;

export const AppointmentStatusSchema = Type.Enum(APPOINTMENT_STATUSES);

const Reason = Type.String({ minLength: 1, maxLength: REASON_MAX_LENGTH, pattern: '\\S', description: 'Free text; not blank' });
const OptionalText = Type.Optional(Type.String({ maxLength: REASON_MAX_LENGTH }));

export const HistoryEntry = Type.Object({
  at: Instant,
  actorId: Type.Union([Id, Type.Null()], { description: 'null for a change made through a signed link by a patient without an account' }),
  actorRole: Type.Enum(ROLES),
  actorKind: Type.Enum(HISTORY_ACTOR_KINDS, { description: "'patient_link': the patient, through a signed link" }),
  actorName: Type.String(),
  from: Type.Union([AppointmentStatusSchema, Type.Null()], { description: 'null for the booking itself' }),
  to: AppointmentStatusSchema,
  note: Type.Optional(Type.String()),
  fromStart: Type.Optional(Instant),
  toStart: Type.Optional(Instant),
});

export const Appointment = Type.Object({
  id: Id,
  doctorId: Id,
  doctorName: Type.String(),
  patientId: Id,
  patientName: Type.String(),
  start: Instant,
  end: Instant,
  status: AppointmentStatusSchema,
  reason: Type.String(),
  decisionNote: Type.Optional(Type.String({ description: 'Why it was rejected or cancelled, or the note given with the last decision' })),
  createdAt: Instant,
  updatedAt: Instant,
  history: Type.Optional(Type.Array(HistoryEntry, { description: 'Every change, oldest first (on single-appointment answers)' })),
  outsideAvailability: Type.Optional(Type.Boolean({ description: "Staff views: the time lies outside the doctor's current weekly availability or inside time off" })),
  allowedActions: Type.Array(Type.Enum(TRANSITION_ACTIONS), { description: 'The changes the caller may make to this appointment now' }),
  consultation: Type.Union([
    Type.Object({ status: Type.Enum(CONSULTATION_STATUSES), signedAt: Type.Union([Instant, Type.Null()]) }),
    Type.Null(),
  ], { description: 'Whether the visit has a consultation record (a draft is shown only to staff), without its clinical content' }),
  changeDeadline: Type.Union([Instant, Type.Null()], {
    description: 'When a notice window applies to the caller (a patient): the last moment they may cancel or move it themself; otherwise null',
  }),
});

export const AppointmentPage = Page(Appointment);

export const AppointmentParams = Type.Object({ id: Id });

export const BookBody = Type.Object(
  {
    doctorId: Id,
    start: Type.Optional(Instant),
    reason: Reason,
    patientId: Type.Optional(Id),
    walkIn: Type.Optional(Type.Boolean({
      description: 'Front desk only: a walk-in starting now (to the minute) for the doctor\'s slot length, confirmed at once, outside the slot grid; leave out start',
    })),
  },
  { additionalProperties: false, description: 'start is required unless walkIn is true' },
);

export const BookHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH, description: 'Retries with the same key and body answer the first response again' }),
  ),
});

export const AppointmentQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Array(AppointmentStatusSchema, { maxItems: APPOINTMENT_STATUSES.length, description: 'One or more statuses' })),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    doctorId: Type.Optional(Id),
    patientId: Type.Optional(Id),
    order: Type.Optional(Type.Enum(['asc', 'desc'], { default: 'asc', description: 'By start time' })),
  },
  { additionalProperties: false },
);

export const NoteBody = Type.Object({ note: OptionalText }, { additionalProperties: false });
export const RejectBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const CancelBody = Type.Object({ reason: OptionalText }, { additionalProperties: false });
export const RescheduleBody = Type.Object({ start: Instant, reason: OptionalText }, { additionalProperties: false });
