/** What a medical-history entry records. */
export const HISTORY_KINDS = ['condition', 'allergy', 'medication', 'surgery', 'note'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
