import type { FieldErrors } from '../shared/errors.ts';
import { orNull } from '../shared/forms.ts';

export interface SpecializationValues {
  name: string;
  description: string | null;
}

export function readSpecializationForm(form: Record<string, string>): { values: SpecializationValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = form.name ?? '';
  const description = orNull(form.description);
  if (!name) errors.name = 'Enter a name.';
  else if (name.length > 80) errors.name = 'Use at most 80 characters.';
  if (description && description.length > 500) errors.description = 'Use at most 500 characters.';
  return { values: { name, description }, errors };
}
