import { Alert, Button, Checkbox, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { Pager } from '../../people/shared/Pager.tsx';
import { QueryState } from '../../people/shared/QueryState.tsx';
import { SearchBar } from '../../people/shared/SearchBar.tsx';
import { StatusBadge } from '../../people/shared/StatusBadge.tsx';
import { useCursorPages } from '../../people/shared/useCursorPages.ts';
import { changeMedicine, medicineLabel, refreshFormulary, useFormulary, type Medicine } from './formulary.api.ts';
import { MedicineDialog } from './MedicineDialog.tsx';

function MedicineTable({ items, onEdit, onDone }: { items: Medicine[]; onEdit: (medicine: Medicine) => void; onDone: (message: string) => void }) {
  const toggle = useMutation({
    mutationFn: (medicine: Medicine) => changeMedicine(medicine.id, { active: !medicine.active }),
    onSuccess: async (saved) => {
      await refreshFormulary();
      onDone(`${medicineLabel(saved)} is ${saved.active ? 'offered again when prescribing' : 'deactivated: it is no longer offered when prescribing'}.`);
    },
  });
  return (
    <Stack gap="sm">
      <FormError title="Could not change the medicine" message={toggle.error ? errorMessage(toggle.error) : null} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Medicine</Table.Th>
              <Table.Th scope="col">Route</Table.Th>
              <Table.Th scope="col">Ingredients</Table.Th>
              <Table.Th scope="col">Classes</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((medicine) => {
              const label = medicineLabel(medicine);
              return (
                <Table.Tr key={medicine.id}>
                  <Table.Th scope="row" fw={600}>
                    {label}
                  </Table.Th>
                  <Table.Td>{medicine.route}</Table.Td>
                  <Table.Td>{medicine.ingredients.join(', ')}</Table.Td>
                  <Table.Td>{medicine.classes.join(', ')}</Table.Td>
                  <Table.Td>
                    <StatusBadge active={medicine.active} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button variant="default" size="xs" onClick={() => onEdit(medicine)} aria-label={`Edit ${label}`}>
                        Edit
                      </Button>
                      <Button
                        variant={medicine.active ? 'outline' : 'light'}
                        color={medicine.active ? 'red.9' : undefined}
                        size="xs"
                        onClick={() => toggle.mutate(medicine)}
                        loading={toggle.isPending && toggle.variables.id === medicine.id}
                        aria-label={`${medicine.active ? 'Deactivate' : 'Reactivate'} ${label}`}
                      >
                        {medicine.active ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Formulary() {
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(true);
  const pages = useCursorPages(`${q}|${includeInactive}`);
  const query = useFormulary({ limit: 50, includeInactive, ...(q ? { q } : {}), ...(pages.cursor ? { cursor: pages.cursor } : {}) });
  const [editing, setEditing] = useState<Medicine | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <Stack gap="lg" maw={1100}>
      <PageTitle mb={0}>Formulary</PageTitle>
      <Text>
        The medicines doctors choose from when prescribing. Allergies and duplicate therapy are checked against their ingredients and classes.
        Deactivating a medicine stops it being offered; prescriptions already written keep it.
      </Text>
      <Group>
        <Button onClick={() => setEditing('new')}>Add a medicine</Button>
      </Group>
      {done && (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel="Dismiss message" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <SearchBar label="Search the formulary" description="Words of the name or an ingredient." value={q} onSearch={setQ}>
        <Checkbox
          label="Include deactivated"
          checked={includeInactive}
          onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
          mb={8}
        />
      </SearchBar>
      <QueryState query={query} what="formulary">
        {(page) => (
          <Stack gap="sm">
            <Text size="sm" role="status">
              {page.items.length === 0 ? 'No medicines match.' : `Showing ${page.items.length} medicine${page.items.length === 1 ? '' : 's'}.`}
            </Text>
            {page.items.length > 0 && <MedicineTable items={page.items} onEdit={setEditing} onDone={setDone} />}
            <Pager pageNumber={pages.pageNumber} hasPrevious={pages.hasPrevious} nextCursor={page.nextCursor} onPrevious={pages.previous} onNext={pages.next} />
          </Stack>
        )}
      </QueryState>
      <MedicineDialog
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => setDone(`${medicineLabel(saved)} is saved.`)}
      />
    </Stack>
  );
}

/** The formulary (/app/formulary), for administrators: search, add, edit, deactivate and reactivate medicines. */
export function FormularyPage() {
  return <ForRoles roles={['admin']}>{() => <Formulary />}</ForRoles>;
}
