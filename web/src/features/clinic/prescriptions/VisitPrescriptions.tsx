import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PrescriptionActions } from './PrescriptionActions.tsx';
import { PrescriptionCard } from './PrescriptionCard.tsx';
import { PrescriptionComposer } from './PrescriptionComposer.tsx';
import { issuePrescription, refreshPrescriptions, usePatientPrescriptions, type Prescription } from './prescriptions.api.ts';

function DraftIssue({ prescription, onIssued }: { prescription: Prescription; onIssued: (p: Prescription) => void }) {
  const issue = useMutation({
    mutationFn: () => issuePrescription(prescription.id),
    onSuccess: async (issued) => {
      await refreshPrescriptions();
      onIssued(issued);
    },
  });
  return (
    <Stack gap="xs">
      <FormError title="Not issued" message={issue.error ? errorMessage(issue.error) : null} />
      <Button size="sm" onClick={() => issue.mutate()} loading={issue.isPending} style={{ alignSelf: 'flex-start' }}>
        Issue {prescription.number}
      </Button>
    </Stack>
  );
}

interface VisitPrescriptionsProps {
  patientId: string;
  appointmentId: string;
  timeZone: string;
  /** Writing new prescriptions: the visit's doctor while the consultation is open. */
  canPrescribe: boolean;
  onIssued: (message: string) => void;
}

/** The prescriptions written at this visit, and the form for a new one. */
export function VisitPrescriptions({ patientId, appointmentId, timeZone, canPrescribe, onIssued }: VisitPrescriptionsProps) {
  const query = usePatientPrescriptions(patientId);
  const mine = (query.data?.items ?? []).filter((prescription) => prescription.appointmentId === appointmentId);
  const issued = (p: Prescription) => onIssued(`Prescription ${p.number} issued${p.override ? ' with the safety warning overridden' : ''}.`);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="prescriptions-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="prescriptions-heading">
          Prescriptions
        </Title>
        {query.isPending && <Loading label="Loading prescriptions…" />}
        <FormError title="Could not load the prescriptions" message={query.isError ? errorMessage(query.error) : null} />
        {query.isSuccess && mine.length === 0 && <Text size="sm">No prescriptions written at this visit.</Text>}
        {mine.length > 0 && (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Prescriptions of this visit">
            {mine.map((prescription) => (
              <li key={prescription.id}>
                <PrescriptionCard prescription={prescription} timeZone={timeZone}>
                  {prescription.allowedActions.includes('issue') && <DraftIssue prescription={prescription} onIssued={issued} />}
                  <PrescriptionActions prescription={prescription} appointmentId={appointmentId} onDone={onIssued} />
                </PrescriptionCard>
              </li>
            ))}
          </Stack>
        )}
        {canPrescribe && (
          <>
            <Title order={3} size="h5">
              New prescription
            </Title>
            <PrescriptionComposer patientId={patientId} appointmentId={appointmentId} onIssued={issued} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
