import { describe, expect, it } from 'vitest';
import { day, doctorUtilisation, specialization } from './overview.fixtures.ts';
import {
  barListHeight, formatPercent, shortName, windowDays, hasAppointments, noShowChartData, percentValue, perDayChartData, shortDay, specializationChartData, statusLegendOrder, statusSeries,
  utilisationChartData,
} from './series.ts';

describe('dashboard chart series', () => {
  it('formats shares as whole percentages and leaves "nothing to divide by" as null', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1 / 3)).toBe('33%');
    expect(formatPercent(0.125)).toBe('13%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBeNull();
    expect(percentValue(1 / 3)).toBe(33.3);
    expect(percentValue(1)).toBe(100);
  });

  it('names each day by day and month', () => {
    expect(shortDay('2026-11-03')).toBe('3 Nov');
    expect(shortDay('2027-01-31')).toBe('31 Jan');
  });

  it('has one series per status, labelled as the status badges are, with distinct colours', () => {
    expect(statusSeries.map((series) => series.label)).toEqual(['Requested', 'Confirmed', 'Completed', 'No-show', 'Cancelled', 'Declined']);
    expect(new Set(statusSeries.map((series) => series.color)).size).toBe(statusSeries.length);
    expect(['rejected', 'requested', 'no_show'].map((dataKey) => statusLegendOrder({ dataKey }))).toEqual([5, 0, 3]);
  });

  it('turns the days into chart rows keyed by status and tells whether any day had appointments', () => {
    const days = [day('2026-11-02'), day('2026-11-03', { requested: 2, no_show: 1 })];
    expect(perDayChartData(days)).toEqual([
      { day: '2 Nov', requested: 0, confirmed: 0, completed: 0, no_show: 0, cancelled: 0, rejected: 0 },
      { day: '3 Nov', requested: 2, confirmed: 0, completed: 0, no_show: 1, cancelled: 0, rejected: 0 },
    ]);
    expect(hasAppointments(days)).toBe(true);
    expect(hasAppointments([day('2026-11-02')])).toBe(false);
    expect(hasAppointments([])).toBe(false);
  });

  it('keeps only specializations with appointments', () => {
    const rows = specializationChartData([specialization('Cardiology', { confirmed: 3 }), specialization('Dermatology', {})]);
    expect(rows).toEqual([{ specialization: 'Cardiology', requested: 0, confirmed: 3, completed: 0, no_show: 0, cancelled: 0, rejected: 0 }]);
  });

  it('draws no-show and booked shares as percentages, leaving out doctors without hours', () => {
    expect(noShowChartData([{ doctorId: 'a', doctorName: 'Dr A', completed: 2, noShow: 1, rate: 1 / 3 }])).toEqual([{ doctor: 'Dr A', rate: 33.3 }]);
    expect(utilisationChartData([doctorUtilisation('Dr A', 2, 8), doctorUtilisation('Dr B', 0, 0)])).toEqual([
      { doctor: 'Dr A', rate: 25, booked: 2, available: 8 },
    ]);
  });

  it('shortens long axis labels and measures the utilisation window in days', () => {
    expect(shortName('Dr Lena Fischer')).toBe('Dr Lena Fischer');
    expect(shortName('Dr Maximilian Oberhauser-Lindqvist')).toBe('Dr Maximilian Obe…');
    expect(windowDays('2026-11-03T10:15:00.000Z', '2026-11-17T10:15:00.000Z')).toBe(14);
  });

  it('gives horizontal bar charts room for each row', () => {
    expect(barListHeight(1)).toBe(114);
    expect(barListHeight(10)).toBe(510);
    expect(barListHeight(2, true)).toBe(214);
  });
});
