import type { FieldError } from '../../http/app-error.ts';
import type { HistoryKind } from './history.schemas.ts';

/** The content of an entry, in the API's field names. */
export interface EntryContent {
  kind: HistoryKind;
  title: string;
  details: string | null;
  onsetDate: string | null;
  resolvedDate: string | null;
  allergenIngredient: string | null;
  allergenClass: string | null;
}

export type EntryPatch = { [K in keyof EntryContent]?: EntryContent[K] | undefined };

/** Which dates make sense for the kind: a note has none, a surgery only the date it took place (onsetDate). */
export function entryProblem(entry: EntryContent, today: string): FieldError | null {
  if (entry.kind !== 'allergy' && (entry.allergenIngredient !== null || entry.allergenClass !== null)) {
    return { path: '/allergen', message: 'Only an allergy entry names an allergen' };
  }
  if (entry.kind === 'note' && entry.onsetDate !== null) return { path: '/onsetDate', message: 'A note has no onset date' };
  if ((entry.kind === 'note' || entry.kind === 'surgery') && entry.resolvedDate !== null) {
    return { path: '/resolvedDate', message: `A ${entry.kind} has no resolved date` };
  }
  if (entry.onsetDate !== null && entry.onsetDate > today) return { path: '/onsetDate', message: 'The onset date cannot be in the future' };
  if (entry.onsetDate !== null && entry.resolvedDate !== null && entry.resolvedDate < entry.onsetDate) {
    return { path: '/resolvedDate', message: 'The resolved date cannot be before the onset date' };
  }
  return null;
}

export function normalizeEntry<T extends EntryPatch>(patch: T): T {
  return {
    ...patch,
    ...(patch.title === undefined ? {} : { title: patch.title.trim() }),
    ...(patch.details === undefined ? {} : { details: patch.details?.trim() || null }),
  };
}

/** The fields the patch really changes, before and after. */
export function diffEntry(current: EntryContent, patch: EntryPatch): { before: Partial<EntryContent>; after: Partial<EntryContent>; changed: boolean } {
  const before: Partial<EntryContent> = {};
  const after: Partial<EntryContent> = {};
  for (const key of Object.keys(current) as (keyof EntryContent)[]) {
    const next = patch[key];
    if (next === undefined || next === current[key]) continue;
    Object.assign(before, { [key]: current[key] });
    Object.assign(after, { [key]: next });
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}
