import { Button, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { NotFoundPage } from '../../errors/NotFoundPage.tsx';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What is being loaded, for the messages: "patient", "doctors". */
  what: string;
  /** Where a 404 sends the reader back to. */
  homePath?: string;
  children: (data: T) => ReactNode;
}

/** Loading, failure (404 as "Page not found") and success states of one query. */
export function QueryState<T>({ query, what, homePath = '/app', children }: QueryStateProps<T>) {
  if (query.isPending) return <Loading label={`Loading ${what}…`} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage homePath={homePath} />;
    return (
      <Stack gap="sm" align="flex-start">
        <FormError title={`Could not load the ${what}`} message={errorMessage(query.error)} />
        <Button variant="default" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Stack>
    );
  }
  return children(query.data);
}
