import { Button, Group, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { useDiagnosisCodes } from './consultation.api.ts';

/** Searches the diagnosis code list shipped with the app; "Add" puts the code and its title in a new diagnosis row. */
export function CodeSearch({ onPick, disabled }: { onPick: (code: string, title: string) => void; disabled?: boolean }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const codes = useDiagnosisCodes(debounced);
  const items = debounced.length >= 2 ? (codes.data?.items ?? []) : [];
  return (
    <Stack gap="xs">
      <TextInput
        label="Find a diagnosis code"
        description="Words of the condition or the start of a code (at least two characters)."
        type="search"
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        disabled={disabled}
      />
      {codes.isError && <FormError title="Could not search the codes" message={errorMessage(codes.error)} />}
      <div role="status">
        {debounced.length >= 2 && codes.isSuccess && !codes.isFetching && (
          <Text size="sm">{items.length === 0 ? 'No codes match.' : `${items.length} code${items.length === 1 ? '' : 's'} found.`}</Text>
        )}
      </div>
      {items.length > 0 && (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Matching diagnosis codes">
          {items.map((item) => (
            <Paper key={item.code} withBorder px="sm" py={6} component="li">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <Text span fw={700} size="sm">
                    {item.code}
                  </Text>{' '}
                  {item.title}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    onPick(item.code, item.title);
                    setQuery('');
                  }}
                >
                  Add<VisuallyHidden> {item.code} {item.title}</VisuallyHidden>
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
