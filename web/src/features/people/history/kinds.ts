import type { HistoryKind } from '../types.ts';

export const historyKinds: { value: HistoryKind; label: string; color: string }[] = [
  { value: 'condition', label: 'Condition', color: 'blue.9' },
  { value: 'allergy', label: 'Allergy', color: 'red.9' },
  { value: 'medication', label: 'Medication', color: 'violet.9' },
  { value: 'surgery', label: 'Surgery', color: 'cyan.9' },
  { value: 'note', label: 'Note', color: 'gray.8' },
];

export function kindInfo(kind: HistoryKind) {
  return historyKinds.find((item) => item.value === kind) ?? { value: kind, label: kind, color: 'gray.8' };
}

export function isHistoryKind(value: string): value is HistoryKind {
  return historyKinds.some((item) => item.value === value);
}

/** Which dates the kind has, and what they are called: a note has none, a surgery only the day it took place. */
export function dateLabels(kind: HistoryKind): { onset: string | null; resolved: string | null } {
  switch (kind) {
    case 'note':
      return { onset: null, resolved: null };
    case 'surgery':
      return { onset: 'Date of surgery', resolved: null };
    case 'medication':
      return { onset: 'Started on', resolved: 'Stopped on' };
    default:
      return { onset: 'Onset date', resolved: 'Resolved on' };
  }
}
