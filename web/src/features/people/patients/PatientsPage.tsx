import { NativeSelect, Stack, Text } from '@mantine/core';
import type { SessionUser } from '../../../api/types.ts';
import { DataTable, RowLink, type Column } from '../shared/DataTable.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formatDate } from '../shared/format.ts';
import { ListHeading } from '../shared/ListHeading.tsx';
import { PagedResults } from '../shared/PagedResults.tsx';
import { SearchBar } from '../shared/SearchBar.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { activeFilter, activeOptions, useListSearchParams } from '../shared/useListSearchParams.ts';
import type { PatientSummary } from '../types.ts';
import { usePatients } from './patients.api.ts';

const statusOptions = activeOptions('All patients');

const columns: Column<PatientSummary>[] = [
  { header: 'Name', cell: (patient) => <RowLink to={`/app/patients/${patient.id}`}>{patient.name}</RowLink> },
  {
    header: 'Date of birth',
    cell: (patient) => (
      <>
        {formatDate(patient.dateOfBirth)} <Text span size="sm">(age {patient.age})</Text>
      </>
    ),
  },
  { header: 'Phone', cell: (patient) => patient.phone },
  { header: 'Email', cell: (patient) => patient.email ?? '—', wrap: true },
];

const statusColumn: Column<PatientSummary> = { header: 'Status', cell: (patient) => <StatusBadge active={patient.active} /> };

function PatientList({ user }: { user: SessionUser }) {
  const { values, update, pages } = useListSearchParams(['q', 'active']);
  const q = values.q;
  const active = activeFilter(values.active);
  const patients = usePatients({ q, active, cursor: pages.cursor });
  const isDoctor = user.role === 'doctor';
  const canRegister = user.role === 'admin' || user.role === 'receptionist';

  return (
    <Stack gap="md" maw={1100}>
      <ListHeading
        title={isDoctor ? 'My patients' : 'Patients'}
        action={canRegister ? { label: 'Register a walk-in patient', to: '/app/patients/new' } : undefined}
      />
      {isDoctor && <Text>Patients who have or had an appointment with you.</Text>}
      <SearchBar label="Search patients" description="Name, email, phone or date of birth (YYYY-MM-DD)" value={q} onSearch={(value) => update('q', value)}>
        {!isDoctor && (
          <NativeSelect label="Status" data={statusOptions} value={active} onChange={(event) => update('active', event.currentTarget.value)} />
        )}
      </SearchBar>
      <PagedResults
        query={patients}
        pages={pages}
        what="patients"
        empty={{
          title: 'No patients found',
          text: q ? 'No patient matches this search. Check the spelling or search by phone number.' : 'There are no patients to show yet.',
        }}
      >
        {(items) => <DataTable rows={items} columns={isDoctor ? columns : [...columns, statusColumn]} minWidth={560} />}
      </PagedResults>
    </Stack>
  );
}

/** Patient search for staff, and "My patients" for a doctor (/app/patients). */
export function PatientsPage() {
  return <ForRoles roles={['admin', 'receptionist', 'doctor']}>{(user) => <PatientList user={user} />}</ForRoles>;
}
