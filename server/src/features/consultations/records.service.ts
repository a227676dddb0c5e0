import { BREAK_GLASS_MINUTES } from '#shared/consultations';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { documentHospital, type DocumentFile } from '../documents/documents.service.ts';
import { renderVisitSummaryPdf } from '../documents/visit-summary.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { visitPrescriptionsForDocument } from '../prescriptions/prescriptions.service.ts';
import { auditBy, auditedTransaction, Denied, loadPatient, type Caller } from '../patients/access.ts';
import { accessToPatient, readMarker, refusal, visitFor } from './access.ts';
import { findConsultationOfAppointment, insertGrant, listAddenda, listSignedConsultationsOfPatient } from './consultations.queries.ts';
import { diagnosesOf, toVisitSummary, vitalsOf, type VisitSummaryView } from './consultations.mapper.ts';
import { CONSULTATION_ACTIONS } from './consultations.service.ts';
import { searchDiagnosisCodes, type DiagnosisCodeEntry } from './diagnosis-codes.ts';

interface PageQuery {
  limit?: number | undefined;
  cursor?: string | undefined;
}

function badCursor(): AppError {
  return new AppError(400, 'VALIDATION_FAILED', 'The cursor is not one this list gave out', [{ path: '/cursor', message: 'is invalid' }]);
}

function decodePair(cursor: string): { start: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { start: value[0], id: value[1] };
  } catch {
    // answered below
  }
  throw badCursor();
}

/** A page of the patient's signed visit summaries, latest first: the patient, their doctors, an admin through break-glass. */
export async function listPatientConsultations(deps: Deps, caller: Caller, patientId: string, query: PageQuery): Promise<{ items: VisitSummaryView[]; nextCursor: string | null }> {
  const now = deps.clock.now();
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const after = query.cursor === undefined ? undefined : decodePair(query.cursor);
  return auditedTransaction(deps, caller, async (trx) => {
    if (!(await loadPatient(trx, caller.actor, patientId))) throw new Denied(notFound('Patient'), CONSULTATION_ACTIONS.list, 'patient', patientId);
    const grant = await accessToPatient(trx, caller, { doctorId: '', patientId }, now);
    const denied = refusal(grant.access, CONSULTATION_ACTIONS.list, 'patient', patientId, 'Patient');
    if (denied) throw denied;
    const rows = await listSignedConsultationsOfPatient(trx, patientId, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    await writeAudit(trx, now, auditBy(caller, {
      action: CONSULTATION_ACTIONS.list, entityType: 'patient', entityId: patientId, outcome: 'success', details: { count: page.length, ...readMarker(grant) },
    }));
    return {
      items: page.map(toVisitSummary),
      nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.start_at, last.id])).toString('base64url') : null,
    };
  });
}

/** An administrator's time-limited access to one patient's clinical records, with the reason; audited. */
export async function breakGlass(deps: Deps, caller: Caller, patientId: string, reason: string): Promise<{ id: string; patientId: string; expiresAt: string }> {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    if (!(await loadPatient(trx, caller.actor, patientId))) throw new Denied(notFound('Patient'), CONSULTATION_ACTIONS.breakGlass, 'patient', patientId);
    const id = newId();
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000).toISOString();
    await insertGrant(trx, { id, user_id: caller.actor.userId, patient_id: patientId, reason: reason.trim(), created_at: now.toISOString(), expires_at: expiresAt });
    await writeAudit(trx, now, auditBy(caller, {
      action: CONSULTATION_ACTIONS.breakGlass, entityType: 'patient', entityId: patientId, outcome: 'success',
      details: { breakGlass: true, grantId: id, reason: reason.trim(), expiresAt },
    }));
    return { id, patientId, expiresAt };
  });
}

/** The visit summary of a signed consultation as PDF, for who may read it; the generation is audited. */
export async function visitSummaryPdf(deps: Deps, caller: Caller, appointmentId: string): Promise<DocumentFile> {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const grant = await visitFor(trx, caller, appointmentId, CONSULTATION_ACTIONS.summaryPdf, now);
    const row = await findConsultationOfAppointment(trx, appointmentId);
    if (!row || row.status !== 'signed' || !row.signed_at) {
      throw new Denied(notFound('Signed consultation'), CONSULTATION_ACTIONS.summaryPdf, 'appointment', appointmentId);
    }
    const [settings, addenda, prescriptions] = await Promise.all([
      getSettings(trx), listAddenda(trx, row.id), visitPrescriptionsForDocument(trx, appointmentId, now),
    ]);
    const hospital = documentHospital(settings);
    const { visit } = grant;
    const body = await renderVisitSummaryPdf({
      hospital,
      generatedAt: now,
      patient: { name: visit.patient_name, dateOfBirth: visit.patient_date_of_birth, identifier: visit.patient_id },
      doctor: { name: visit.doctor_name, specialization: visit.specialization_name },
      visit: { appointmentId, start: visit.start_at, signedAt: row.signed_at },
      complaint: row.complaint,
      vitals: vitalsOf(row),
      diagnoses: diagnosesOf(row.diagnoses),
      plan: row.note_plan,
      followUp: row.follow_up,
      addenda: addenda.map((a) => ({ at: a.at, text: a.text })),
      prescriptions,
      temperatureUnit: settings.temperature_unit === 'F' ? 'F' : 'C',
    });
    await writeAudit(trx, now, auditBy(caller, {
      action: CONSULTATION_ACTIONS.summaryPdf, entityType: 'appointment', entityId: appointmentId, outcome: 'success',
      details: { consultationId: row.id, patientId: row.patient_id, format: 'pdf', ...readMarker(grant) },
    }));
    return { filename: `visit-summary-${visit.start_at.slice(0, 10)}.pdf`, contentType: 'application/pdf', body };
  });
}

/** A page of the shipped ICD-10 codes matching the query (offset cursor over a fixed list). */
export function findDiagnosisCodes(query: { q?: string | undefined } & PageQuery): { items: DiagnosisCodeEntry[]; nextCursor: string | null } {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  let offset = 0;
  if (query.cursor !== undefined) {
    offset = Number(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    if (!Number.isSafeInteger(offset) || offset < 0) throw badCursor();
  }
  const matches = searchDiagnosisCodes(query.q);
  const items = matches.slice(offset, offset + limit);
  const next = offset + limit < matches.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
  return { items, nextCursor: next };
}
