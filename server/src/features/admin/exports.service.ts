import { DateTime } from 'luxon';
import type { Deps } from '../../deps.ts';
import type { PatientsTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { csvDocument, type CsvValue } from '../../csv.ts';
import { csvFilename, EXPORT_MAX_ROWS, readAllRows } from '../../csv-export.ts';
import { listAppointments, type AppointmentRow } from '../appointments/appointments.queries.ts';
import type { AppointmentStatus } from '../appointments/state-machine.ts';
import { writeAudit, type AuditEntry } from '../audit/audit.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { listPatientRows } from '../patients/patients.queries.ts';
import { parseSearch } from '../patients/profile.ts';

export interface ExportCaller {
  actor: Actor;
  ip: string | null;
}

export interface PatientExportFilter {
  q?: string | undefined;
  active?: boolean | undefined;
}

export interface AppointmentExportFilter {
  status?: AppointmentStatus[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  doctorId?: string | undefined;
}

/** The export's audit row: who, what, how many rows; never the rows themselves or the search words. */
async function auditExport(deps: Deps, caller: ExportCaller, now: Date, entry: Pick<AuditEntry, 'action' | 'entityType' | 'details'>): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    writeAudit(trx, now, { actorId: caller.actor.userId, actorRole: caller.actor.role, ip: caller.ip, outcome: 'success', ...entry }),
  );
}

const PATIENT_HEADER = ['id', 'name', 'dateOfBirth', 'gender', 'phone', 'email', 'address', 'active', 'hasAccount', 'createdAt', 'updatedAt'];

const patientCells = (row: PatientsTable): CsvValue[] => [
  row.id, row.name, row.date_of_birth, row.gender, row.phone, row.email, row.address, row.active === 1, row.user_id !== null, row.created_at, row.updated_at,
];

/** Patients matching the search (the same as GET /api/patients), in name order, as CSV; audited with the row count. */
export async function exportPatientsCsv(deps: Deps, caller: ExportCaller, filter: PatientExportFilter, maxRows = EXPORT_MAX_ROWS) {
  const { words, dates } = parseSearch(filter.q);
  const rows = await readAllRows<PatientsTable>(
    (after, limit) => listPatientRows(deps.db, { words, dates, active: filter.active, after: after && { name: after.name, id: after.id } }, limit),
    maxRows,
  );
  const now = deps.clock.now();
  await auditExport(deps, caller, now, {
    action: 'patients.export', entityType: 'patient',
    details: { rows: rows.length, searched: words.length + dates.length > 0, ...(filter.active === undefined ? {} : { active: filter.active }) },
  });
  return { filename: csvFilename('patients', now), body: csvDocument(PATIENT_HEADER, rows.map(patientCells)) };
}

const APPOINTMENT_HEADER = [
  'id', 'start', 'end', 'localDate', 'localTime', 'status', 'doctorId', 'doctorName', 'patientId', 'patientName', 'reason', 'decisionNote', 'createdAt', 'updatedAt',
];

function appointmentCells(row: AppointmentRow, timeZone: string): CsvValue[] {
  const local = DateTime.fromISO(row.start_at, { zone: timeZone });
  return [
    row.id, row.start_at, row.end_at, local.toFormat('yyyy-MM-dd'), local.toFormat('HH:mm'), row.status, row.doctor_id, row.doctor_name,
    row.patient_id, row.patient_name, row.reason, row.decision_note, row.created_at, row.updated_at,
  ];
}

const toStoredInstant = (text: string | undefined) => (text === undefined ? undefined : new Date(text).toISOString());

/**
 * Appointments matching the filters (as GET /api/appointments), by start time, as CSV with the start also as the
 * hospital's local date and time; audited with the filters and the row count.
 */
export async function exportAppointmentsCsv(deps: Deps, caller: ExportCaller, filter: AppointmentExportFilter, maxRows = EXPORT_MAX_ROWS) {
  const { time_zone: timeZone } = await getSettings(deps.db);
  const query = { statuses: filter.status, from: toStoredInstant(filter.from), to: toStoredInstant(filter.to), doctorId: filter.doctorId, order: 'asc' as const };
  const rows = await readAllRows<AppointmentRow>(
    (after, limit) => listAppointments(deps.db, { ...query, after: after ? { start: after.start_at, id: after.id } : undefined }, limit),
    maxRows,
  );
  const now = deps.clock.now();
  const details = Object.fromEntries(Object.entries({ ...query, order: undefined }).filter(([, value]) => value !== undefined));
  await auditExport(deps, caller, now, { action: 'appointments.export', entityType: 'appointment', details: { rows: rows.length, ...details } });
  return { filename: csvFilename('appointments', now), body: csvDocument(APPOINTMENT_HEADER, rows.map((row) => appointmentCells(row, timeZone))) };
}
