import type { PatientsTable, Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { toAppointment } from '../appointments/appointments.mapper.ts';
import type { AllowedActions } from '../appointments/policy.ts';
import { canViewAppointment } from '../appointments/policy.ts';
import { canViewHistory } from '../history/history.policy.ts';
import { toHistoryEntry } from '../history/history.mappers.ts';
import { isPatientThemself, type PatientRelation } from '../patients/patients.policy.ts';
import { listAppointmentChangesOfPatient, listAppointmentsOfPatient, listHistoryOfPatient, listNotificationsOfUser, type RecordAppointmentChangeRow } from './documents.queries.ts';
import type { PatientRecordView, RecordSectionKey } from './record.schemas.ts';

// One entry per section of the patient's record after the profile: who gets it, and how it is read.
// A new module (consultations, prescriptions) adds one entry here and a property in record.schemas.ts.

export interface RecordContext {
  trx: Trx;
  actor: Actor;
  patient: PatientsTable;
  relation: PatientRelation;
}

type SectionData = Partial<Pick<PatientRecordView, 'appointments' | 'medicalHistory' | 'notifications'>>;

export interface RecordSection {
  key: Exclude<RecordSectionKey, 'profile'>;
  /** Null when the caller gets the whole section; otherwise why it is left out (`included: false`) or cut down. */
  limit(actor: Actor, relation: PatientRelation): { reason: string; included: boolean } | null;
  load(context: RecordContext): Promise<SectionData>;
}

/** The patient, admins and the front desk produce the record for the patient's right of access. */
const producesForPatient = (actor: Actor, relation: PatientRelation): boolean =>
  actor.role === 'admin' || actor.role === 'receptionist' || isPatientThemself(actor, relation.patientId);

function groupChanges(rows: RecordAppointmentChangeRow[]): Map<string, RecordAppointmentChangeRow[]> {
  const byAppointment = new Map<string, RecordAppointmentChangeRow[]>();
  for (const row of rows) byAppointment.set(row.appointment_id, [...(byAppointment.get(row.appointment_id) ?? []), row]);
  return byAppointment;
}

/** A record is a copy to keep, not a place to act: its appointments offer no actions. */
const SNAPSHOT: AllowedActions = { allowedActions: [], changeDeadline: null };

export const RECORD_SECTION_LIST: readonly RecordSection[] = [
  {
    key: 'appointments',
    limit: (actor) => (actor.role === 'doctor' ? { included: true, reason: 'Only the appointments with you are included' } : null),
    load: async ({ trx, actor, patient }) => {
      const [rows, changes] = await Promise.all([listAppointmentsOfPatient(trx, patient.id), listAppointmentChangesOfPatient(trx, patient.id)]);
      const byAppointment = groupChanges(changes);
      const visible = rows.filter((row) => canViewAppointment(actor, { doctorId: row.doctor_id, patientId: row.patient_id }));
      return { appointments: visible.map((row) => toAppointment(row, SNAPSHOT, { history: byAppointment.get(row.id) ?? [], showDraftConsultation: actor.role !== 'patient' })) };
    },
  },
  {
    key: 'medicalHistory',
    limit: (actor, relation) => (canViewHistory(actor, relation) ? null : { included: false, reason: 'The medical history is shown only to the patient and their clinicians' }),
    load: async ({ trx, patient }) => ({ medicalHistory: (await listHistoryOfPatient(trx, patient.id)).map(toHistoryEntry) }),
  },
  {
    key: 'notifications',
    limit: (actor, relation) => (producesForPatient(actor, relation) ? null : { included: false, reason: "The patient's notifications are not part of the clinical view" }),
    load: async ({ trx, patient }) => ({ notifications: patient.user_id === null ? [] : (await listNotificationsOfUser(trx, patient.user_id)).map((row) => ({
      id: row.id, kind: row.kind, title: row.title, body: row.body,
      ...(row.appointment_id ? { appointmentId: row.appointment_id } : {}),
      createdAt: row.created_at, readAt: row.read_at,
    })) }),
  },
];
