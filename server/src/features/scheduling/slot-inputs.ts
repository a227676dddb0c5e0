import type { AvailabilityIntervalsTable, Executor, SettingsTable } from '../../db/types.ts';
import { listAvailabilityIntervals, listBusyAppointments, listTimeOffOverlapping, type SchedulingDoctor } from './scheduling.queries.ts';
import type { SlotQuery, Span, WeeklyInterval } from './slots.ts';
import { utcCover } from './wall-clock.ts';

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

/** The doctor's weekly plan, time off and requested/confirmed appointments around the calendar dates of a window. */
export interface SlotSpans {
  plan: WeeklyInterval[];
  timeOff: Span[];
  busy: Span[];
}

/**
 * Three indexed queries at once (plan, time off, active appointments), read over a span of UTC covering the window's
 * dates in any zone, so they need neither the doctor nor the settings first: the slot function ignores what lies
 * outside the dates.
 */
export async function readSlotSpans(db: Executor, doctorId: string, window: SlotWindow): Promise<SlotSpans> {
  const cover = utcCover(window.from, window.to);
  const start = new Date(cover.start).toISOString();
  const end = new Date(cover.end).toISOString();
  const [plan, timeOff, busy] = await Promise.all([
    listAvailabilityIntervals(db, doctorId),
    listTimeOffOverlapping(db, doctorId, start, end),
    listBusyAppointments(db, doctorId, start, end, window.ignoreAppointmentId ?? null),
  ]);
  return { plan: plan.map(toWeeklyInterval), timeOff: timeOff.map(toSpan), busy: busy.map(toSpan) };
}

/** Everything the pure slot function needs for one doctor over the calendar dates of the window. */
export function toSlotQuery(doctor: SchedulingDoctor, settings: SettingsTable, window: SlotWindow, spans: SlotSpans): SlotQuery {
  return {
    plan: spans.plan,
    slotMinutes: doctor.slot_minutes,
    timeZone: settings.time_zone,
    from: window.from,
    to: window.to,
    now: window.now,
    minNoticeMinutes: settings.min_notice_minutes,
    horizonDays: settings.booking_horizon_days,
    timeOff: spans.timeOff,
    busy: spans.busy,
  };
}
