export interface IntervalRow {
  key: string;
  weekday: number;
  start: string;
  end: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Checks the rows before saving: valid times, start before end, no overlap within a day. Errors by row key. */
export function validateWeekly(rows: readonly IntervalRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const row of rows) {
    if (!TIME.test(row.start) || !TIME.test(row.end)) errors[row.key] = 'Enter both times as HH:MM.';
    else if (row.start >= row.end) errors[row.key] = 'The end must be after the start.';
  }
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const day = rows.filter((row) => row.weekday === weekday && !errors[row.key]).sort((a, b) => a.start.localeCompare(b.start));
    for (let index = 1; index < day.length; index += 1) {
      const previous = day[index - 1];
      const current = day[index];
      if (previous && current && current.start < previous.end) {
        errors[current.key] = `Overlaps ${previous.start}–${previous.end} on the same day.`;
      }
    }
  }
  return errors;
}
