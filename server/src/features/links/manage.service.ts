import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findAppointment } from '../appointments/appointments.queries.ts';
import { allowedActionsFor } from '../appointments/policy.ts';
import type { AppointmentStatus } from '../appointments/state-machine.ts';
import { changeAppointmentByLink } from '../appointments/transitions.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { LINK_ACTOR_ROLE } from '#shared/links';
import { linkNotFound, linkUrl, resolveLink } from './links.service.ts';

/** A manage link lives until a day after the visit ends. */
export const manageLinkExpiry = (end: Date): Date => new Date(end.getTime() + 24 * 3_600_000);

export interface ManageView {
  appointment: { id: string; doctorName: string; start: string; end: string; status: AppointmentStatus; allowedActions: ('cancel' | 'reschedule')[]; changeDeadline: string | null };
  hospital: { name: string; phone: string | null; email: string | null; timeZone: string };
}

async function linkedAppointment(deps: Deps, token: string) {
  const now = deps.clock.now();
  const link = await resolveLink(deps.db, token, 'manage', now);
  const row = await findAppointment(deps.db, link.appointment_id);
  if (!row) throw linkNotFound();
  return { link, row, now };
}

/** What the manage page shows: the doctor, the time, the status and the hospital's contact details, nothing else. A GET changes nothing. */
export async function viewByLink(deps: Deps, token: string, ip: string | null): Promise<ManageView> {
  const { row, now } = await linkedAppointment(deps, token);
  const settings = await getSettings(deps.db);
  const allowed = allowedActionsFor(
    { role: 'patient', patientId: row.patient_id, doctorId: null },
    { doctorId: row.doctor_id, patientId: row.patient_id, status: row.status as AppointmentStatus, start: new Date(row.start_at) },
    { now, cancellationNoticeHours: settings.cancellation_notice_hours, autoApprove: settings.approval_mode === 'auto' },
  );
  await recordAudit(deps.db, now, {
    actorId: row.patient_user_id, actorRole: LINK_ACTOR_ROLE, action: 'appointment.read', entityType: 'appointment', entityId: row.id, outcome: 'success', ip,
    details: { patientId: row.patient_id, via: 'link' },
  });
  return {
    appointment: {
      id: row.id, doctorName: row.doctor_name, start: row.start_at, end: row.end_at, status: row.status as AppointmentStatus,
      allowedActions: allowed.allowedActions.filter((a): a is 'cancel' | 'reschedule' => a === 'cancel' || a === 'reschedule'),
      changeDeadline: allowed.changeDeadline,
    },
    hospital: { name: settings.hospital_name, phone: settings.phone, email: settings.email, timeZone: settings.time_zone },
  };
}

export async function cancelByLink(deps: Deps, token: string, reason: string | undefined, ip: string | null): Promise<{ status: AppointmentStatus }> {
  const { row } = await linkedAppointment(deps, token);
  const result = await changeAppointmentByLink(deps, row, { action: 'cancel', reason }, ip, manageLinkExpiry);
  return { status: result.status };
}

/** Moves the appointment; the old link dies and the answer carries the new one. */
export async function rescheduleByLink(deps: Deps, token: string, start: string, ip: string | null): Promise<{ status: AppointmentStatus; manageUrl: string }> {
  const { row } = await linkedAppointment(deps, token);
  const result = await changeAppointmentByLink(deps, row, { action: 'reschedule', start }, ip, manageLinkExpiry);
  return { status: result.status, manageUrl: linkUrl(deps.config.publicUrl, 'manage', result.token ?? '') };
}
