import { FORMS, ROUTES, type MedicineForm, type MedicineRoute } from '#shared/prescriptions';
import type { FieldErrors } from '../../people/shared/errors.ts';
import type { FormResult } from '../../people/shared/forms.ts';
import type { MedicineCreateBody } from './formulary.api.ts';

/** "amoxicillin, clavulanic acid" → ["amoxicillin", "clavulanic acid"] (lower case, no blanks or repeats). */
export function splitTerms(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((term) => term.trim().toLowerCase()).filter((term) => term !== ''))];
}

const isForm = (value: string): value is MedicineForm => (FORMS as readonly string[]).includes(value);
const isRoute = (value: string): value is MedicineRoute => (ROUTES as readonly string[]).includes(value);

/** Reads the medicine form's fields; each missing one is named with a sentence. */
export function readMedicineForm(values: Record<string, string>, active: boolean): FormResult<MedicineCreateBody> {
  const errors: FieldErrors = {};
  const name = values.name ?? '';
  const strength = values.strength ?? '';
  const form = values.form ?? '';
  const route = values.route ?? '';
  const ingredients = splitTerms(values.ingredients ?? '');
  const classes = splitTerms(values.classes ?? '');
  if (name === '') errors.name = 'Enter the medicine’s name.';
  if (strength === '') errors.strength = 'Enter the strength, such as 500 mg or 5 mg/mL.';
  if (!isForm(form)) errors.form = 'Choose the form.';
  if (!isRoute(route)) errors.route = 'Choose the usual route.';
  if (ingredients.length === 0) errors.ingredients = 'Enter at least one active ingredient.';
  if (classes.length === 0) errors.classes = 'Enter at least one drug class.';
  if (Object.keys(errors).length > 0 || !isForm(form) || !isRoute(route)) return { ok: false, errors };
  return { ok: true, values: { name, strength, form, route, ingredients, classes, active } };
}
