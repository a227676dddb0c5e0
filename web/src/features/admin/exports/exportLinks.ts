import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../scheduling/api.ts';
import { dateRangeInstants } from '../dateRange.ts';
import { queryString } from '../queryString.ts';

export interface PatientExportFilters {
  q: string;
  /** Active only ('true'), deactivated only ('false') or both (''). */
  active: '' | 'true' | 'false';
}

export interface AppointmentExportFilters {
  statuses: readonly AppointmentStatus[];
  /** Hospital dates, both included; either may be empty. */
  from: string;
  to: string;
  doctorId: string;
}

/** The address of the patients CSV for a search. */
export function patientsExportHref({ q, active }: PatientExportFilters): string {
  return `/api/admin/export/patients.csv${queryString({ q: q.trim(), active })}`;
}

/** The address of the appointments CSV: statuses in their usual order, dates as UTC instants of the hospital's zone. */
export function appointmentsExportHref({ statuses, from, to, doctorId }: AppointmentExportFilters, timeZone: string): string {
  const status = APPOINTMENT_STATUSES.filter((item) => statuses.includes(item));
  return `/api/admin/export/appointments.csv${queryString({ status, ...dateRangeInstants(from, to, timeZone), doctorId })}`;
}
