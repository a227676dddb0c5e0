import {
  DECIMAL_PATTERN, DOSE_UNITS, DURATION_UNITS, FREQUENCY_CODES, ROUTES, type DoseUnit, type DurationUnit, type FrequencyCode, type MedicineRoute,
} from '#shared/prescriptions';
import type { Medicine } from '../formulary/formulary.api.ts';
import type { ItemBody, PrescriptionItem } from './prescriptions.api.ts';

/** One medicine line of the prescription form, as typed. */
export interface ItemDraft {
  key: string;
  medicine: Medicine | null;
  /** The formulary medicine of the prescription being replaced, until another is chosen. */
  prefilled: { id: string; label: string } | null;
  /** A medicine outside the formulary: not checked against allergies or duplicate therapy. */
  freeText: boolean;
  drugText: string;
  doseValue: string;
  doseUnit: DoseUnit;
  route: MedicineRoute;
  frequency: FrequencyCode;
  frequencyText: string;
  durationValue: string;
  durationUnit: DurationUnit;
  quantityValue: string;
  quantityUnit: DoseUnit;
  refills: string;
  instructions: string;
}

let keys = 0;

/** The usual dose unit of a form: a capsule is taken by the capsule, a cream by the application. */
export function unitForForm(form: string): DoseUnit {
  if (form.includes('capsule')) return 'capsule';
  if (form.includes('tablet')) return 'tablet';
  if (/solution|suspension|syrup|injection/.test(form)) return 'mL';
  if (form.includes('inhaler')) return 'puff';
  if (form.includes('drops')) return 'drop';
  if (/cream|ointment|gel|lotion/.test(form)) return 'application';
  if (form.includes('spray')) return 'spray';
  if (isDoseUnit(form)) return form;
  return 'dose';
}

export function emptyItem(): ItemDraft {
  keys += 1;
  return {
    key: `item-${keys}`, medicine: null, prefilled: null, freeText: false, drugText: '', doseValue: '1', doseUnit: 'tablet', route: 'oral', frequency: 'OD',
    frequencyText: '', durationValue: '', durationUnit: 'd', quantityValue: '', quantityUnit: 'tablet', refills: '0', instructions: '',
  };
}

export function withMedicine(item: ItemDraft, medicine: Medicine): ItemDraft {
  const unit = unitForForm(medicine.form);
  return { ...item, medicine, prefilled: null, freeText: false, route: medicine.route, doseUnit: unit, quantityUnit: unit };
}

const decimal = new RegExp(DECIMAL_PATTERN);
export const isDoseUnit = (value: string): value is DoseUnit => (DOSE_UNITS as readonly string[]).includes(value);
export const isRoute = (value: string): value is MedicineRoute => (ROUTES as readonly string[]).includes(value);
export const isFrequency = (value: string): value is FrequencyCode => (FREQUENCY_CODES as readonly string[]).includes(value);
export const isDurationUnit = (value: string): value is DurationUnit => (DURATION_UNITS as readonly string[]).includes(value);

/** The request items, or the problems keyed `items.<index>.<field>` as the server would name them. */
export function readItems(items: ItemDraft[]): { body: ItemBody[]; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const body = items.map((item, index): ItemBody => {
    const at = (field: string) => `items.${index}.${field}`;
    if (!item.freeText && !item.medicine && !item.prefilled) problems[at('formularyId')] = 'Choose a medicine from the formulary, or enter a medicine not in it.';
    if (item.freeText && item.drugText.trim() === '') problems[at('drugText')] = 'Enter the medicine, its strength and form.';
    if (!decimal.test(item.doseValue.trim())) problems[at('dose.value')] = 'Enter the dose as a number such as 1, 0.5 or 12.25.';
    const duration = item.durationValue.trim();
    if (duration !== '' && !/^[1-9]\d{0,2}$/.test(duration)) problems[at('duration.value')] = 'Enter a whole number from 1 to 999.';
    const quantity = item.quantityValue.trim();
    if (quantity !== '' && !decimal.test(quantity)) problems[at('quantity.value')] = 'Enter the quantity as a number.';
    const refills = item.refills.trim() === '' ? 0 : Number(item.refills);
    if (!Number.isInteger(refills) || refills < 0) problems[at('refills')] = 'Enter a whole number of refills.';
    return {
      ...(item.freeText ? { drugText: item.drugText.trim() } : { formularyId: item.medicine?.id ?? item.prefilled?.id ?? '' }),
      dose: { value: item.doseValue.trim(), unit: item.doseUnit },
      route: item.route,
      frequency: item.frequency,
      ...(item.frequencyText.trim() ? { frequencyText: item.frequencyText.trim() } : {}),
      ...(duration ? { duration: { value: Number(duration), unit: item.durationUnit } } : {}),
      ...(quantity ? { quantity: { value: quantity, unit: item.quantityUnit } } : {}),
      refills,
      ...(item.instructions.trim() ? { instructions: item.instructions.trim() } : {}),
    };
  });
  return { body, problems };
}

/** A line of a new prescription written from an issued one's item (for replacing it): same medicine and directions. */
export function itemFrom(source: PrescriptionItem): ItemDraft {
  return {
    ...emptyItem(),
    prefilled: source.formularyId ? { id: source.formularyId, label: source.drug } : null,
    freeText: source.formularyId === null,
    drugText: source.drugText ?? '',
    doseValue: source.dose.value,
    doseUnit: source.dose.unit,
    route: source.route,
    frequency: source.frequency,
    frequencyText: source.frequencyText ?? '',
    durationValue: source.duration ? String(source.duration.value) : '',
    durationUnit: source.duration?.unit ?? 'd',
    quantityValue: source.quantity?.value ?? '',
    quantityUnit: source.quantity?.unit ?? source.dose.unit,
    refills: String(source.refills),
    instructions: source.instructions ?? '',
  };
}
