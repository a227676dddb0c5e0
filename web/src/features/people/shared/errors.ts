import { ApiError, errorMessage, type FieldProblem } from '../../../api/problem.ts';

export type FieldErrors = Record<string, string>;

/** `/emergencyContact/phone` → `emergencyContact.phone`; array indexes are dropped (`/languages/2` → `languages`). */
export function fieldKey(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
}

/** Schema messages ("is required", "must match format \"email\"") made into sentences a person can act on. */
export function readableMessage(message: string): string {
  if (/format "email"/.test(message)) return 'Enter an email address like name@example.com.';
  if (/format "date"/.test(message)) return 'Enter a date.';
  if (/must match pattern/.test(message)) return 'This contains characters that are not allowed.';
  if (/must NOT have more than (\d+) characters/.test(message)) {
    return `Use at most ${/(\d+)/.exec(message)?.[1] ?? 'fewer'} characters.`;
  }
  if (/must NOT have fewer than/.test(message)) return 'This is too short.';
  if (message === 'is required') return 'This field is required.';
  if (/^[a-z]/.test(message)) return `This ${message}.`.replace(/\.\.$/, '.');
  return message;
}

/** The server's field problems, keyed by form field (first message per field). */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const problems: FieldProblem[] = error.fieldErrors;
  const map: FieldErrors = {};
  for (const { path, message } of problems) {
    const key = fieldKey(path);
    if (key !== '' && map[key] === undefined) map[key] = readableMessage(message);
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
