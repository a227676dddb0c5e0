import type { Deps } from '../../deps.ts';
import type { TimeOffTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { requireDoctor } from './doctor-access.ts';
import { canEditSchedule, canViewTimeOff } from './scheduling.policy.ts';
import { deleteTimeOff, findTimeOff, insertTimeOff, listTimeOff } from './scheduling.queries.ts';

function toTimeOff(row: TimeOffTable) {
  return { id: row.id, start: row.start_at, end: row.end_at, ...(row.reason ? { reason: row.reason } : {}) };
}

/** Current and future time off by start; with `includePast`, also what has ended. */
export async function listTimeOffFor(deps: Deps, actor: Actor, doctorId: string, includePast: boolean) {
  const doctor = await requireDoctor(deps.db, doctorId, (found) => canViewTimeOff(actor, found));
  const rows = await listTimeOff(deps.db, doctor.id, includePast ? null : deps.clock.now().toISOString());
  return rows.map(toTimeOff);
}

export interface NewTimeOff {
  start: string;
  end: string;
  reason?: string | undefined;
}

/** Time off hides the slots it touches; appointments already inside it are left for staff to handle. */
export async function addTimeOff(deps: Deps, actor: Actor, ip: string | null, doctorId: string, input: NewTimeOff) {
  const doctor = await requireDoctor(deps.db, doctorId, (found) => canEditSchedule(actor, found));
  const start = new Date(input.start);
  const end = new Date(input.end);
  const now = deps.clock.now();
  if (end.getTime() <= start.getTime()) throw invalid('/end', 'The end must be after the start');
  if (end.getTime() <= now.getTime()) throw invalid('/end', 'The end must be in the future');
  const row: TimeOffTable = {
    id: newId(), doctor_id: doctor.id, start_at: start.toISOString(), end_at: end.toISOString(),
    reason: input.reason?.trim() || null, created_by: actor.userId, created_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertTimeOff(trx, row);
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'time_off.create', entityType: 'time_off', entityId: row.id, outcome: 'success', ip,
      details: { doctorId: doctor.id, start: row.start_at, end: row.end_at },
    });
  });
  return toTimeOff(row);
}

export async function removeTimeOff(deps: Deps, actor: Actor, ip: string | null, doctorId: string, timeOffId: string): Promise<void> {
  const doctor = await requireDoctor(deps.db, doctorId, (found) => canEditSchedule(actor, found));
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findTimeOff(trx, doctor.id, timeOffId);
    if (!row) throw notFound('Time off');
    await deleteTimeOff(trx, row.id);
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'time_off.delete', entityType: 'time_off', entityId: row.id, outcome: 'success', ip,
      details: { doctorId: doctor.id, start: row.start_at, end: row.end_at },
    });
  });
}
