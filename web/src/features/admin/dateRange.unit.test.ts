import { describe, expect, it } from 'vitest';
import { dateRangeError, dateRangeInstants, isCalendarDate } from './dateRange.ts';

describe('hospital date ranges', () => {
  it('knows a real calendar date from a malformed or impossible one', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('2027-1-01')).toBe(false);
    expect(isCalendarDate('yesterday')).toBe(false);
  });

  it('turns both ends into UTC instants: the start of the first day and the start of the day after the last', () => {
    expect(dateRangeInstants('2026-07-20', '2026-07-22', 'Europe/London')).toEqual({
      from: '2026-07-19T23:00:00.000Z',
      to: '2026-07-22T23:00:00.000Z',
    });
    expect(dateRangeInstants('2026-01-10', '2026-01-10', 'America/New_York')).toEqual({
      from: '2026-01-10T05:00:00.000Z',
      to: '2026-01-11T05:00:00.000Z',
    });
  });

  it('covers the whole of a day on which the clocks change', () => {
    expect(dateRangeInstants('2026-03-29', '2026-03-29', 'Europe/London')).toEqual({
      from: '2026-03-29T00:00:00.000Z',
      to: '2026-03-29T23:00:00.000Z',
    });
    expect(dateRangeInstants('2026-10-25', '2026-10-25', 'Europe/London')).toEqual({
      from: '2026-10-24T23:00:00.000Z',
      to: '2026-10-26T00:00:00.000Z',
    });
  });

  it('leaves out an empty end', () => {
    expect(dateRangeInstants('', '2026-07-22', 'UTC')).toEqual({ to: '2026-07-23T00:00:00.000Z' });
    expect(dateRangeInstants('2026-07-20', '', 'UTC')).toEqual({ from: '2026-07-20T00:00:00.000Z' });
    expect(dateRangeInstants('', '', 'UTC')).toEqual({});
  });

  it('says what is wrong with a range that ends before it starts or holds a non-date', () => {
    expect(dateRangeError('2026-07-22', '2026-07-20')).toBe('The end date is before the start date');
    expect(dateRangeError('2026-07-20', '2026-07-20')).toBeNull();
    expect(dateRangeError('', '2026-07-20')).toBeNull();
    expect(dateRangeError('soon', '')).toBe('Enter the start date as a calendar date');
    expect(dateRangeError('', '2026-02-30')).toBe('Enter the end date as a calendar date');
  });
});
