import { dayClock, dayClocks, localDateOf, localDay, localDays, type DayClock, type LocalDay } from './wall-clock.ts';

/** One interval of a doctor's weekly plan, in the hospital's wall-clock time. */
export interface WeeklyInterval {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight, 0..1439. */
  startMinute: number;
  /** Minutes after local midnight, up to 1440 (24:00). */
  endMinute: number;
}

/** A half-open span of absolute time [start, end), in epoch milliseconds. */
export interface Range {
  start: number;
  end: number;
}

/** A half-open span of absolute time [start, end). */
export interface Span {
  start: Date;
  end: Date;
}

export interface SlotQuery {
  plan: readonly WeeklyInterval[];
  slotMinutes: number;
  timeZone: string;
  /** First and last calendar date, YYYY-MM-DD, in the hospital's zone. */
  from: string;
  to: string;
  now: Date;
  minNoticeMinutes: number;
  horizonDays: number;
  timeOff: readonly Span[];
  /** Appointments that hold their time (requested and confirmed). */
  busy: readonly Span[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Every slot the plan yields on one day, before time off, bookings, notice and horizon.
 *
 * Slots start at each interval's start and follow each other every `slotMinutes` of wall-clock time
 * (start, start + len, …) while start + len ≤ the interval's end. A slot's absolute end is its absolute
 * start plus `slotMinutes`. Across a DST change:
 * - a wall-clock start that does not exist (spring-forward gap) yields no slot;
 * - a wall-clock start that occurs twice (fall-back repeated hour) is taken at its first occurrence,
 *   so the repeated hour's second pass yields no slots;
 * - the interval's absolute span runs from the first instant the clock reads its start to the first instant
 *   it reads its end (for an end inside a gap: the moment of the jump); a slot must end within that span;
 * - a slot that would begin before the previous kept slot of the interval ends is dropped (back-to-back is fine).
 * The result is sorted, and no two slots overlap in absolute time.
 */
function daySlots(day: LocalDay, clock: DayClock, plan: readonly WeeklyInterval[], slotMinutes: number): Range[] {
  const intervals = plan.filter((interval) => interval.weekday === day.weekday).sort((a, b) => a.startMinute - b.startMinute);
  const slots: Range[] = [];
  for (const interval of intervals) {
    const spanEnd = clock.firstAtOrAfter(interval.endMinute);
    let previousEnd = -Infinity;
    for (let minute = interval.startMinute; minute + slotMinutes <= interval.endMinute; minute += slotMinutes) {
      const start = clock.firstOccurrence(minute);
      if (start === null) continue;
      const end = start + slotMinutes * MINUTE;
      if (end > spanEnd || start < previousEnd) continue;
      slots.push({ start, end });
      previousEnd = end;
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** Sorted, merged, non-overlapping ranges. */
function merge(spans: readonly Span[]): Range[] {
  const ranges = spans.map((span) => ({ start: span.start.getTime(), end: span.end.getTime() })).filter((range) => range.start < range.end);
  ranges.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Keeps the sorted ranges that overlap none of the blocked ones. */
function withoutBlocked(slots: Range[], blocked: Range[]): Range[] {
  const free: Range[] = [];
  let index = 0;
  for (const slot of slots) {
    while (index < blocked.length && (blocked[index]?.end ?? Infinity) <= slot.start) index += 1;
    const next = blocked[index];
    if (!next || next.start >= slot.end) free.push(slot);
  }
  return free;
}

const toSpan = (range: Range): Span => ({ start: new Date(range.start), end: new Date(range.end) });

/**
 * A doctor's free slots on the calendar dates from..to in the hospital's zone: inside the weekly plan,
 * outside time off and busy appointments, starting no earlier than now + minimum notice and no later
 * than now + booking horizon. Sorted, distinct and non-overlapping.
 */
export function freeSlots(query: SlotQuery): Span[] {
  return freeSlotRanges(query).map(toSpan);
}

/** freeSlots, as epoch milliseconds. */
export function freeSlotRanges(query: SlotQuery): Range[] {
  const earliest = query.now.getTime() + query.minNoticeMinutes * MINUTE;
  const latest = query.now.getTime() + query.horizonDays * DAY;
  const days = localDays(query.from, query.to);
  const clocks = dayClocks(days, query.timeZone);
  const candidates = days
    .flatMap((day, index) => {
      const clock = clocks[index];
      return clock ? daySlots(day, clock, query.plan, query.slotMinutes) : [];
    })
    .filter((slot) => slot.start >= earliest && slot.start <= latest);
  return withoutBlocked(candidates, merge([...query.timeOff, ...query.busy]));
}

/** The slot among `slots` that starts exactly at `start`, or null. */
export function findSlot(slots: readonly Span[], start: Date): Span | null {
  return slots.find((slot) => slot.start.getTime() === start.getTime()) ?? null;
}

/** Whether `start` is exactly the start of one of the free slots the query yields. */
export function isFreeSlot(query: SlotQuery, start: Date): boolean {
  return findSlot(freeSlots(query), start) !== null;
}

/**
 * True when [start, end) no longer fits the doctor's week: it is not contained in the absolute span of one
 * interval of the plan on the local date it starts on, or it overlaps time off. The slot grid is not
 * consulted (`slotMinutes` is accepted for symmetry with the slot functions): an appointment booked under
 * an older slot length still lies within the doctor's hours.
 */
export function isOutsideAvailability(
  plan: readonly WeeklyInterval[],
  _slotMinutes: number,
  timeZone: string,
  start: Date,
  end: Date,
  timeOff: readonly Span[],
): boolean {
  const from = start.getTime();
  const to = end.getTime();
  if (timeOff.some((span) => span.start.getTime() < to && from < span.end.getTime())) return true;
  const day = localDay(localDateOf(from, timeZone));
  const intervals = plan.filter((interval) => interval.weekday === day.weekday);
  if (intervals.length === 0) return true;
  const clock = dayClock(day, timeZone);
  const inside = intervals.some((interval) => clock.firstAtOrAfter(interval.startMinute) <= from && to <= clock.firstAtOrAfter(interval.endMinute));
  return !inside;
}
