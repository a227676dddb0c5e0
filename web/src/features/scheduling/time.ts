/**
 * Calendar arithmetic on `YYYY-MM-DD` strings and formatting in the hospital's time zone, with Intl only
 * (no date library). Every function that turns an instant into wall-clock time takes the zone explicitly.
 */

const LOCALE = 'en-GB';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, options);
    formatters.set(key, found);
  }
  return found;
}

const toDate = (instant: Date | string): Date => (typeof instant === 'string' ? new Date(instant) : instant);
const pad = (value: number): string => String(value).padStart(2, '0');

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatter(`parts|${timeZone}`, {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour'), minute: read('minute'), second: read('second') };
}

/** The calendar date (YYYY-MM-DD) the hospital's clock shows at `instant`. */
export function localDate(instant: Date | string, timeZone: string): string {
  const { year, month, day } = wallClock(toDate(instant), timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The wall-clock time (HH:MM, 24 h) the hospital's clock shows at `instant`. */
export function localTime(instant: Date | string, timeZone: string): string {
  const { hour, minute } = wallClock(toDate(instant), timeZone);
  return `${pad(hour)}:${pad(minute)}`;
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDate(now, timeZone);
}

function dateToUtc(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday, as the availability API numbers them. */
export function weekdayOf(date: string): number {
  const day = new Date(dateToUtc(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function startOfWeek(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

function offsetMs(instant: number, timeZone: string): number {
  const c = wallClock(new Date(instant), timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the hospital's clock shows `date` `time`. A time repeated by a DST change resolves to
 * its first occurrence; a time skipped by one resolves as if the clock had not yet changed (an hour later).
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const local = dateToUtc(date) + (hour * 60 + minute) * 60_000;
  const candidates = [offsetMs(local - 86_400_000, timeZone), offsetMs(local + 86_400_000, timeZone)].map((offset) => local - offset);
  const valid = candidates.filter((instant) => instant + offsetMs(instant, timeZone) === local).sort((a, b) => a - b);
  return new Date(valid[0] ?? candidates[0] ?? local);
}

/** "Tuesday 5 March 2030" for a calendar date. */
export function formatDay(date: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
      : { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' };
  return formatter(`day|${style}`, options).format(new Date(dateToUtc(date)));
}

/** Parts of a calendar date for compact day buttons: "Tue", "5 Mar". */
export function dayParts(date: string): { weekday: string; dayMonth: string } {
  const utc = new Date(dateToUtc(date));
  return {
    weekday: formatter('weekday', { timeZone: 'UTC', weekday: 'short' }).format(utc),
    dayMonth: formatter('daymonth', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(utc),
  };
}

export function formatTime(instant: Date | string, timeZone: string): string {
  return localTime(instant, timeZone);
}

/** "Tue 5 Mar 2030, 09:30" in the hospital's zone (the caller says which zone elsewhere on the page). */
export function formatDateTime(instant: Date | string, timeZone: string): string {
  const date = localDate(instant, timeZone);
  const text = formatter('datetime', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(dateToUtc(date)),
  );
  return `${text}, ${localTime(instant, timeZone)}`;
}

/** "Tue 5 Mar 2030, 09:30–10:00" when both ends fall on the same local day. */
export function formatRange(start: Date | string, end: Date | string, timeZone: string): string {
  if (localDate(start, timeZone) === localDate(end, timeZone)) return `${formatDateTime(start, timeZone)}–${localTime(end, timeZone)}`;
  return `${formatDateTime(start, timeZone)} – ${formatDateTime(end, timeZone)}`;
}

/** The value of a `datetime-local` input ("2030-03-05T09:30") for an instant, in the hospital's zone. */
export function toDateTimeLocal(instant: Date | string, timeZone: string): string {
  return `${localDate(instant, timeZone)}T${localTime(instant, timeZone)}`;
}

/** The instant a `datetime-local` value means in the hospital's zone, or null when it is not a valid value. */
export function fromDateTimeLocal(value: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  return zonedToInstant(match[1], match[2], timeZone);
}

/** The zone the browser is set to, when it differs from the hospital's (to warn the reader). */
export function deviceTimeZoneIfDifferent(timeZone: string): string | null {
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!device || device === timeZone) return null;
  const now = Date.now();
  return offsetMs(now, device) === offsetMs(now, timeZone) ? null : device;
}
