import type { Deps } from '../../deps.ts';
import type { Executor, SettingsTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { getSettings } from '../hospital/hospital.service.ts';
import { findAppointment, listAppointments, listHistory, type AppointmentRow, type HistoryRow } from './appointments.queries.ts';
import { toAppointment, type AppointmentView } from './appointments.mapper.ts';
import { outsideAvailabilityOf } from './availability-flag.ts';
import { allowedActionsFor, canViewAppointment, listScope, seesAvailabilityFlag, type AllowedActions } from './policy.ts';
import type { AppointmentStatus } from './state-machine.ts';

const appointmentNotFound = () => notFound('Appointment');

/** The appointment, if the actor may see it; someone else's answers 404 exactly like a missing one. */
export async function findVisibleAppointment(db: Executor, actor: Actor, id: string): Promise<AppointmentRow> {
  const row = await findAppointment(db, id);
  if (!row || !canViewAppointment(actor, { doctorId: row.doctor_id, patientId: row.patient_id })) throw appointmentNotFound();
  return row;
}

/**
 * What the actor may do with the appointment now, under the hospital's current rules. Where completing needs a signed
 * consultation, 'complete' is offered only once it is signed (signing a consultation completes the visit itself).
 */
function allowedFor(actor: Actor, row: AppointmentRow, settings: SettingsTable, now: Date): AllowedActions {
  const allowed = allowedByStatus(actor, row, settings, now);
  if (Number(settings.require_signed_consultation) !== 1 || row.consultation_status === 'signed') return allowed;
  return { ...allowed, allowedActions: allowed.allowedActions.filter((action) => action !== 'complete') };
}

function allowedByStatus(actor: Actor, row: AppointmentRow, settings: SettingsTable, now: Date): AllowedActions {
  return allowedActionsFor(
    actor,
    { doctorId: row.doctor_id, patientId: row.patient_id, status: row.status as AppointmentStatus, start: new Date(row.start_at) },
    { now, cancellationNoticeHours: settings.cancellation_notice_hours, autoApprove: settings.approval_mode === 'auto' },
  );
}

/** One appointment with its history and what the actor may do with it, and for staff whether it lies outside the doctor's availability. */
export async function detailView(db: Executor, actor: Actor, id: string, settings: SettingsTable, now: Date): Promise<AppointmentView> {
  const row = await findVisibleAppointment(db, actor, id);
  return withAvailabilityFlag(db, actor, row, await listHistory(db, id), settings, now);
}

async function withAvailabilityFlag(db: Executor, actor: Actor, row: AppointmentRow, history: HistoryRow[], settings: SettingsTable, now: Date): Promise<AppointmentView> {
  const allowed = allowedFor(actor, row, settings, now);
  if (!seesAvailabilityFlag(actor)) return toAppointment(row, allowed, { history, showDraftConsultation: false });
  const flags = await outsideAvailabilityOf(db, [row], settings.time_zone);
  return toAppointment(row, allowed, { history, outsideAvailability: flags.get(row.id) ?? false });
}

/** The settings, the appointment and its history are read at once; the history is answered only to who may see the appointment. */
export async function getAppointment(deps: Deps, actor: Actor, id: string): Promise<AppointmentView> {
  const [settings, row, history] = await Promise.all([getSettings(deps.db), findVisibleAppointment(deps.db, actor, id), listHistory(deps.db, id)]);
  return withAvailabilityFlag(deps.db, actor, row, history, settings, deps.clock.now());
}

export interface AppointmentListQuery {
  status?: AppointmentStatus[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  doctorId?: string | undefined;
  patientId?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

const encodeCursor = (row: AppointmentRow): string => Buffer.from(JSON.stringify([row.start_at, row.id])).toString('base64url');

function decodeCursor(cursor: string): { start: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { start: value[0], id: value[1] };
    }
  } catch {
    // answered below
  }
  throw new AppError(400, 'VALIDATION_FAILED', 'The cursor is not one this list gave out', [{ path: '/cursor', message: 'is invalid' }]);
}

const toInstant = (text: string | undefined) => (text === undefined ? undefined : new Date(text).toISOString());

/** A page of the appointments the actor may see, by start time, narrowed by the filters. */
export async function listAppointmentsFor(deps: Deps, actor: Actor, query: AppointmentListQuery): Promise<{ items: AppointmentView[]; nextCursor: string | null }> {
  const scope = listScope(actor);
  const outOfScope =
    (scope.doctorId !== undefined && query.doctorId !== undefined && query.doctorId !== scope.doctorId) ||
    (scope.patientId !== undefined && query.patientId !== undefined && query.patientId !== scope.patientId);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (scope.nothing || outOfScope) return { items: [], nextCursor: null };
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const [rows, settings] = await Promise.all([listAppointments(deps.db, {
    doctorId: scope.doctorId ?? query.doctorId,
    patientId: scope.patientId ?? query.patientId,
    statuses: query.status,
    from: toInstant(query.from),
    to: toInstant(query.to),
    after,
    order: query.order ?? 'asc',
  }, limit + 1), getSettings(deps.db)]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(last) : null;
  const now = deps.clock.now();
  if (!seesAvailabilityFlag(actor)) {
    return { items: page.map((row) => toAppointment(row, allowedFor(actor, row, settings, now), { showDraftConsultation: false })), nextCursor };
  }
  const flags = await outsideAvailabilityOf(deps.db, page, settings.time_zone);
  return {
    items: page.map((row) => toAppointment(row, allowedFor(actor, row, settings, now), { outsideAvailability: flags.get(row.id) ?? false })),
    nextCursor,
  };
}
