import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { SessionUser } from '../../../api/types.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formatDate } from '../shared/format.ts';
import { Pager } from '../shared/Pager.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { SearchBar } from '../shared/SearchBar.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useCursorPages } from '../shared/useCursorPages.ts';
import type { PatientSummary } from '../types.ts';
import { usePatients, type PatientFilter } from './patients.api.ts';

const statusOptions = [
  { value: '', label: 'All patients' },
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Deactivated' },
];

function readActive(value: string | null): PatientFilter['active'] {
  return value === 'true' || value === 'false' ? value : '';
}

function PatientTable({ patients, showStatus }: { patients: PatientSummary[]; showStatus: boolean }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            {showStatus && <Table.Th scope="col">Status</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td>
                <Anchor component={Link} to={`/app/patients/${patient.id}`} c="care.8" fw={600} underline="always">
                  {patient.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {formatDate(patient.dateOfBirth)} <Text span size="sm">(age {patient.age})</Text>
              </Table.Td>
              <Table.Td>{patient.phone}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{patient.email ?? '—'}</Table.Td>
              {showStatus && (
                <Table.Td>
                  <StatusBadge active={patient.active} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PatientList({ user }: { user: SessionUser }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const active = readActive(params.get('active'));
  const pages = useCursorPages(`${q}|${active}`);
  const patients = usePatients({ q, active, cursor: pages.cursor });
  const isDoctor = user.role === 'doctor';
  const canRegister = user.role === 'admin' || user.role === 'receptionist';

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <PageTitle mb={0}>{isDoctor ? 'My patients' : 'Patients'}</PageTitle>
        {canRegister && (
          <Button component={Link} to="/app/patients/new">
            Register a walk-in patient
          </Button>
        )}
      </Group>
      {isDoctor && <Text>Patients who have or had an appointment with you.</Text>}
      <SearchBar label="Search patients" description="Name, email, phone or date of birth (YYYY-MM-DD)" value={q} onSearch={(value) => update({ q: value })}>
        {!isDoctor && (
          <NativeSelect label="Status" data={statusOptions} value={active} onChange={(event) => update({ active: event.currentTarget.value })} />
        )}
      </SearchBar>
      <QueryState query={patients} what="patients">
        {(page) => (
          <Stack gap="md" aria-busy={patients.isPlaceholderData}>
            {page.items.length === 0 ? (
              <Alert color="gray" variant="light" title="No patients found">
                {q ? 'No patient matches this search. Check the spelling or search by phone number.' : 'There are no patients to show yet.'}
              </Alert>
            ) : (
              <PatientTable patients={page.items} showStatus={!isDoctor} />
            )}
            <Pager
              pageNumber={pages.pageNumber}
              hasPrevious={pages.hasPrevious}
              nextCursor={page.nextCursor}
              onPrevious={pages.previous}
              onNext={pages.next}
              busy={patients.isPlaceholderData}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** Patient search for staff, and "My patients" for a doctor (/app/patients). */
export function PatientsPage() {
  return <ForRoles roles={['admin', 'receptionist', 'doctor']}>{(user) => <PatientList user={user} />}</ForRoles>;
}
