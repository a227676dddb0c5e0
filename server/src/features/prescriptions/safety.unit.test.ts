import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STARTER_FORMULARY } from '../../db/migrations/data/formulary-starter.ts';
import { courseEnd, expectedQuantity, formatThousandths, quantityWarning, thousandths } from './dosing.ts';
import { findConflicts, titleNames, type CheckedItem } from './safety.ts';

const amoxicillin: CheckedItem = { label: 'Amoxicillin 500 mg capsule', ingredients: ['amoxicillin'], classes: ['penicillins', 'beta-lactam antibacterials'] };
const cefalexin: CheckedItem = { label: 'Cefalexin 500 mg capsule', ingredients: ['cefalexin'], classes: ['cephalosporins', 'beta-lactam antibacterials'] };
const allergy = (title: string, coded: { ingredient?: string; class?: string } = {}) => ({ title, ingredient: coded.ingredient ?? null, class: coded.class ?? null });

/** Case changes and an added plural "s" or suffix words: the spellings a clinician may type. */
const spelling = (term: string) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: term.length, maxLength: term.length }), fc.boolean(), fc.constantFrom('', ' allergy', ' (rash)', 'Allergic to '))
    .map(([upper, plural, extra]) => {
      const cased = [...term].map((ch, index) => (upper[index] ? ch.toUpperCase() : ch)).join('');
      // A plural of a last word of at least four letters ("vitamin d" has none).
      const word = plural && !/s$/i.test(cased) && /[a-z]{4}$/i.test(cased) ? `${cased}s` : cased;
      return extra.startsWith('Allergic') ? `${extra}${word}` : `${word}${extra}`;
    });

describe('allergy matching', () => {
  it('a title naming any ingredient or class of a seeded medicine, in any case, singular or plural, matches it', () => {
    const medicines = STARTER_FORMULARY.map(([name, , , , ingredients, classes]) => ({ label: name, ingredients, classes }));
    fc.assert(fc.property(
      fc.constantFrom(...medicines).chain((medicine) => fc.constantFrom(...medicine.ingredients, ...medicine.classes).chain((term) =>
        spelling(term).map((title) => ({ medicine, title })))),
      ({ medicine, title }) => {
        const conflicts = findConflicts([medicine], [allergy(title)], []);
        expect(conflicts.map((c) => c.code), title).toContain('ALLERGY_CONFLICT');
      },
    ), { numRuns: 500 });
  });

  it('coded allergens match their own ingredient or class only', () => {
    expect(findConflicts([amoxicillin], [allergy('x', { class: 'Penicillin' })], [])).toHaveLength(1);
    expect(findConflicts([cefalexin], [allergy('x', { class: 'penicillins' })], [])).toEqual([]);
    expect(findConflicts([cefalexin], [allergy('x', { class: 'Beta-lactam antibacterials' })], [])).toHaveLength(1);
    expect(findConflicts([amoxicillin], [allergy('x', { ingredient: 'AMOXICILLIN' })], [])[0]?.message)
      .toBe('Amoxicillin 500 mg capsule contains amoxicillin, and the patient has a recorded allergy: x');
  });

  it('titles about something else do not match, nor do generic words alone', () => {
    for (const title of ['Latex', 'Peanuts', 'Acid', 'Cat dander', 'Pen', 'Bee stings']) expect(findConflicts([amoxicillin, cefalexin], [allergy(title)], []), title).toEqual([]);
    expect(titleNames('Sulpha drugs', 'sulfonamides')).toBe(true);
    expect(titleNames('Non-steroidal anti-inflammatory drugs', 'nsaids')).toBe(true);
    expect(titleNames('beta-lactams', 'beta-lactam antibacterials')).toBe(true);
    expect(titleNames('Acid', 'clavulanic acid')).toBe(false);
  });

  it('free-text medicines carry no ingredients and are never matched', () => {
    fc.assert(fc.property(fc.string(), (title) => {
      expect(findConflicts([{ label: 'Something', ingredients: [], classes: [] }], [allergy(title)], [])).toEqual([]);
    }));
  });

  it('duplicate therapy: the same ingredient in an active prescription or another item, whatever its case', () => {
    const active = [{ number: 'RX-2026-000001', label: 'Co-amoxiclav 500 mg/125 mg tablet', ingredients: ['Amoxicillin', 'clavulanic acid'] }];
    expect(findConflicts([amoxicillin], [], active)).toEqual([{
      code: 'DUPLICATE_THERAPY', path: '/items/0',
      message: 'Amoxicillin 500 mg capsule duplicates amoxicillin in Co-amoxiclav 500 mg/125 mg tablet, already active on prescription RX-2026-000001',
    }]);
    expect(findConflicts([cefalexin, amoxicillin, amoxicillin], [], []).map((c) => c.path)).toEqual(['/items/2']);
  });
});

describe('exact dosing arithmetic', () => {
  it('decimal strings round-trip through thousandths exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999 }), (whole, fraction) => {
      const text = formatThousandths(BigInt(whole) * 1000n + BigInt(fraction));
      expect(thousandths(text)).toBe(BigInt(whole) * 1000n + BigInt(fraction));
    }));
    for (const bad of ['1e3', '1.2345', '-1', '01', '.5', '5.', '', '0x10']) expect(thousandths(bad), bad).toBeNull();
  });

  it('expected quantity is dose × per day × days, with no float rounding (0.1 × 3 × 10 = 3)', () => {
    expect(formatThousandths(expectedQuantity({ dose: { value: '0.1', unit: 'mL' }, frequency: 'TDS', duration: { value: 10, unit: 'd' } }) ?? 0n)).toBe('3');
    expect(expectedQuantity({ dose: { value: '1', unit: 'tablet' }, frequency: 'PRN', duration: { value: 10, unit: 'd' } })).toBeNull();
    expect(quantityWarning({ dose: { value: '0.1', unit: 'mL' }, frequency: 'TDS', duration: { value: 10, unit: 'd' }, quantity: { value: '3', unit: 'mL' } })).toBeNull();
    expect(quantityWarning({ dose: { value: '1', unit: 'tablet' }, frequency: 'BD', duration: { value: 2, unit: 'wk' }, quantity: { value: '30', unit: 'tablet' } }))
      .toBe('Quantity 30 tablet is more than the course needs (1 tablet × 2 a day × 14 days = 28 tablet)');
    expect(quantityWarning({ dose: { value: '500', unit: 'mg' }, frequency: 'TDS', duration: { value: 7, unit: 'd' }, quantity: { value: '21', unit: 'capsule' } })).toBeNull();
  });

  it('a course ends after its longest item, and has no end when an item has no duration', () => {
    const at = new Date('2026-12-01T10:00:00.000Z');
    expect(courseEnd(at, [{ duration: { value: 5, unit: 'd' } }, { duration: { value: 1, unit: 'wk' } }])?.toISOString()).toBe('2026-12-08T10:00:00.000Z');
    expect(courseEnd(at, [{ duration: { value: 5, unit: 'd' } }, { duration: null }])).toBeNull();
  });
});
