import type { SettingsTable, Trx } from '../../db/types.ts';
import { findSchedulingDoctor } from './scheduling.queries.ts';
import { readSlotSpans, toSlotQuery } from './slot-inputs.ts';
import { findSlot, freeSlots } from './slots.ts';
import { localDateOf } from './wall-clock.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The free slot of an active doctor that starts exactly at `start`, or null: inside the plan, outside time off
 * and other requested/confirmed appointments (except `ignoreAppointmentId`, so a reschedule may move within
 * its own time), not in the past. Patients must also respect the minimum notice and the booking horizon;
 * staff (`staff: true`) may book inside the notice window and beyond the horizon, never in the past.
 * Computed by the same pure function as the public slot list, over the single day containing `start`.
 */
export async function findBookableSlot(
  trx: Trx,
  doctorId: string,
  start: Date,
  now: Date,
  settings: SettingsTable,
  options?: { ignoreAppointmentId?: string; staff?: boolean },
): Promise<{ start: Date; end: Date } | null> {
  if (Number.isNaN(start.getTime())) return null;
  const date = localDateOf(start.getTime(), settings.time_zone);
  const window = { from: date, to: date, now, ignoreAppointmentId: options?.ignoreAppointmentId ?? null };
  const [doctor, spans] = await Promise.all([findSchedulingDoctor(trx, doctorId), readSlotSpans(trx, doctorId, window)]);
  if (!doctor || doctor.active !== 1) return null;
  const query = toSlotQuery(doctor, settings, window, spans);
  const rules = options?.staff
    ? { ...query, minNoticeMinutes: 0, horizonDays: Math.max(query.horizonDays, Math.ceil((start.getTime() - now.getTime()) / DAY) + 1) }
    : query;
  return findSlot(freeSlots(rules), start);
}
