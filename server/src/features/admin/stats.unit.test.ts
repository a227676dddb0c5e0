import { describe, expect, it } from 'vitest';
import { addDays, emptyStatusCounts, lastDates, noShowRates, perDaySeries, perGroupSeries, ratio, slotUtilisation, statusCounts } from './stats.ts';

const at = (text: string) => new Date(text);
const span = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('status counts', () => {
  it('counts every status, with a total, and zero for statuses not seen', () => {
    expect(statusCounts([{ status: 'requested', count: 2 }, { status: 'no_show', count: 1 }])).toEqual({
      ...emptyStatusCounts(), requested: 2, no_show: 1, total: 3,
    });
  });

  it('divides only when there is something to divide by', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });
});

describe('calendar dates', () => {
  it('lists the last days ending today, oldest first, across a month end', () => {
    expect(lastDates('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(lastDates('2026-03-02', 30)).toHaveLength(30);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('appointments per day', () => {
  it('puts each start on its calendar date in the hospital zone and counts zero for empty days', () => {
    const rows = [
      { minute: '2026-06-30T23:30', status: 'completed', count: 2 },
      { minute: '2026-06-30T22:30', status: 'no_show', count: 1 },
      { minute: '2026-07-01T08:00', status: 'requested', count: 3 },
      { minute: '2026-06-01T08:00', status: 'requested', count: 9 },
    ];
    const series = perDaySeries(rows, ['2026-06-30', '2026-07-01', '2026-07-02'], 'Europe/London');
    expect(series).toEqual([
      { date: '2026-06-30', ...emptyStatusCounts(), no_show: 1, total: 1 },
      { date: '2026-07-01', ...emptyStatusCounts(), completed: 2, requested: 3, total: 5 },
      { date: '2026-07-02', ...emptyStatusCounts() },
    ]);
  });

  it('handles zones half an hour off UTC', () => {
    const series = perDaySeries([{ minute: '2026-06-30T18:29', status: 'confirmed', count: 1 }, { minute: '2026-06-30T18:30', status: 'confirmed', count: 1 }], ['2026-06-30', '2026-07-01'], 'Asia/Kolkata');
    expect(series.map((day) => day.confirmed)).toEqual([1, 1]);
  });
});

describe('per group and per doctor', () => {
  const rows = [
    { id: 'b', name: 'Bea', status: 'completed', count: 3 },
    { id: 'b', name: 'Bea', status: 'no_show', count: 1 },
    { id: 'a', name: 'Al', status: 'completed', count: 4 },
    { id: 'c', name: 'Cy', status: 'no_show', count: 2 },
    { id: 'd', name: 'Di', status: 'cancelled', count: 7 },
  ];

  it('sums statuses per group, busiest first', () => {
    expect(perGroupSeries(rows).map((group) => [group.id, group.total])).toEqual([['d', 7], ['a', 4], ['b', 4], ['c', 2]]);
  });

  it('gives the no-show rate of doctors who had completed or missed appointments, highest first', () => {
    expect(noShowRates(rows)).toEqual([
      { doctorId: 'c', doctorName: 'Cy', completed: 0, noShow: 2, rate: 1 },
      { doctorId: 'b', doctorName: 'Bea', completed: 3, noShow: 1, rate: 0.25 },
      { doctorId: 'a', doctorName: 'Al', completed: 4, noShow: 0, rate: 0 },
    ]);
  });
});

describe('slot utilisation', () => {
  // Mondays 09:00–12:00 in 30-minute slots: six a Monday.
  const plan = [{ weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 }];
  const window = { timeZone: 'UTC', start: at('2026-03-02T00:00:00.000Z'), end: at('2026-03-16T00:00:00.000Z') };

  it('counts the slots of the window and those an appointment holds', () => {
    const busy = [span('2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z'), span('2026-03-09T11:30:00.000Z', '2026-03-09T12:00:00.000Z')];
    expect(slotUtilisation({ plan, slotMinutes: 30, timeOff: [], busy }, window)).toEqual({ availableSlots: 12, bookedSlots: 3, rate: 0.25 });
  });

  it('leaves out slots in time off and slots already started, and the window end is exclusive', () => {
    const timeOff = [span('2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z')];
    const late = { ...window, start: at('2026-03-02T10:15:00.000Z'), end: at('2026-03-16T09:00:00.000Z') };
    expect(slotUtilisation({ plan, slotMinutes: 30, timeOff, busy: [] }, late)).toEqual({ availableSlots: 3, bookedSlots: 0, rate: 0 });
  });

  it('reads the plan in the hospital zone', () => {
    const london = { timeZone: 'Europe/London', start: at('2026-06-01T00:00:00.000Z'), end: at('2026-06-08T00:00:00.000Z') };
    const busy = [span('2026-06-01T08:00:00.000Z', '2026-06-01T08:30:00.000Z')];
    expect(slotUtilisation({ plan, slotMinutes: 30, timeOff: [], busy }, london)).toEqual({ availableSlots: 6, bookedSlots: 1, rate: 1 / 6 });
  });

  it('has no rate without a plan', () => {
    expect(slotUtilisation({ plan: [], slotMinutes: 30, timeOff: [], busy: [] }, window)).toEqual({ availableSlots: 0, bookedSlots: 0, rate: null });
  });
});
