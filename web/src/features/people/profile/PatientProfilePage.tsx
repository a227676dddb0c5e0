import { Stack, Text, Title } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PatientDetails } from '../patients/PatientDetails.tsx';
import { PatientEditForm } from '../patients/PatientEditForm.tsx';
import { usePatient } from '../patients/patients.api.ts';
import { QueryState } from '../shared/QueryState.tsx';

/** A patient's own profile: contact details, emergency contact and blood group. */
export function PatientProfilePage({ patientId }: { patientId: string }) {
  const query = usePatient(patientId);
  return (
    <Stack gap="md" maw={760}>
      <PageTitle mb={0}>My profile</PageTitle>
      <QueryState query={query} what="profile">
        {(patient) => (
          <Stack gap="lg">
            <Stack gap="xs" component="section" aria-labelledby="identity-heading">
              <Title order={2} size="h3" id="identity-heading">
                Registered details
              </Title>
              <PatientDetails patient={patient} identityOnly />
              <Text size="sm" c="dimmed">
                To correct your date of birth or gender, please contact reception.
              </Text>
            </Stack>
            <Stack gap="xs" component="section" aria-labelledby="contact-heading">
              <Title order={2} size="h3" id="contact-heading">
                Your details
              </Title>
              <PatientEditForm patient={patient} self />
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
