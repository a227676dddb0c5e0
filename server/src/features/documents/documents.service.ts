import type { Deps } from '../../deps.ts';
import type { SettingsTable, Trx } from '../../db/types.ts';
import { notFound } from '../../http/app-error.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { canViewAppointment } from '../appointments/policy.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { auditBy, auditedTransaction, Denied, loadPatient, type Caller } from '../patients/access.ts';
import { todayIn, toPatientProfile } from '../patients/patients.mappers.ts';
import { canViewPatient, patientAudience } from '../patients/patients.policy.ts';
import { patientNotFound } from '../patients/patients.service.ts';
import { breakGlassGrantId, breakGlassRequired } from '../consultations/access.ts';
import { findSlipAppointment } from './documents.queries.ts';
import type { DocumentHospital } from './pdf/renderer.ts';
import { renderPatientRecordPdf } from './record-pdf.ts';
import { RECORD_SECTION_LIST } from './record-sections.ts';
import type { PatientRecordView, RecordSectionKey } from './record.schemas.ts';
import { renderAppointmentSlip } from './slip.ts';

export const DOCUMENT_ACTIONS = {
  appointmentSlip: 'document.appointment_slip.generate',
  patientRecord: 'document.patient_record.generate',
} as const;

/** A generated document, ready to send as a download. */
export interface DocumentFile {
  filename: string;
  contentType: 'application/pdf';
  body: Buffer;
}

export function documentHospital(settings: SettingsTable): DocumentHospital {
  return { name: settings.hospital_name, address: settings.address, phone: settings.phone, timeZone: settings.time_zone };
}

/** The appointment slip, for whoever may read the appointment (404 otherwise); the generation is audited. */
export async function appointmentSlip(deps: Deps, caller: Caller, appointmentId: string): Promise<DocumentFile> {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const [settings, row] = await Promise.all([getSettings(trx), findSlipAppointment(trx, appointmentId)]);
    if (!row) throw notFound('Appointment');
    if (!canViewAppointment(caller.actor, { doctorId: row.doctor_id, patientId: row.patient_id })) {
      throw new Denied(notFound('Appointment'), DOCUMENT_ACTIONS.appointmentSlip, 'appointment', appointmentId);
    }
    const hospital = documentHospital(settings);
    const body = await renderAppointmentSlip({
      hospital,
      generatedAt: now,
      appointment: { id: row.id, start: row.start_at, end: row.end_at, status: row.status, reason: row.reason },
      doctor: { name: row.doctor_name, specialization: row.specialization_name, department: row.doctor_department },
      patient: { name: row.patient_name, dateOfBirth: row.patient_date_of_birth },
      cancellationNoticeHours: settings.cancellation_notice_hours,
      // Signed manage links are not issued yet; once they are, the slip prints the appointment's link here.
      manageUrl: null,
    });
    await writeAudit(trx, now, auditBy(caller, {
      action: DOCUMENT_ACTIONS.appointmentSlip, entityType: 'appointment', entityId: appointmentId, outcome: 'success',
      details: { patientId: row.patient_id, format: 'pdf' },
    }));
    return { filename: `appointment-slip-${todayIn(hospital.timeZone, new Date(row.start_at))}.pdf`, contentType: 'application/pdf', body };
  });
}

interface ReadRecord {
  record: PatientRecordView;
  hospital: DocumentHospital;
  /** The break-glass grant an administrator produces the record under, for the audit row. */
  grantId: string | null;
}

/** The record holds clinical content: an administrator produces it only under a live break-glass grant. */
async function readRecord(trx: Trx, caller: Caller, patientId: string, now: Date): Promise<ReadRecord> {
  const [found, settings] = await Promise.all([loadPatient(trx, caller.actor, patientId), getSettings(trx)]);
  if (!found) throw patientNotFound();
  if (!canViewPatient(caller.actor, found.relation)) throw new Denied(patientNotFound(), DOCUMENT_ACTIONS.patientRecord, 'patient', patientId);
  const grantId = await breakGlassGrantId(trx, caller, patientId, now);
  if (caller.actor.role === 'admin' && grantId === null) throw new Denied(breakGlassRequired(), DOCUMENT_ACTIONS.patientRecord, 'patient', patientId);
  const hospital = documentHospital(settings);
  const sections: RecordSectionKey[] = ['profile'];
  const omissions: PatientRecordView['omissions'] = [];
  let data: Partial<PatientRecordView> = {};
  for (const section of RECORD_SECTION_LIST) {
    const limit = section.limit(caller.actor, found.relation);
    if (limit) omissions.push({ section: section.key, reason: limit.reason });
    if (limit && !limit.included) continue;
    sections.push(section.key);
    data = { ...data, ...(await section.load({ trx, actor: caller.actor, patient: found.patient, relation: found.relation })) };
  }
  const record: PatientRecordView = {
    format: 'hms.patient-record',
    formatVersion: 1,
    generatedAt: now.toISOString(),
    timeZone: hospital.timeZone,
    hospital: { name: hospital.name, address: hospital.address, phone: hospital.phone },
    patientId,
    sections,
    omissions,
    profile: toPatientProfile(found.patient, todayIn(hospital.timeZone, now), patientAudience(caller.actor)),
    ...data,
  };
  return { record, hospital, grantId };
}

async function auditRecord(trx: Trx, caller: Caller, now: Date, { record, grantId }: ReadRecord, format: 'json' | 'pdf'): Promise<void> {
  await writeAudit(trx, now, auditBy(caller, {
    action: DOCUMENT_ACTIONS.patientRecord, entityType: 'patient', entityId: record.patientId, outcome: 'success',
    details: { format, sections: record.sections, ...(grantId ? { breakGlass: true, grantId } : {}) },
  }));
}

const recordFilename = (record: PatientRecordView, extension: string) =>
  `patient-record-${todayIn(record.timeZone, new Date(record.generatedAt))}.${extension}`;

/** The patient's whole record as JSON, with the file name to download it under; the generation is audited. */
export async function patientRecordJson(deps: Deps, caller: Caller, patientId: string): Promise<{ filename: string; record: PatientRecordView }> {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const read = await readRecord(trx, caller, patientId, now);
    await auditRecord(trx, caller, now, read, 'json');
    return { filename: recordFilename(read.record, 'json'), record: read.record };
  });
}

/** The patient's whole record as a PDF; the generation is audited. */
export async function patientRecordPdf(deps: Deps, caller: Caller, patientId: string): Promise<DocumentFile> {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const read = await readRecord(trx, caller, patientId, now);
    const body = await renderPatientRecordPdf(read.record, read.hospital);
    await auditRecord(trx, caller, now, read, 'pdf');
    return { filename: recordFilename(read.record, 'pdf'), contentType: 'application/pdf', body };
  });
}
