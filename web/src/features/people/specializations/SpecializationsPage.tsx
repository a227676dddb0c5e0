import { Alert, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import type { Specialization } from '../types.ts';
import { AddSpecializationForm } from './AddSpecializationForm.tsx';
import { RenameDialog } from './RenameDialog.tsx';
import { refreshSpecializations, updateSpecialization, useSpecializations } from './specializations.api.ts';

function SpecializationTable({ items, onRename }: { items: Specialization[]; onRename: (item: Specialization) => void }) {
  const toggle = useMutation({
    mutationFn: (item: Specialization) => updateSpecialization(item.id, { active: item.active === false }),
    onSuccess: refreshSpecializations,
  });
  return (
    <Stack gap="sm">
      {toggle.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {`“${toggle.data.name}” is ${toggle.data.active === false ? 'retired: new doctors cannot be given it and the public list hides it' : 'available again'}.`}
        </Alert>
      )}
      <FormError title="Could not change the specialization" message={toggle.error ? errorMessage(toggle.error) : null} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Description</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const retired = item.active === false;
              return (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={600}>
                    {item.name}
                  </Table.Th>
                  <Table.Td>{item.description ?? '—'}</Table.Td>
                  <Table.Td>
                    <StatusBadge active={!retired} inactiveLabel="Retired" />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button variant="default" size="xs" onClick={() => onRename(item)} aria-label={`Rename ${item.name}`}>
                        Rename
                      </Button>
                      <Button
                        variant={retired ? 'light' : 'outline'}
                        color={retired ? undefined : 'red.9'}
                        size="xs"
                        onClick={() => toggle.mutate(item)}
                        loading={toggle.isPending && toggle.variables.id === item.id}
                        aria-label={`${retired ? 'Restore' : 'Retire'} ${item.name}`}
                      >
                        {retired ? 'Restore' : 'Retire'}
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

function Specializations() {
  const query = useSpecializations(true);
  const [renaming, setRenaming] = useState<Specialization | null>(null);
  return (
    <Stack gap="lg" maw={1000}>
      <PageTitle mb={0}>Specializations</PageTitle>
      <Text>
        Each doctor has one specialization; patients filter the directory by them. Retiring one hides it from the public list and from new
        doctors, and keeps it on the doctors who have it.
      </Text>
      <Stack gap="sm" component="section" aria-labelledby="add-heading">
        <Title order={2} size="h3" id="add-heading">
          Add a specialization
        </Title>
        <AddSpecializationForm />
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="list-heading">
        <Title order={2} size="h3" id="list-heading">
          All specializations
        </Title>
        <QueryState query={query} what="specializations">
          {(items) =>
            items.length === 0 ? (
              <Alert color="gray" variant="light" title="None yet">
                Add the first specialization above.
              </Alert>
            ) : (
              <SpecializationTable items={items} onRename={setRenaming} />
            )
          }
        </QueryState>
      </Stack>
      <RenameDialog specialization={renaming} onClose={() => setRenaming(null)} />
    </Stack>
  );
}

/** Specializations (/app/specializations), for administrators: add, rename, retire and restore. */
export function SpecializationsPage() {
  return <ForRoles roles={['admin']}>{() => <Specializations />}</ForRoles>;
}
