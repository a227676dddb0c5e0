import { Alert, Stack, Text } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { HistorySection } from './HistorySection.tsx';

/** The patient's own medical history (/app/history). */
export function MyHistoryPage() {
  return (
    <ForRoles roles={['patient']}>
      {(user) => (
        <Stack gap="md" maw={860}>
          <PageTitle mb={0}>Medical history</PageTitle>
          <Text>
            What your doctors have recorded, and what you have told us yourself: conditions, allergies, medication, surgery and notes.
          </Text>
          {user.patientId ? (
            <HistorySection patientId={user.patientId} user={user} headingId="history-entries" />
          ) : (
            <Alert color="yellow" variant="light" title="No patient record">
              Your account is not linked to a patient record. Please contact reception.
            </Alert>
          )}
        </Stack>
      )}
    </ForRoles>
  );
}
