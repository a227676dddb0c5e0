import type { AvailabilityIntervalsTable, Executor, SettingsTable } from '../../db/types.ts';
import { listAvailabilityIntervals, listBusyAppointments, listTimeOffOverlapping, type SchedulingDoctor } from './scheduling.queries.ts';
import type { SlotQuery, WeeklyInterval } from './slots.ts';
import { localDateRange } from './wall-clock.ts';

export const toWeeklyInterval = (row: AvailabilityIntervalsTable): WeeklyInterval => ({
  weekday: row.weekday, startMinute: row.start_minute, endMinute: row.end_minute,
});

const toSpan = (row: { start_at: string; end_at: string }) => ({ start: new Date(row.start_at), end: new Date(row.end_at) });

export interface SlotWindow {
  from: string;
  to: string;
  now: Date;
  /** A reschedule may move within its own time. */
  ignoreAppointmentId?: string | null;
}

/**
 * Everything the pure slot function needs for one doctor over the calendar dates from..to:
 * three indexed queries (plan, time off, active appointments overlapping the range).
 */
export async function loadSlotQuery(db: Executor, doctor: SchedulingDoctor, settings: SettingsTable, window: SlotWindow): Promise<SlotQuery> {
  const range = localDateRange(window.from, window.to, settings.time_zone);
  const start = new Date(range.start).toISOString();
  const end = new Date(range.end).toISOString();
  const [plan, timeOff, busy] = await Promise.all([
    listAvailabilityIntervals(db, doctor.id),
    listTimeOffOverlapping(db, doctor.id, start, end),
    listBusyAppointments(db, doctor.id, start, end, window.ignoreAppointmentId ?? null),
  ]);
  return {
    plan: plan.map(toWeeklyInterval),
    slotMinutes: doctor.slot_minutes,
    timeZone: settings.time_zone,
    from: window.from,
    to: window.to,
    now: window.now,
    minNoticeMinutes: settings.min_notice_minutes,
    horizonDays: settings.booking_horizon_days,
    timeOff: timeOff.map(toSpan),
    busy: busy.map(toSpan),
  };
}
