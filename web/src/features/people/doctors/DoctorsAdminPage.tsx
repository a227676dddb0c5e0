import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formatFee } from '../shared/format.ts';
import { Pager } from '../shared/Pager.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { SearchBar } from '../shared/SearchBar.tsx';
import { useCursorPages } from '../shared/useCursorPages.ts';
import type { PublicDoctor } from '../types.ts';
import { DoctorPhoto } from './DoctorPhoto.tsx';
import { useDirectory } from './doctors.api.ts';
import { SpecializationSelect } from './SpecializationSelect.tsx';

function DoctorTable({ doctors }: { doctors: PublicDoctor[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Specialization</Table.Th>
            <Table.Th scope="col">Department</Table.Th>
            <Table.Th scope="col">Fee</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {doctors.map((doctor) => (
            <Table.Tr key={doctor.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <DoctorPhoto id={doctor.id} name={doctor.name} hasPhoto={doctor.hasPhoto} size="md" />
                  <Anchor component={Link} to={`/app/doctors/${doctor.id}`} c="care.8" fw={600} underline="always">
                    {doctor.name}
                  </Anchor>
                </Group>
              </Table.Td>
              <Table.Td>{doctor.specialization.name}</Table.Td>
              <Table.Td>{doctor.department ?? '—'}</Table.Td>
              <Table.Td>{formatFee(doctor.consultationFee)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DoctorList() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const specialization = params.get('specialization') ?? '';
  const pages = useCursorPages(`${q}|${specialization}`);
  const doctors = useDirectory({ q, specialization, cursor: pages.cursor });
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <PageTitle mb={0}>Doctors</PageTitle>
        <Button component={Link} to="/app/doctors/new">
          Add a doctor
        </Button>
      </Group>
      <Text>
        Active doctors. Deactivated doctors keep their records; find their logins under{' '}
        <Anchor component={Link} to="/app/users?role=doctor&active=false" c="care.8" underline="always">
          Users
        </Anchor>
        .
      </Text>
      <SearchBar label="Search doctors by name" value={q} onSearch={(value) => update('q', value)}>
        <SpecializationSelect
          label="Specialization"
          emptyLabel="All specializations"
          value={specialization}
          onChange={(event) => update('specialization', event.currentTarget.value)}
        />
      </SearchBar>
      <QueryState query={doctors} what="doctors">
        {(page) => (
          <Stack gap="md" aria-busy={doctors.isPlaceholderData}>
            {page.items.length === 0 ? (
              <Alert color="gray" variant="light" title="No doctors found">
                {q || specialization ? 'No active doctor matches these filters.' : 'No doctors yet. Add the first one.'}
              </Alert>
            ) : (
              <DoctorTable doctors={page.items} />
            )}
            <Pager
              pageNumber={pages.pageNumber}
              hasPrevious={pages.hasPrevious}
              nextCursor={page.nextCursor}
              onPrevious={pages.previous}
              onNext={pages.next}
              busy={doctors.isPlaceholderData}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The administrator's list of doctors (/app/doctors). */
export function DoctorsAdminPage() {
  return <ForRoles roles={['admin']}>{() => <DoctorList />}</ForRoles>;
}
