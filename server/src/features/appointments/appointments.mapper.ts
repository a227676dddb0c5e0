import type { Static } from 'typebox';
import type { ConsultationStatus } from '#shared/consultations';
import type { Role } from '#shared/roles';
import type { Appointment, HistoryEntry } from './appointments.schemas.ts';
import type { AppointmentRow, HistoryRow } from './appointments.queries.ts';
import type { AllowedActions } from './policy.ts';
import type { AppointmentStatus } from './state-machine.ts';

export type AppointmentView = Static<typeof Appointment>;
export type HistoryView = Static<typeof HistoryEntry>;

export function toHistoryEntry(row: HistoryRow): HistoryView {
  return {
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role as Role,
    actorKind: row.actor_kind === 'patient_link' ? 'patient_link' : 'user',
    actorName: row.actor_name,
    from: row.from_status as AppointmentStatus | null,
    to: row.to_status as AppointmentStatus,
    ...(row.note !== null ? { note: row.note } : {}),
    ...(row.from_start !== null ? { fromStart: row.from_start } : {}),
    ...(row.to_start !== null ? { toStart: row.to_start } : {}),
  };
}

/** The appointment as its viewers see it; history and the availability flag only where the caller asked for them. */
export function toAppointment(
  row: AppointmentRow,
  allowed: AllowedActions,
  extras: { history?: HistoryRow[]; outsideAvailability?: boolean; showDraftConsultation?: boolean } = {},
): AppointmentView {
  const consultation = row.consultation_status === null || (row.consultation_status !== 'signed' && extras.showDraftConsultation === false)
    ? null
    : { status: row.consultation_status as ConsultationStatus, signedAt: row.consultation_signed_at };
  return {
    id: row.id,
    doctorId: row.doctor_id,
    doctorName: row.doctor_name,
    patientId: row.patient_id,
    patientName: row.patient_name,
    start: row.start_at,
    end: row.end_at,
    status: row.status as AppointmentStatus,
    reason: row.reason,
    ...(row.decision_note !== null ? { decisionNote: row.decision_note } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(extras.history ? { history: extras.history.map(toHistoryEntry) } : {}),
    ...(extras.outsideAvailability !== undefined ? { outsideAvailability: extras.outsideAvailability } : {}),
    allowedActions: allowed.allowedActions,
    consultation,
    changeDeadline: allowed.changeDeadline,
  };
}
