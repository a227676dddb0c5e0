import { describe, expect, it } from 'vitest';
import { baseDirection, hasRtl, visualOrder } from './bidi.ts';

describe('word order of mixed-direction lines', () => {
  it('leaves left-to-right text alone', () => {
    expect(visualOrder(['Ayşe', 'Yılmaz', '12'])).toEqual(['Ayşe', 'Yılmaz', '12']);
    expect(hasRtl('Zoë Ångström-Ñúñez')).toBe(false);
  });

  it('draws an Arabic name right to left: the first word is the rightmost', () => {
    expect(baseDirection(['فاطمة', 'الزهراء'])).toBe('rtl');
    expect(visualOrder(['فاطمة', 'الزهراء'])).toEqual(['الزهراء', 'فاطمة']);
  });

  it('reverses only the Arabic run inside a left-to-right line', () => {
    expect(visualOrder(['Patient', 'فاطمة', 'الزهراء', 'arrived'])).toEqual(['Patient', 'الزهراء', 'فاطمة', 'arrived']);
  });

  it('keeps a Latin run in reading order inside a right-to-left line', () => {
    expect(visualOrder(['شارع', 'Baker', 'Street', 'لندن'])).toEqual(['لندن', 'Baker', 'Street', 'شارع']);
  });

  it('a number between two Arabic words joins their run; between scripts it follows the base', () => {
    expect(visualOrder(['عيادة', '12', 'الطابق'])).toEqual(['الطابق', '12', 'عيادة']);
    expect(visualOrder(['Room', '12', 'عيادة'])).toEqual(['Room', '12', 'عيادة']);
  });
});
