import type { FieldError } from '../../http/app-error.ts';
import type { WeeklyInterval } from './slots.ts';

/** Wall-clock text and weekly intervals: "09:30" ⇄ 570 minutes after midnight; "24:00" is 1440. */

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const toMinutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const toWallTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export interface IntervalText {
  weekday: number;
  start: string;
  end: string;
}

export const toIntervalText = (interval: WeeklyInterval): IntervalText => ({
  weekday: interval.weekday, start: toWallTime(interval.startMinute), end: toWallTime(interval.endMinute),
});

const label = (interval: IntervalText): string => `${WEEKDAY_NAMES[interval.weekday - 1] ?? 'Day'} ${interval.start}–${interval.end}`;

/**
 * The intervals as minutes, or the problems with them: an end not after its start,
 * and intervals of one weekday that overlap (touching end to start is fine).
 */
export function parseWeeklyPlan(weekly: readonly IntervalText[]): { plan: WeeklyInterval[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const entries = weekly.map((text, index) => ({ text, index, interval: { weekday: text.weekday, startMinute: toMinutes(text.start), endMinute: toMinutes(text.end) } }));
  for (const { text, index, interval } of entries) {
    if (interval.startMinute >= interval.endMinute) errors.push({ path: `/weekly/${index}`, message: `${label(text)}: the end must be after the start` });
  }
  const ordered = entries
    .filter(({ interval }) => interval.startMinute < interval.endMinute)
    .sort((a, b) => a.interval.weekday - b.interval.weekday || a.interval.startMinute - b.interval.startMinute || a.index - b.index);
  let reach: (typeof ordered)[number] | undefined;
  for (const entry of ordered) {
    if (reach?.interval.weekday !== entry.interval.weekday) reach = undefined;
    if (reach && reach.interval.endMinute > entry.interval.startMinute) {
      const [first, second] = reach.index < entry.index ? [reach, entry] : [entry, reach];
      errors.push({ path: `/weekly/${second.index}`, message: `${label(second.text)} overlaps ${label(first.text)}` });
    }
    if (!reach || entry.interval.endMinute > reach.interval.endMinute) reach = entry;
  }
  return { plan: entries.map(({ interval }) => interval).sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute), errors };
}
