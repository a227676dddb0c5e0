import { DateTime, IANAZone } from 'luxon';

/**
 * Wall-clock arithmetic in an IANA time zone, on top of luxon. Instants are epoch milliseconds;
 * a wall-clock time is a calendar date `YYYY-MM-DD` plus minutes after local midnight (0..1440).
 */

const MINUTE = 60_000;

export interface LocalDay {
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  year: number;
  month: number;
  day: number;
}

const toLocalDay = (day: DateTime): LocalDay => ({ date: day.toISODate() ?? '', weekday: day.weekday, year: day.year, month: day.month, day: day.day });

/** The calendar dates from..to inclusive; the zone does not matter for calendar arithmetic. */
export function localDays(from: string, to: string): LocalDay[] {
  const days: LocalDay[] = [];
  const last = DateTime.fromISO(to, { zone: 'UTC' });
  for (let day = DateTime.fromISO(from, { zone: 'UTC' }); day <= last; day = day.plus({ days: 1 })) days.push(toLocalDay(day));
  return days;
}

export function localDay(date: string): LocalDay {
  return toLocalDay(DateTime.fromISO(date, { zone: 'UTC' }));
}

export function nextDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate() ?? '';
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** The calendar date an instant falls on in the zone. */
export function localDateOf(instant: number, timeZone: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toISODate() ?? '';
}

/**
 * Every instant at which the clock reads exactly `minute` on `day`, earliest first:
 * none inside a spring-forward gap, two inside a repeated (fall-back) hour.
 */
export function occurrences(day: LocalDay, minute: number, timeZone: string): number[] {
  const hour = Math.floor(minute / 60);
  const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute: minute % 60 }, { zone: timeZone });
  if (dt.day !== day.day || dt.hour !== hour || dt.minute !== minute % 60) return [];
  return dt.getPossibleOffsets().map((candidate) => candidate.toMillis()).sort((a, b) => a - b);
}

/**
 * The first instant at which the clock, on `day`, reads `minute` or later; 1440 means the first instant of the next day.
 * For an existing time this is its first occurrence; for a time inside a spring-forward gap it is the moment of the jump.
 */
export function firstInstantAtOrAfter(day: LocalDay, minute: number, timeZone: string): number {
  if (minute >= 1440) {
    return firstInstantAtOrAfter(localDay(nextDate(day.date)), minute - 1440, timeZone);
  }
  const [first] = occurrences(day, minute, timeZone);
  if (first !== undefined) return first;
  // Inside a gap luxon moves the time forward past the jump; find the jump itself, to the minute, just before that.
  const hour = Math.floor(minute / 60);
  const shifted = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute: minute % 60 }, { zone: timeZone });
  const zone = IANAZone.create(timeZone);
  let after = shifted.toMillis();
  let before = after - 6 * 60 * MINUTE;
  while (after - before > MINUTE) {
    const middle = before + Math.floor((after - before) / MINUTE / 2) * MINUTE;
    if (zone.offset(middle) === shifted.offset) after = middle;
    else before = middle;
  }
  return after;
}

/** The absolute span of the calendar dates from..to inclusive in the zone: [first instant of from, first instant after to). */
export function localDateRange(from: string, to: string, timeZone: string): { start: number; end: number } {
  return { start: firstInstantAtOrAfter(localDay(from), 0, timeZone), end: firstInstantAtOrAfter(localDay(to), 1440, timeZone) };
}

/** Wall-clock readings of one calendar date in a zone. */
export interface DayClock {
  /** The first instant the clock reads `minute`, or null inside a spring-forward gap. */
  firstOccurrence(minute: number): number | null;
  /** The first instant the clock reads `minute` or later (see firstInstantAtOrAfter). */
  firstAtOrAfter(minute: number): number;
}

/**
 * A day that lasts exactly 24 hours has one offset throughout (zones do not change their offset twice within
 * a day), so its readings are plain arithmetic from its first instant; other days ask luxon for each reading.
 */
function clockBetween(day: LocalDay, timeZone: string, start: number, end: number): DayClock {
  if (end - start === 24 * 60 * MINUTE) {
    return { firstOccurrence: (minute) => start + minute * MINUTE, firstAtOrAfter: (minute) => start + minute * MINUTE };
  }
  return {
    firstOccurrence: (minute) => occurrences(day, minute, timeZone)[0] ?? null,
    firstAtOrAfter: (minute) => firstInstantAtOrAfter(day, minute, timeZone),
  };
}

export function dayClock(day: LocalDay, timeZone: string): DayClock {
  return clockBetween(day, timeZone, firstInstantAtOrAfter(day, 0, timeZone), firstInstantAtOrAfter(day, 1440, timeZone));
}

/** The clocks of consecutive days, sharing each midnight between the day it ends and the day it starts. */
export function dayClocks(days: readonly LocalDay[], timeZone: string): DayClock[] {
  const clocks: DayClock[] = [];
  let start: number | null = null;
  for (const day of days) {
    start ??= firstInstantAtOrAfter(day, 0, timeZone);
    const end = firstInstantAtOrAfter(day, 1440, timeZone);
    clocks.push(clockBetween(day, timeZone, start, end));
    start = end;
  }
  return clocks;
}
