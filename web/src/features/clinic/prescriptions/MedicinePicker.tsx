import { Button, Group, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { errorProps } from '../../../components/form.ts';
import { medicineLabel, useFormulary, type Medicine } from '../formulary/formulary.api.ts';

interface MedicinePickerProps {
  /** "medicine 1": names the search field and its results. */
  label: string;
  onPick: (medicine: Medicine) => void;
  error?: string | undefined;
}

/** Searches the active formulary by name or ingredient; "Choose" fills the line with the medicine. */
export function MedicinePicker({ label, onPick, error }: MedicinePickerProps) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const search = useFormulary({ q: debounced, limit: 8 }, debounced.length >= 2);
  const items = debounced.length >= 2 ? (search.data?.items ?? []) : [];
  return (
    <Stack gap="xs">
      <TextInput
        label={`Search the formulary for ${label}`}
        description="Name or ingredient, at least two characters."
        type="search"
        autoComplete="off"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        error={error}
        errorProps={errorProps}
      />
      {search.isError && <FormError title="Could not search the formulary" message={errorMessage(search.error)} />}
      <div role="status">
        {debounced.length >= 2 && search.isSuccess && !search.isFetching && (
          <Text size="sm">{items.length === 0 ? 'No medicines match.' : `${items.length} medicine${items.length === 1 ? '' : 's'} found.`}</Text>
        )}
      </div>
      {items.length > 0 && (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={`Medicines matching for ${label}`}>
          {items.map((medicine) => (
            <Paper key={medicine.id} withBorder px="sm" py={6} component="li">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
                    {medicineLabel(medicine)}
                  </Text>
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {medicine.ingredients.join(', ')} · {medicine.classes.join(', ')}
                  </Text>
                </div>
                <Button size="xs" variant="light" onClick={() => onPick(medicine)}>
                  Choose<VisuallyHidden> {medicineLabel(medicine)}</VisuallyHidden>
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
