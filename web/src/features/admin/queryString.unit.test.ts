import { describe, expect, it } from 'vitest';
import { queryString } from './queryString.ts';

describe('queryString', () => {
  it('keeps only the non-empty values, in order, encoded', () => {
    expect(queryString({ q: 'Ada Lovelace', active: '', doctorId: undefined, from: '2026-07-19T23:00:00.000Z' })).toBe(
      '?q=Ada+Lovelace&from=2026-07-19T23%3A00%3A00.000Z',
    );
  });

  it('repeats the key for each item of a list', () => {
    expect(queryString({ status: ['requested', 'confirmed'] })).toBe('?status=requested&status=confirmed');
    expect(queryString({ status: [] })).toBe('');
  });

  it('is empty when nothing is left', () => {
    expect(queryString({})).toBe('');
    expect(queryString({ q: '' })).toBe('');
  });
});
