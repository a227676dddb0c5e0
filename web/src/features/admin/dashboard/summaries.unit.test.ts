import { describe, expect, it } from 'vitest';
import { day, doctorUtilisation, specialization } from './overview.fixtures.ts';
import { noShowSummary, perDaySummary, plural, specializationSummary, utilisationSummary } from './summaries.ts';

describe('dashboard chart summaries', () => {
  it('counts in words', () => {
    expect(plural(1, 'appointment')).toBe('1 appointment');
    expect(plural(0, 'appointment')).toBe('0 appointments');
    expect(plural(2, 'doctor has', 'doctors have')).toBe('2 doctors have');
  });

  it('sums the days and names the busiest one (the first of equals)', () => {
    const perDay = [day('2026-11-01', { confirmed: 2 }), day('2026-11-02', { requested: 1, cancelled: 2 }), day('2026-11-03', { completed: 3 })];
    expect(perDaySummary({ from: '2026-11-01', to: '2026-11-03', perDay })).toBe(
      '8 appointments in the last 3 days (1 Nov – 3 Nov); busiest day 2 Nov with 3.',
    );
    expect(perDaySummary({ from: '2026-11-01', to: '2026-11-01', perDay: [day('2026-11-01', { confirmed: 1 })] })).toBe(
      '1 appointment in the last 1 day (1 Nov – 1 Nov); busiest day 1 Nov with 1.',
    );
  });

  it('says nothing when there were no appointments, so the chart can say so plainly', () => {
    expect(perDaySummary({ from: '2026-11-01', to: '2026-11-02', perDay: [day('2026-11-01'), day('2026-11-02')] })).toBeNull();
    expect(specializationSummary([])).toBeNull();
    expect(noShowSummary([])).toBeNull();
    expect(utilisationSummary([doctorUtilisation('Dr A', 0, 0)], 14)).toBeNull();
    expect(utilisationSummary([], 14)).toBeNull();
  });

  it('names the busiest specialization', () => {
    const rows = [specialization('Cardiology', { confirmed: 2, completed: 1 }), specialization('Dermatology', { requested: 1 })];
    expect(specializationSummary(rows)).toBe('4 appointments across 2 specializations; busiest: Cardiology with 3.');
  });

  it('gives the overall no-show share and the doctor with the highest rate', () => {
    const rows = [
      { doctorId: 'b', doctorName: 'Dr B', completed: 1, noShow: 1, rate: 0.5 },
      { doctorId: 'a', doctorName: 'Dr A', completed: 3, noShow: 0, rate: 0 },
    ];
    expect(noShowSummary(rows)).toBe('1 of 5 completed or missed appointments was a no-show (20%); highest rate: Dr B, 50% (1 of 2).');
    expect(noShowSummary([{ doctorId: 'a', doctorName: 'Dr A', completed: 0, noShow: 2, rate: 1 }])).toBe(
      '2 of 2 completed or missed appointments were no-shows (100%); highest rate: Dr A, 100% (2 of 2).',
    );
  });

  it('gives the booked share of all slots, the busiest doctor and how many have no hours', () => {
    const doctors = [doctorUtilisation('Dr A', 1, 4), doctorUtilisation('Dr B', 0, 0), doctorUtilisation('Dr C', 3, 4)];
    expect(utilisationSummary(doctors, 14)).toBe('4 of 8 slots booked over the next 14 days (50%); busiest: Dr C, 75%. 1 doctor has no hours in this period.');
    expect(utilisationSummary([doctorUtilisation('Dr A', 0, 6)], 14)).toBe('0 of 6 slots booked over the next 14 days (0%); busiest: Dr A, 0%.');
  });
});
