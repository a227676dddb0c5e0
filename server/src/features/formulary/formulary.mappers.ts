import type { FormularyTable } from '../../db/types.ts';
import type { MedicineView } from './formulary.schemas.ts';

export const parseTerms = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

export function toMedicine(row: FormularyTable): MedicineView {
  return {
    id: row.id,
    name: row.name,
    strength: row.strength,
    form: row.form as MedicineView['form'],
    route: row.route as MedicineView['route'],
    ingredients: parseTerms(row.ingredients),
    classes: parseTerms(row.classes),
    active: row.active === 1,
  };
}

/** How a medicine is named on a prescription: "Amoxicillin 500 mg capsule". */
export const medicineLabel = (row: Pick<FormularyTable, 'name' | 'strength' | 'form'>): string => `${row.name} ${row.strength} ${row.form}`;
