import { Type, type Static } from 'typebox';
import { Id, Instant } from '../../http/schemas.ts';
import { Appointment } from '../appointments/appointments.schemas.ts';
import { HistoryEntry } from '../history/history.schemas.ts';
import { Notification } from '../notifications/notifications.schemas.ts';
import { Nullable, PatientParams, PatientProfile } from '../patients/patients.schemas.ts';

/**
 * The sections of the patient's record, in the order the record shows them. Each module that holds data about
 * the patient adds its section here (consultations and prescriptions come next), with its property below and
 * its loader and PDF blocks in record-sections.ts.
 */
export const RECORD_SECTIONS = ['profile', 'appointments', 'medicalHistory', 'notifications'] as const;
export type RecordSectionKey = (typeof RECORD_SECTIONS)[number];

export const RecordParams = PatientParams;

export const RecordOmission = Type.Object({
  section: Type.Enum(RECORD_SECTIONS),
  reason: Type.String({ description: 'Why the section is left out or cut down for this caller' }),
});

export const PatientRecord = Type.Object({
  format: Type.Literal('hms.patient-record'),
  formatVersion: Type.Literal(1),
  generatedAt: Instant,
  timeZone: Type.String({ description: "The hospital's IANA time zone; instants are UTC" }),
  hospital: Type.Object({ name: Type.String(), address: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  patientId: Id,
  sections: Type.Array(Type.Enum(RECORD_SECTIONS), { description: 'The sections this record holds' }),
  omissions: Type.Array(RecordOmission, { description: 'Sections left out or cut down for this caller, and why' }),
  profile: PatientProfile,
  appointments: Type.Optional(Type.Array(Appointment, { description: 'Every appointment, by start time, each with its changes' })),
  medicalHistory: Type.Optional(Type.Array(HistoryEntry, { description: 'The medical history entries that are not deleted, oldest first' })),
  notifications: Type.Optional(Type.Array(Notification, { description: "The notifications sent to the patient's account, oldest first" })),
}, { description: "Everything HMS holds about the patient that the caller may see, machine-readable (the patient's right of access)" });

export type PatientRecordView = Static<typeof PatientRecord>;

/** The OpenAPI description of a PDF answer. */
export const PdfFile = {
  description: 'A PDF document (A4), sent as an attachment',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};
