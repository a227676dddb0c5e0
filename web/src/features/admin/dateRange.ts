import { addDays, zonedToInstant } from '../scheduling/time.ts';

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What is wrong with a range of hospital dates, or null when it is usable (either end may be empty). */
export function dateRangeError(from: string, to: string): string | null {
  if (from && !isCalendarDate(from)) return 'Enter the start date as a calendar date';
  if (to && !isCalendarDate(to)) return 'Enter the end date as a calendar date';
  if (from && to && to < from) return 'The end date is before the start date';
  return null;
}

/**
 * A range of hospital calendar dates, both ends included, as UTC instants: `from` is the start of its first day
 * and `to` the start of the day after its last day (the APIs read `to` as exclusive). Empty ends are left out.
 */
export function dateRangeInstants(from: string, to: string, timeZone: string): { from?: string; to?: string } {
  return {
    ...(from ? { from: zonedToInstant(from, '00:00', timeZone).toISOString() } : {}),
    ...(to ? { to: zonedToInstant(addDays(to, 1), '00:00', timeZone).toISOString() } : {}),
  };
}
