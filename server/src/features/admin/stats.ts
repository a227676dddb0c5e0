import { DateTime } from 'luxon';
import { isAppointmentStatus, type AppointmentStatus } from '../appointments/state-machine.ts';
import { freeSlots, type Span, type WeeklyInterval } from '../scheduling/slots.ts';
import { localDateOf } from '../scheduling/wall-clock.ts';

/** Appointments per status, and all of them. */
export type StatusCounts = Record<AppointmentStatus, number> & { total: number };

export function emptyStatusCounts(): StatusCounts {
  return { requested: 0, confirmed: 0, rejected: 0, cancelled: 0, completed: 0, no_show: 0, total: 0 };
}

function addCount(counts: StatusCounts, status: string, count: number): void {
  if (!isAppointmentStatus(status)) return;
  counts[status] += count;
  counts.total += count;
}

export function statusCounts(rows: readonly { status: string; count: number }[]): StatusCounts {
  const counts = emptyStatusCounts();
  for (const row of rows) addCount(counts, row.status, row.count);
  return counts;
}

/** `part / whole`, or null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The `count` calendar dates ending with `today` (YYYY-MM-DD), oldest first. */
export function lastDates(today: string, count: number): string[] {
  const last = DateTime.fromISO(today, { zone: 'UTC' });
  return Array.from({ length: count }, (_, index) => last.minus({ days: count - 1 - index }).toISODate() ?? '');
}

/** The UTC date `days` after `date` (both YYYY-MM-DD). */
export const addDays = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';

/**
 * Counts by status for each of `dates`, from counts per UTC minute of the start (`YYYY-MM-DDTHH:MM`):
 * each minute falls on the calendar date its instant has in the zone. Dates without appointments count zero.
 */
export function perDaySeries(rows: readonly { minute: string; status: string; count: number }[], dates: readonly string[], timeZone: string) {
  const byDate = new Map(dates.map((date) => [date, emptyStatusCounts()]));
  for (const row of rows) {
    const counts = byDate.get(localDateOf(Date.parse(`${row.minute}:00.000Z`), timeZone));
    if (counts) addCount(counts, row.status, row.count);
  }
  return dates.map((date) => ({ date, ...(byDate.get(date) ?? emptyStatusCounts()) }));
}

interface GroupStatusCount {
  id: string;
  name: string;
  status: string;
  count: number;
}

/** Counts by status per group (a specialization), the busiest first, then by name. */
export function perGroupSeries(rows: readonly GroupStatusCount[]) {
  const groups = new Map<string, { id: string; name: string } & StatusCounts>();
  for (const row of rows) {
    let group = groups.get(row.id);
    if (!group) {
      group = { id: row.id, name: row.name, ...emptyStatusCounts() };
      groups.set(row.id, group);
    }
    addCount(group, row.status, row.count);
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Per doctor: no-shows among the appointments that took place or were missed, no_show / (completed + no_show); highest first. */
export function noShowRates(rows: readonly GroupStatusCount[]) {
  return perGroupSeries(rows)
    .filter((group) => group.completed + group.no_show > 0)
    .map((group) => ({
      doctorId: group.id,
      doctorName: group.name,
      completed: group.completed,
      noShow: group.no_show,
      rate: group.no_show / (group.completed + group.no_show),
    }))
    .sort((a, b) => b.rate - a.rate || a.doctorName.localeCompare(b.doctorName) || a.doctorId.localeCompare(b.doctorId));
}

export interface DoctorWeek {
  plan: readonly WeeklyInterval[];
  slotMinutes: number;
  timeOff: readonly Span[];
  /** Requested and confirmed appointments. */
  busy: readonly Span[];
}

export interface UtilisationWindow {
  timeZone: string;
  start: Date;
  end: Date;
}

/**
 * How much of a doctor's time is booked in [start, end): the slots the weekly plan yields that start in the window
 * (outside time off), and how many of them an appointment holds.
 */
export function slotUtilisation(week: DoctorWeek, window: UtilisationWindow) {
  const startMs = window.start.getTime();
  const endMs = window.end.getTime();
  const horizonDays = Math.ceil((endMs - startMs) / 86_400_000);
  const query = {
    plan: week.plan, slotMinutes: week.slotMinutes, timeZone: window.timeZone,
    from: localDateOf(startMs, window.timeZone), to: localDateOf(endMs, window.timeZone),
    now: window.start, minNoticeMinutes: 0, horizonDays, timeOff: week.timeOff,
  };
  const inWindow = (slot: Span) => slot.start.getTime() < endMs;
  const availableSlots = freeSlots({ ...query, busy: [] }).filter(inWindow).length;
  const freeCount = freeSlots({ ...query, busy: week.busy }).filter(inWindow).length;
  const bookedSlots = availableSlots - freeCount;
  return { availableSlots, bookedSlots, rate: ratio(bookedSlots, availableSlots) };
}
