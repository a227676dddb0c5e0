/**
 * Wall-clock arithmetic in an IANA time zone. Instants are epoch milliseconds; a wall-clock time is a
 * calendar date `YYYY-MM-DD` plus minutes after local midnight (0..1440).
 *
 * The zone is asked only for its UTC offset at a few instants (once a day over the span in question, and a
 * short search where the offset changes); every reading in between is plain arithmetic. Zones are taken
 * not to change their offset twice within one day.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** UTC offsets lie within −12:00 … +14:00: the instants at which a day's clock reads anything lie within these bounds of its local midnight. */
const EARLIEST_OFFSET = 14 * HOUR;
const LATEST_OFFSET = 12 * HOUR;

export interface LocalDay {
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  year: number;
  month: number;
  day: number;
}

/** Midnight of a calendar date read as if it were UTC ("local milliseconds"); NaN for a malformed date. */
const dateMillis = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

const dateOfMillis = (local: number): string => (Number.isFinite(local) ? new Date(local).toISOString().slice(0, 10) : '');

function localDayAt(local: number): LocalDay {
  const at = new Date(local);
  return { date: dateOfMillis(local), weekday: ((at.getUTCDay() + 6) % 7) + 1, year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

const dayMillis = (day: LocalDay): number => Date.UTC(day.year, day.month - 1, day.day);

/** The calendar dates from..to inclusive; the zone does not matter for calendar arithmetic. */
export function localDays(from: string, to: string): LocalDay[] {
  const days: LocalDay[] = [];
  const last = dateMillis(to);
  for (let day = dateMillis(from); day <= last; day += DAY) days.push(localDayAt(day));
  return days;
}

export function localDay(date: string): LocalDay {
  return localDayAt(dateMillis(date));
}

export function nextDate(date: string): string {
  return dateOfMillis(dateMillis(date) + DAY);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMillis(to) - dateMillis(from)) / DAY);
}

const formats = new Map<string, Intl.DateTimeFormat>();
const READING = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+)$/;

/** The zone's UTC offset in milliseconds at an instant (to the minute). */
export function offsetAt(timeZone: string, instant: number): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formats.set(timeZone, format);
  }
  const minute = instant - (((instant % MINUTE) + MINUTE) % MINUTE);
  const match = READING.exec(format.format(minute));
  let reading: number;
  if (match) {
    reading = Date.UTC(Number(match[3]), Number(match[1]) - 1, Number(match[2]), Number(match[4]), Number(match[5]));
  } else {
    const parts = Object.fromEntries(format.formatToParts(minute).map((part) => [part.type, Number(part.value)]));
    reading = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0);
  }
  return reading - minute;
}

/** A stretch of absolute time [start, end) over which the zone keeps one offset. */
interface OffsetSpan {
  start: number;
  end: number;
  offset: number;
}

/**
 * The zone's offsets over the instants [from, to], in order: the first span is open to the past, the last one to
 * the future. The offset is read once a day; where two readings differ, the change is found to the minute.
 */
function offsetSpans(timeZone: string, from: number, to: number): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  let before = from - (((from % MINUTE) + MINUTE) % MINUTE);
  let offset = offsetAt(timeZone, before);
  let start = -Infinity;
  while (before < to) {
    const after = Math.min(before + DAY, to - (((to % MINUTE) + MINUTE) % MINUTE) + MINUTE);
    const next = offsetAt(timeZone, after);
    if (next !== offset) {
      let low = before;
      let high = after;
      while (high - low > MINUTE) {
        const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
        if (offsetAt(timeZone, middle) === offset) low = middle;
        else high = middle;
      }
      spans.push({ start, end: high, offset });
      start = high;
      offset = next;
    }
    before = after;
  }
  spans.push({ start, end: Infinity, offset });
  return spans;
}

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * A writer of instants as ISO-8601 UTC text, the same as Date#toISOString: it formats the date once per UTC day
 * and the time by arithmetic, several times faster for a list of instants that share a few days.
 */
