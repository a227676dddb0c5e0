import type { Executor, FormularyTable, PrescriptionItemsTable } from '../../db/types.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { medicineLabel } from '../formulary/formulary.mappers.ts';
import { medicinesByIds } from '../formulary/formulary.service.ts';
import { thousandths } from './dosing.ts';
import type { ItemInput } from './prescriptions.schemas.ts';

// Turns the items of a request into rows: each names a formulary medicine (whose ingredients and classes are
// copied, so the prescription keeps what it was checked against) or a free-text drug, which is not checked.

function itemProblems(item: ItemInput, index: number, medicine: FormularyTable | undefined): FieldError[] {
  const path = `/items/${index}`;
  const problems: FieldError[] = [];
  if ((item.formularyId === undefined) === (item.drugText === undefined)) {
    problems.push({ path, message: 'Give either a formulary medicine (formularyId) or a free-text drug (drugText), not both or neither' });
  } else if (item.formularyId !== undefined && (!medicine || medicine.active !== 1)) {
    problems.push({ path: `${path}/formularyId`, message: 'is not an active medicine of the formulary' });
  }
  if ((thousandths(item.dose.value) ?? 0n) <= 0n) problems.push({ path: `${path}/dose/value`, message: 'must be a positive decimal such as "0.5" or "1"' });
  if (item.quantity && (thousandths(item.quantity.value) ?? 0n) <= 0n) problems.push({ path: `${path}/quantity/value`, message: 'must be a positive decimal' });
  return problems;
}

/** The item rows of a prescription; 400 listing every item that is not right. */
export async function itemRows(db: Executor, prescriptionId: string, items: readonly ItemInput[]): Promise<PrescriptionItemsTable[]> {
  const medicines = await medicinesByIds(db, [...new Set(items.flatMap((item) => (item.formularyId ? [item.formularyId] : [])))]);
  const problems = items.flatMap((item, index) => itemProblems(item, index, item.formularyId ? medicines.get(item.formularyId) : undefined));
  if (problems.length > 0) throw new AppError(400, 'VALIDATION_FAILED', problems[0]?.message ?? 'The items are not valid', problems);
  return items.map((item, position) => {
    const medicine = item.formularyId ? medicines.get(item.formularyId) : undefined;
    const drugText = item.drugText?.trim() ?? null;
    return {
      id: newId(),
      prescription_id: prescriptionId,
      position,
      formulary_id: medicine?.id ?? null,
      drug_name: medicine ? medicineLabel(medicine) : drugText ?? '',
      drug_text: medicine ? null : drugText,
      ingredients: medicine?.ingredients ?? '[]',
      classes: medicine?.classes ?? '[]',
      dose_value: item.dose.value,
      dose_unit: item.dose.unit,
      route: item.route,
      frequency: item.frequency,
      frequency_text: item.frequencyText?.trim() ?? null,
      duration_value: item.duration?.value ?? null,
      duration_unit: item.duration?.unit ?? null,
      quantity_value: item.quantity?.value ?? null,
      quantity_unit: item.quantity?.unit ?? null,
      refills: item.refills ?? 0,
      instructions: item.instructions?.trim() ?? null,
    };
  });
}
