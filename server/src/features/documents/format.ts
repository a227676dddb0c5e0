import { formatLocal } from '../appointments/local-time.ts';

// How documents write dates, times, money and quantities: always in the hospital's time zone.

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** "10 December 1990" from YYYY-MM-DD (a calendar date has no zone). */
export function formatCalendarDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00.000Z`);
  return Number.isNaN(parsed.getTime()) ? date : dateFormat.format(parsed);
}

/** An instant on the hospital's wall clock, naming the zone. */
export const formatInstant = (instant: string | Date, timeZone: string): string => formatLocal(new Date(instant), timeZone);

/** "10:30": the wall-clock time of an instant in the zone. */
export function formatWallTime(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** "£60.00" from minor units and an ISO 4217 code, with the currency's own number of decimals. */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

const DURATION_UNITS: Record<string, [string, string]> = { d: ['day', 'days'], wk: ['week', 'weeks'], mo: ['month', 'months'] };

/** "7 days", "1 week". */
export function formatDuration(duration: { value: number | string; unit: string }): string {
  const names = DURATION_UNITS[duration.unit];
  if (!names) return `${duration.value} ${duration.unit}`;
  return `${duration.value} ${Number(duration.value) === 1 ? names[0] : names[1]}`;
}

/** Parts that are present, joined. */
export const joinPresent = (parts: readonly (string | null | undefined)[], separator = ' · '): string =>
  parts.filter((part): part is string => typeof part === 'string' && part !== '').join(separator);

/** A file name part from free text: ASCII letters, digits and dashes only. */
export const fileSlug = (text: string): string =>
  text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 40) || 'document';
