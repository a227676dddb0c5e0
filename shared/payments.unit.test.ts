import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMinor, isKnownCurrency, refundDue } from './payments.ts';

describe('money in minor units', () => {
  it('takes the exponent from the currency: GBP 2, JPY 0, KWD 3', () => {
    expect([currencyExponent('GBP'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([2, 0, 3]);
    expect(formatMinor(1050, 'GBP', 'en-GB')).toBe('£10.50');
    expect(formatMinor(1050, 'JPY', 'en-GB')).toBe('JP¥1,050');
    expect(formatMinor(1050, 'KWD', 'en-GB')).toMatch(/^KWD\s1\.050$/);
    expect(isKnownCurrency('GBP')).toBe(true);
    expect(isKnownCurrency('XYZ1')).toBe(false);
  });
  it('refunds by policy at the boundary', () => {
    const policy = { fullNoticeHours: 24, latePercent: 50 };
    expect(refundDue(5001, { ...policy, byStaff: false, hoursBeforeStart: 24 })).toBe(5001);
    expect(refundDue(5001, { ...policy, byStaff: false, hoursBeforeStart: 23.99 })).toBe(2500);
    expect(refundDue(5001, { ...policy, byStaff: true, hoursBeforeStart: 1 })).toBe(5001);
  });
});
