import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useHospital } from '../../../api/hospital.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { QueryState } from '../../people/shared/QueryState.tsx';
import { AppointmentsExportCard } from './AppointmentsExportCard.tsx';
import { PatientsExportCard } from './PatientsExportCard.tsx';

function Exports() {
  const hospital = useHospital();
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle mb={0}>Exports</PageTitle>
      <Text>
        Download patients and appointments as CSV files to open in a spreadsheet. Each file holds every matching row, up to 100 000.
      </Text>
      <Text fw={600}>Every download is recorded in the audit log, with who downloaded it, when and how many rows it held.</Text>
      {hospital.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <PatientsExportCard />
          <AppointmentsExportCard timeZone={hospital.data.timeZone} />
        </SimpleGrid>
      ) : (
        <QueryState query={hospital} what="hospital’s details">
          {() => null}
        </QueryState>
      )}
    </Stack>
  );
}

/** CSV downloads of patients and appointments (/app/exports), for administrators. */
export function ExportsPage() {
  return <ForRoles roles={['admin']}>{() => <Exports />}</ForRoles>;
}