export function isoWriter(): (instant: number) => string {
  let day = NaN;
  let prefix = '';
  return (instant) => {
    const start = Math.floor(instant / DAY) * DAY;
    if (start !== day) {
      day = start;
      prefix = new Date(start).toISOString().slice(0, 11);
    }
    const rest = instant - start;
    const millis = rest % 1000;
    return `${prefix}${twoDigits(Math.floor(rest / HOUR))}:${twoDigits(Math.floor(rest / MINUTE) % 60)}:${twoDigits(Math.floor(rest / 1000) % 60)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
  };
}

/** The calendar date an instant falls on in the zone. */
export function localDateOf(instant: number, timeZone: string): string {
  return dateOfMillis(instant + offsetAt(timeZone, instant));
}

/** Wall-clock readings of one calendar date in a zone. */
export interface DayClock {
  /** The first instant the clock reads `minute`, or null inside a spring-forward gap. */
  firstOccurrence(minute: number): number | null;
  /**
   * The first instant the clock reads `minute` or later; 1440 means the first instant of the next day.
   * For an existing time this is its first occurrence; for a time inside a spring-forward gap it is the moment of the jump.
   */
  firstAtOrAfter(minute: number): number;
}

/**
 * The clock of the day whose local midnight is `midnight`, given the zone's offsets around it. With one offset
 * the whole day long, each reading is its local time minus that offset. Otherwise a reading occurs in a span
 * when its local time minus the span's offset falls inside the span: in no span inside a gap, in two inside a
 * repeated hour; and a reading that occurs in no span is first reached where the clock jumps past it.
 */
function clockFor(midnight: number, spans: readonly OffsetSpan[]): DayClock {
  const around = spans.filter((span) => span.end > midnight - EARLIEST_OFFSET && span.start <= midnight + DAY + LATEST_OFFSET);
  const [only] = around;
  if (only && around.length === 1) {
    const first = midnight - only.offset;
    return { firstOccurrence: (minute) => first + minute * MINUTE, firstAtOrAfter: (minute) => first + minute * MINUTE };
  }
  return {
    firstOccurrence(minute) {
      const local = midnight + minute * MINUTE;
      for (const span of around) {
        const instant = local - span.offset;
        if (instant >= span.start && instant < span.end) return instant;
      }
      return null;
    },
    firstAtOrAfter(minute) {
      const local = midnight + minute * MINUTE;
      for (const span of around) {
        const instant = local - span.offset;
        if (instant < span.start) return span.start;
        if (instant < span.end) return instant;
      }
      return NaN;
    },
  };
}

const spansOver = (firstMidnight: number, lastMidnight: number, timeZone: string): OffsetSpan[] =>
  offsetSpans(timeZone, firstMidnight - EARLIEST_OFFSET, lastMidnight + DAY + LATEST_OFFSET);

export function dayClock(day: LocalDay, timeZone: string): DayClock {
  const midnight = dayMillis(day);
  return clockFor(midnight, spansOver(midnight, midnight, timeZone));
}

/** The clocks of the given days (in calendar order), asking the zone for its offsets over their span once. */
export function dayClocks(days: readonly LocalDay[], timeZone: string): DayClock[] {
  const [first] = days;
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const spans = spansOver(dayMillis(first), dayMillis(last), timeZone);
  return days.map((day) => clockFor(dayMillis(day), spans));
}

/**
 * A span of absolute time that contains the calendar dates from..to in every zone, without asking one:
 * [(from − 1 day) 00:00Z, (to + 2 days) 00:00Z), wider than any UTC offset can shift a day.
 */
export function utcCover(from: string, to: string): { start: number; end: number } {
  return { start: dateMillis(from) - DAY, end: dateMillis(to) + 2 * DAY };
}

/** The absolute span of the calendar dates from..to inclusive in the zone: [first instant of from, first instant after to). */
export function localDateRange(from: string, to: string, timeZone: string): { start: number; end: number } {
  const first = localDay(from);
  const last = localDay(to);
  const spans = spansOver(dayMillis(first), dayMillis(last), timeZone);
  return { start: clockFor(dayMillis(first), spans).firstAtOrAfter(0), end: clockFor(dayMillis(last), spans).firstAtOrAfter(1440) };
}
