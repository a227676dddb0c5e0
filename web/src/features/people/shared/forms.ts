import { errorProps } from '../../../components/form.ts';
import type { FieldErrors } from './errors.ts';

/** A form read into values, or the problems of its fields. */
export type FormResult<T> = { ok: true; values: T } | { ok: false; errors: FieldErrors };

/** Name, error text and its announcement for a form input. */
export function fieldProps(name: string, errors: FieldErrors) {
  const error = errors[name];
  return { name, error, errorProps, 'aria-invalid': error ? true : undefined } as const;
}

/** A trimmed value, or null when empty (to clear an optional field). */
export function orNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Keeps only the properties whose value differs from the current one (compared as JSON). */
export function changedFields<T extends object>(current: Partial<Record<keyof T, unknown>>, next: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const value = next[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(current[key] ?? null)) changed[key] = value;
  }
  return changed;
}

export const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
