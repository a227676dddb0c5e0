import { ApiError, errorMessage, type FieldProblem } from '../../../api/problem.ts';

export type FieldErrors = Record<string, string>;

/** `/emergencyContact/phone` → `emergencyContact.phone`; array indexes are dropped (`/languages/2` → `languages`). */
export function fieldKey(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
}

/** The server's field problems, keyed by form field (first message per field); the server writes them as sentences. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const problems: FieldProblem[] = error.fieldErrors;
  const map: FieldErrors = {};
  for (const { path, message } of problems) {
    const key = fieldKey(path);
    if (key !== '' && map[key] === undefined) map[key] = message;
  }
  return map;
}

/**
 * The form-level message: the server's error (plus field messages with no field on this form),
 * or a pointer to the fields when only the browser's checks failed.
 */
export function formSummary(error: unknown, errors: FieldErrors, fields: readonly string[]): string | null {
  if (error) {
    const unplaced = Object.entries(errors)
      .filter(([field]) => !fields.includes(field))
      .map(([, message]) => message);
    const placed = Object.keys(errors).some((field) => fields.includes(field));
    const lead = errorMessage(error);
    return [placed ? `${lead} See the fields marked below.` : lead, ...unplaced].join(' ');
  }
  return Object.keys(errors).length > 0 ? 'Please correct the fields marked below.' : null;
}
