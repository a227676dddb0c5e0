import { useState } from 'react';

interface PagesState {
  key: string;
  cursors: (string | null)[];
}

export interface CursorPages {
  cursor: string | undefined;
  pageNumber: number;
  hasPrevious: boolean;
  next: (cursor: string) => void;
  previous: () => void;
}

/**
 * Cursor paging with "Previous" and "Next": remembers the cursors of the pages seen so far.
 * Starts again at the first page whenever `resetKey` (the search and filters) changes.
 */
export function useCursorPages(resetKey: string): CursorPages {
  const [state, setState] = useState<PagesState>({ key: resetKey, cursors: [null] });
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    cursor: cursors[cursors.length - 1] ?? undefined,
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}
