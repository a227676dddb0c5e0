import type { FieldErrors } from '../shared/errors.ts';
import { datePattern, orNull } from '../shared/forms.ts';
import type { HistoryCreateBody, HistoryKind } from '../types.ts';
import { dateLabels, isHistoryKind } from './kinds.ts';

export const historyFields = ['kind', 'title', 'details', 'onsetDate', 'resolvedDate'] as const;

export interface EntryValues {
  kind: HistoryKind;
  title: string;
  details: string | null;
  onsetDate: string | null;
  resolvedDate: string | null;
}

export type EntryFormResult = { ok: true; values: EntryValues } | { ok: false; errors: FieldErrors };

/** Reads and checks the entry form; dates the kind does not have are cleared. */
export function readEntryForm(form: Record<string, string>, today: string): EntryFormResult {
  const errors: FieldErrors = {};
  const kind = form.kind ?? '';
  const title = form.title ?? '';
  if (!isHistoryKind(kind)) {
    return { ok: false, errors: { kind: 'Choose what kind of entry this is.', ...(title ? {} : { title: 'Enter a title.' }) } };
  }
  const labels = dateLabels(kind);
  const onsetDate = labels.onset ? orNull(form.onsetDate) : null;
  const resolvedDate = labels.resolved ? orNull(form.resolvedDate) : null;
  if (!title) errors.title = 'Enter a title.';
  else if (title.length > 200) errors.title = 'Use at most 200 characters.';
  if (onsetDate !== null && !datePattern.test(onsetDate)) errors.onsetDate = 'Enter a date.';
  else if (onsetDate !== null && onsetDate > today) errors.onsetDate = 'This date cannot be in the future.';
  if (resolvedDate !== null && !datePattern.test(resolvedDate)) errors.resolvedDate = 'Enter a date.';
  else if (resolvedDate !== null && onsetDate !== null && resolvedDate < onsetDate) {
    errors.resolvedDate = `This cannot be before the ${labels.onset?.toLowerCase() ?? 'onset date'}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values: { kind, title, details: orNull(form.details), onsetDate, resolvedDate } };
}

export function toCreateBody(values: EntryValues): HistoryCreateBody {
  return {
    kind: values.kind,
    title: values.title,
    ...(values.details ? { details: values.details } : {}),
    ...(values.onsetDate ? { onsetDate: values.onsetDate } : {}),
    ...(values.resolvedDate ? { resolvedDate: values.resolvedDate } : {}),
  };
}
