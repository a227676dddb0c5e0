import { Alert, Stack, Text, Title } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { QueryState } from '../../people/shared/QueryState.tsx';
import { TimeZoneNote } from '../../scheduling/components/TimeZoneNote.tsx';
import { WithTimeZone } from '../../scheduling/components/WithTimeZone.tsx';
import { PrescriptionCard } from './PrescriptionCard.tsx';
import { usePatientPrescriptions, type Prescription } from './prescriptions.api.ts';

function PrescriptionList({ items, timeZone, empty }: { items: Prescription[]; timeZone: string; empty: string }) {
  if (items.length === 0) return <Text>{empty}</Text>;
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((prescription) => (
        <li key={prescription.id}>
          <PrescriptionCard prescription={prescription} timeZone={timeZone} />
        </li>
      ))}
    </Stack>
  );
}

function MyPrescriptions({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const query = usePatientPrescriptions(patientId);
  return (
    <QueryState query={query} what="prescriptions">
      {(page) => {
        const issued = page.items.filter((prescription) => prescription.status !== 'draft');
        const active = issued.filter((prescription) => prescription.status === 'active');
        const past = issued.filter((prescription) => prescription.status !== 'active');
        return (
          <Stack gap="lg">
            <TimeZoneNote timeZone={timeZone} />
            <Stack gap="sm" component="section" aria-labelledby="active-heading">
              <Title order={2} size="h3" id="active-heading">
                Active
              </Title>
              <PrescriptionList items={active} timeZone={timeZone} empty="You have no active prescriptions." />
            </Stack>
            <Stack gap="sm" component="section" aria-labelledby="past-heading">
              <Title order={2} size="h3" id="past-heading">
                Past
              </Title>
              <Text size="sm">Completed and stopped prescriptions. One entered in error is void: it is shown struck through and must not be used.</Text>
              <PrescriptionList items={past} timeZone={timeZone} empty="No past prescriptions." />
            </Stack>
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** The patient's prescriptions (/app/prescriptions): active ones first, then past and void ones, each with its PDF. */
export function MyPrescriptionsPage() {
  return (
    <ForRoles roles={['patient']}>
      {(user) => (
        <Stack gap="md" maw={880}>
          <PageTitle mb={0}>My prescriptions</PageTitle>
          {user.patientId ? (
            <WithTimeZone>{(timeZone) => <MyPrescriptions patientId={user.patientId ?? ''} timeZone={timeZone} />}</WithTimeZone>
          ) : (
            <Alert color="gray" variant="light">
              Your account has no patient record.
            </Alert>
          )}
        </Stack>
      )}
    </ForRoles>
  );
}
