import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { requireDoctor } from './doctor-access.ts';
import { parseWeeklyPlan, toIntervalText, type IntervalText } from './plan-text.ts';
import { canEditSchedule, canViewAvailability } from './scheduling.policy.ts';
import { deleteAvailabilityIntervals, insertAvailabilityIntervals, listAvailabilityIntervals, updateDoctorSlotMinutes } from './scheduling.queries.ts';
import { toWeeklyInterval } from './slot-inputs.ts';

export interface AvailabilityView {
  slotMinutes: number;
  weekly: IntervalText[];
}

async function readAvailability(db: Executor, doctorId: string, slotMinutes: number): Promise<AvailabilityView> {
  const rows = await listAvailabilityIntervals(db, doctorId);
  return { slotMinutes, weekly: rows.map((row) => toIntervalText(toWeeklyInterval(row))) };
}

export async function getAvailability(db: Executor, actor: Actor | null, doctorId: string): Promise<AvailabilityView> {
  const doctor = await requireDoctor(db, doctorId, (found) => canViewAvailability(actor, found));
  return readAvailability(db, doctor.id, doctor.slot_minutes);
}

/** Replaces the whole weekly plan and the slot length in one transaction. Appointments are left as they are. */
export async function replaceAvailability(deps: Deps, actor: Actor, ip: string | null, doctorId: string, input: AvailabilityView): Promise<AvailabilityView> {
  const doctor = await requireDoctor(deps.db, doctorId, (found) => canEditSchedule(actor, found));
  const { plan, errors } = parseWeeklyPlan(input.weekly);
  const first = errors[0];
  if (first) throw new AppError(400, 'VALIDATION_FAILED', first.message, errors);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await readAvailability(trx, doctor.id, doctor.slot_minutes);
    await deleteAvailabilityIntervals(trx, doctor.id);
    await insertAvailabilityIntervals(trx, plan.map((interval) => ({
      id: newId(), doctor_id: doctor.id, weekday: interval.weekday, start_minute: interval.startMinute, end_minute: interval.endMinute,
    })));
    if (input.slotMinutes !== doctor.slot_minutes) await updateDoctorSlotMinutes(trx, doctor.id, input.slotMinutes, now.toISOString());
    const after = await readAvailability(trx, doctor.id, input.slotMinutes);
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'availability.update', entityType: 'doctor', entityId: doctor.id, outcome: 'success', ip,
      details: { before, after },
    });
    return after;
  });
}
