import { Alert, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Pager } from './Pager.tsx';
import { QueryState } from './QueryState.tsx';
import type { CursorPages } from './useCursorPages.ts';

interface PagedResultsProps<T> {
  query: UseQueryResult<{ items: T[]; nextCursor: string | null }>;
  pages: CursorPages;
  /** What is listed, for the loading and failure messages: "users". */
  what: string;
  homePath?: string;
  /** Shown instead of the list when nothing matches. */
  empty: { title: string; text: ReactNode };
  /** Shown above the list, such as a count of what was found. */
  summary?: (items: T[]) => ReactNode;
  children: (items: T[]) => ReactNode;
}

/** One page of a searched list: loading and failure states, the items (or a note that none match) and the pager. */
export function PagedResults<T>({ query, pages, what, homePath, empty, summary, children }: PagedResultsProps<T>) {
  return (
    <QueryState query={query} what={what} homePath={homePath}>
      {(page) => (
        <Stack gap="md" aria-busy={query.isPlaceholderData}>
          {summary?.(page.items)}
          {page.items.length === 0 ? (
            <Alert color="gray" variant="light" title={empty.title}>
              {empty.text}
            </Alert>
          ) : (
            children(page.items)
          )}
          <Pager
            pageNumber={pages.pageNumber}
            hasPrevious={pages.hasPrevious}
            nextCursor={page.nextCursor}
            onPrevious={pages.previous}
            onNext={pages.next}
            busy={query.isPlaceholderData}
          />
        </Stack>
      )}
    </QueryState>
  );
}
