import { describe, expect, it } from 'vitest';
import type { Medicine } from '../formulary/formulary.api.ts';
import { emptyItem, readItems, unitForForm, withMedicine } from './itemDraft.ts';

const amoxicillin: Medicine = {
  id: '0190a0b0-0000-7000-8000-000000000001', name: 'Amoxicillin', strength: '500 mg', form: 'capsule', route: 'oral',
  ingredients: ['amoxicillin'], classes: ['penicillins'], active: true,
};

describe('prescription lines', () => {
  it('a formulary medicine becomes formularyId with an exact decimal dose, duration and quantity', () => {
    const item = { ...withMedicine(emptyItem(), amoxicillin), doseValue: '1', frequency: 'TDS' as const, durationValue: '5', quantityValue: '15' };
    const { body, problems } = readItems([item]);
    expect(problems).toEqual({});
    expect(body).toEqual([
      {
        formularyId: amoxicillin.id, dose: { value: '1', unit: 'capsule' }, route: 'oral', frequency: 'TDS',
        duration: { value: 5, unit: 'd' }, quantity: { value: '15', unit: 'capsule' }, refills: 0,
      },
    ]);
  });

  it('a free-text medicine is sent as drugText, never with a formularyId', () => {
    const { body, problems } = readItems([{ ...emptyItem(), freeText: true, drugText: 'Herbal throat spray' }]);
    expect(problems).toEqual({});
    expect(body[0]).toMatchObject({ drugText: 'Herbal throat spray' });
    expect(body[0]).not.toHaveProperty('formularyId');
  });

  it('names each wrong field with the path the server would use', () => {
    const { problems } = readItems([{ ...emptyItem(), doseValue: '1.2345', durationValue: '0', quantityValue: 'ten', refills: '-1' }]);
    expect(Object.keys(problems).sort()).toEqual(['items.0.dose.value', 'items.0.duration.value', 'items.0.formularyId', 'items.0.quantity.value', 'items.0.refills']);
  });

  it('takes the dose unit from the form of the medicine', () => {
    expect(unitForForm('modified-release tablet')).toBe('tablet');
    expect(unitForForm('oral suspension')).toBe('mL');
    expect(unitForForm('dry powder inhaler')).toBe('puff');
    expect(unitForForm('patch')).toBe('patch');
  });
});
