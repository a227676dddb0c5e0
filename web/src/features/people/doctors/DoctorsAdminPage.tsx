import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable, RowLink, type Column } from '../shared/DataTable.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formatFee } from '../shared/format.ts';
import { ListHeading } from '../shared/ListHeading.tsx';
import type { PublicDoctor } from '../types.ts';
import { DoctorPhoto } from './DoctorPhoto.tsx';
import { DoctorSearch } from './DoctorSearch.tsx';

const columns: Column<PublicDoctor>[] = [
  {
    header: 'Name',
    cell: (doctor) => (
      <Group gap="sm" wrap="nowrap">
        <DoctorPhoto id={doctor.id} name={doctor.name} hasPhoto={doctor.hasPhoto} size="md" />
        <RowLink to={`/app/doctors/${doctor.id}`}>{doctor.name}</RowLink>
      </Group>
    ),
  },
  { header: 'Specialization', cell: (doctor) => doctor.specialization.name },
  { header: 'Department', cell: (doctor) => doctor.department ?? '—' },
  { header: 'Fee', cell: (doctor) => formatFee(doctor.consultationFee) },
];

function DoctorList() {
  return (
    <Stack gap="md" maw={1100}>
      <ListHeading title="Doctors" action={{ label: 'Add a doctor', to: '/app/doctors/new' }} />
      <Text>
        Active doctors. Deactivated doctors keep their records and can be reactivated from their page; find them under{' '}
        <Anchor component={Link} to="/app/users?role=doctor&active=false" c="care.8" underline="always">
          Users
        </Anchor>
        .
      </Text>
      <DoctorSearch
        searchLabel="Search doctors by name"
        empty={(filtered) => ({
          title: 'No doctors found',
          text: filtered ? 'No active doctor matches these filters.' : 'No doctors yet. Add the first one.',
        })}
      >
        {(doctors) => <DataTable rows={doctors} columns={columns} minWidth={560} />}
      </DoctorSearch>
    </Stack>
  );
}

/** The administrator's list of doctors (/app/doctors). */
export function DoctorsAdminPage() {
  return <ForRoles roles={['admin']}>{() => <DoctorList />}</ForRoles>;
}
