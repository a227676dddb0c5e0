import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dayClock, dayClocks, daysBetween, isoWriter, localDateOf, localDateRange, localDay, localDays, nextDate, offsetAt, utcCover } from './wall-clock.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Luxon is the independent reference: it reads each wall-clock time from the zone on its own.
const ZONES = [
  'UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata',
  'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca', 'Pacific/Kiritimati', 'America/Havana', 'Asia/Tehran',
];
/** Each zone's offset changes from 2025 to 2027, as local dates. */
const CHANGE_DATES = ZONES.flatMap((zone) => {
  const dates: string[] = [];
  const iana = IANAZone.create(zone);
  for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2028, 0, 1); at += 6 * 60 * MINUTE) {
    if (iana.offset(at) !== iana.offset(at + 6 * 60 * MINUTE)) {
      for (let t = at; t <= at + 6 * 60 * MINUTE; t += 15 * MINUTE) {
        if (iana.offset(t) !== iana.offset(at)) {
          dates.push(`${zone} ${DateTime.fromMillis(t, { zone }).toISODate()}`, `${zone} ${DateTime.fromMillis(t - 1, { zone }).toISODate()}`);
          break;
        }
      }
    }
  }
  return dates;
});

/** Luxon: the first instant the clock reads `minute` on `date`, or null inside a gap. */
function luxonFirstOccurrence(zone: string, date: string, minute: number): number | null {
  const midnight = DateTime.fromISO(date, { zone: 'UTC' }).plus({ minutes: minute });
  const dt = DateTime.fromObject({ year: midnight.year, month: midnight.month, day: midnight.day, hour: midnight.hour, minute: midnight.minute }, { zone });
  if (dt.day !== midnight.day || dt.hour !== midnight.hour || dt.minute !== midnight.minute) return null;
  return Math.min(...dt.getPossibleOffsets().map((candidate) => candidate.toMillis()));
}

/** Luxon: the local date and minute of the day at an instant. */
function luxonReading(zone: string, instant: number): string {
  return DateTime.fromMillis(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

const readingOf = (date: string, minute: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ minutes: minute }).toFormat('yyyy-MM-dd HH:mm');

const zoneDate = fc.oneof(
  fc.constantFrom(...CHANGE_DATES).map((pair) => pair.split(' ') as [string, string]),
  fc.tuple(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 3 * 366 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * DAY).toISOString().slice(0, 10))),
);

describe('calendar dates', () => {
  it('lists the days of a range with their weekdays, and steps and counts days, across month and year ends', () => {
    expect(localDays('2026-12-30', '2027-01-02').map((day) => `${day.date}/${day.weekday}`)).toEqual(['2026-12-30/3', '2026-12-31/4', '2027-01-01/5', '2027-01-02/6']);
    expect(localDays('2026-01-02', '2026-01-01')).toEqual([]);
    expect(localDay('2028-02-29')).toEqual({ date: '2028-02-29', weekday: 2, year: 2028, month: 2, day: 29 });
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });
});

describe('ISO text of instants', () => {
  it('is what Date#toISOString writes, for instants in any order, before 1970 and to the millisecond', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), { maxLength: 40 }), (instants) => {
      const iso = isoWriter();
      const sorted = [...instants].sort((a, b) => a - b);
      for (const instant of [...sorted, ...instants, -1, 0, 999]) expect(iso(instant)).toBe(new Date(instant).toISOString());
    }), { numRuns: 500 });
  });
});

describe('zone readings agree with luxon', { timeout: 60_000 }, () => {
  it('the UTC offset and the local date at any instant', () => {
    fc.assert(fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1990, 0, 1) / MINUTE, max: Date.UTC(2040, 0, 1) / MINUTE }), (zone, minutes) => {
      const instant = minutes * MINUTE + (minutes % 7) * 1000;
      expect(offsetAt(zone, instant)).toBe(IANAZone.create(zone).offset(instant) * MINUTE);
      expect(localDateOf(instant, zone)).toBe(DateTime.fromMillis(instant, { zone }).toISODate());
    }), { numRuns: 2000 });
  });

  it('the first occurrence of every quarter hour of a day, including days whose offset changes', () => {
    fc.assert(fc.property(zoneDate, ([zone, date]) => {
      const clock = dayClock(localDay(date), zone);
      for (let minute = 0; minute <= 1440; minute += 15) {
        const expected = luxonFirstOccurrence(zone, date, minute);
        expect(clock.firstOccurrence(minute)).toBe(expected);
        const reached = clock.firstAtOrAfter(minute);
        if (expected !== null) {
          expect(reached).toBe(expected);
        } else {
          // Inside a gap: the moment of the jump, when the clock moves from before the reading to past it.
          expect(luxonReading(zone, reached) > readingOf(date, minute)).toBe(true);
          expect(luxonReading(zone, reached - MINUTE) < readingOf(date, minute)).toBe(true);
        }
      }
    }), { numRuns: 150 });
  });

  it('the clocks of consecutive days are those of each day on its own, and a date range spans them', () => {
    fc.assert(fc.property(zoneDate, fc.integer({ min: 0, max: 20 }), ([zone, date], length) => {
      const to = new Date(Date.parse(`${date}T00:00:00Z`) + length * DAY).toISOString().slice(0, 10);
      const days = localDays(date, to);
      const clocks = dayClocks(days, zone);
      days.forEach((day, index) => {
        for (const minute of [0, 90, 600, 1440]) expect(clocks[index]?.firstAtOrAfter(minute)).toBe(dayClock(day, zone).firstAtOrAfter(minute));
      });
      const range = localDateRange(date, to, zone);
      expect(range.start).toBe(dayClock(localDay(date), zone).firstAtOrAfter(0));
      expect(range.end).toBe(dayClock(localDay(to), zone).firstAtOrAfter(1440));
      expect(localDateOf(range.start, zone)).toBe(date);
      expect(localDateOf(range.end - 1, zone)).toBe(to);
      const cover = utcCover(date, to);
      expect(cover.start).toBeLessThanOrEqual(range.start);
      expect(cover.end).toBeGreaterThanOrEqual(range.end);
    }), { numRuns: 200 });
  });

  it('a span of UTC covers a date range even in the zones furthest from UTC', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Tongatapu', 'Etc/GMT-14', 'Etc/GMT+12', 'Pacific/Pago_Pago']) {
      const range = localDateRange('2026-01-05', '2026-01-07', zone);
      const cover = utcCover('2026-01-05', '2026-01-07');
      expect(cover.start).toBeLessThanOrEqual(range.start);
      expect(cover.end).toBeGreaterThanOrEqual(range.end);
    }
  });
});
