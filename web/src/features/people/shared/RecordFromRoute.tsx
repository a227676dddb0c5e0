import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { QueryState } from './QueryState.tsx';

interface RecordFromRouteProps<T> {
  /** The query hook that loads one record by id, such as usePatient. */
  useRecord: (id: string) => UseQueryResult<T>;
  /** What is loaded, for the messages: "patient". */
  what: string;
  homePath?: string;
  children: (record: T) => ReactNode;
}

/** Loads the record named by the page's `:id` and renders it, with the loading, failure and not-found states. */
export function RecordFromRoute<T>({ useRecord, what, homePath, children }: RecordFromRouteProps<T>) {
  const { id = '' } = useParams();
  const query = useRecord(id);
  return (
    <QueryState query={query} what={what} homePath={homePath}>
      {children}
    </QueryState>
  );
}
