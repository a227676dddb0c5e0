import { describe, expect, it } from 'vitest';
import { readMedicineForm, splitTerms } from './medicineForm.ts';

describe('the medicine form', () => {
  it('splits ingredients and classes on commas, in lower case, without blanks or repeats', () => {
    expect(splitTerms('Amoxicillin, clavulanic acid,, amoxicillin ')).toEqual(['amoxicillin', 'clavulanic acid']);
  });

  it('reads a complete medicine', () => {
    const result = readMedicineForm(
      { name: 'Co-amoxiclav', strength: '500 mg/125 mg', form: 'tablet', route: 'oral', ingredients: 'amoxicillin, clavulanic acid', classes: 'penicillins' },
      true,
    );
    expect(result).toEqual({
      ok: true,
      values: { name: 'Co-amoxiclav', strength: '500 mg/125 mg', form: 'tablet', route: 'oral', ingredients: ['amoxicillin', 'clavulanic acid'], classes: ['penicillins'], active: true },
    });
  });

  it('names every missing field', () => {
    const result = readMedicineForm({ name: '', strength: '', form: '', route: 'by magic', ingredients: ' , ', classes: '' }, true);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['classes', 'form', 'ingredients', 'name', 'route', 'strength']);
  });
});
