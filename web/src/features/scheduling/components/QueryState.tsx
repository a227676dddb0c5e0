import { Button, Stack } from '@mantine/core';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Loading and error states of a query, or null once it has data. */
export function QueryState({ query, what }: { query: QueryLike; what: string }) {
  if (query.isPending) return <Loading label={`Loading ${what}…`} />;
  if (query.isError) {
    return (
      <Stack gap="sm" align="flex-start">
        <FormError title={`Could not load ${what}`} message={errorMessage(query.error)} />
        <Button variant="default" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Stack>
    );
  }
  return null;
}
