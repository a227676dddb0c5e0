import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { SessionUser } from '../../../api/types.ts';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { Announcement, useAnnouncement } from '../../scheduling/components/Announcement.tsx';
import { WithTimeZone } from '../../scheduling/components/WithTimeZone.tsx';
import { formatDateTime } from '../../scheduling/time.ts';
import { DiagnosisList } from '../consultation/DiagnosisList.tsx';
import { NewPrescription } from '../prescriptions/NewPrescription.tsx';
import { PrescriptionActions } from '../prescriptions/PrescriptionActions.tsx';
import { PrescriptionCard } from '../prescriptions/PrescriptionCard.tsx';
import { usePatientPrescriptions } from '../prescriptions/prescriptions.api.ts';
import { useVisitSummaries } from '../visits/visits.api.ts';
import { useHistory } from '../../people/history/history.api.ts';
import { needsBreakGlass } from './breakGlass.api.ts';
import { BreakGlassStep } from './BreakGlassStep.tsx';

export const visitRecordPath = (patientId: string, appointmentId: string): string => `/app/patients/${patientId}/visits/${appointmentId}`;

function Visits({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const visits = useVisitSummaries(patientId);
  const items = visits.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="record-visits-heading">
      <Title order={2} id="record-visits-heading">
        Signed consultations
      </Title>
      {visits.isPending && <Loading label="Loading the consultations…" />}
      <FormError title="Could not load the consultations" message={visits.isError ? errorMessage(visits.error) : null} />
      {visits.isSuccess && items.length === 0 && <Text>No signed consultations yet.</Text>}
      {items.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Signed consultations">
          {items.map((visit) => {
            const when = formatDateTime(visit.start, timeZone);
            return (
              <Paper key={visit.consultationId} withBorder p="sm" component="li">
                <Stack gap={4}>
                  <Anchor component={Link} to={visitRecordPath(patientId, visit.appointmentId)} fw={600} c="care.8" underline="always">
                    {when} with {visit.doctorName}
                  </Anchor>
                  {visit.complaint && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {visit.complaint}
                    </Text>
                  )}
                  <DiagnosisList diagnoses={visit.diagnoses} />
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
      {visits.hasNextPage && (
        <Button variant="default" onClick={() => void visits.fetchNextPage()} loading={visits.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          Show earlier consultations
        </Button>
      )}
    </Stack>
  );
}

interface PrescriptionsProps {
  patientId: string;
  patientName: string;
  timeZone: string;
  canPrescribe: boolean;
  onDone: (message: string) => void;
}

function Prescriptions({ patientId, patientName, timeZone, canPrescribe, onDone }: PrescriptionsProps) {
  const query = usePatientPrescriptions(patientId);
  const items = (query.data?.items ?? []).filter((prescription) => prescription.status !== 'draft');
  return (
    <Stack gap="sm" component="section" aria-labelledby="record-rx-heading">
      <Title order={2} id="record-rx-heading">
        Prescriptions
      </Title>
      {canPrescribe && <NewPrescription patientId={patientId} patientName={patientName} onDone={onDone} />}
      {query.isPending && <Loading label="Loading prescriptions…" />}
      <FormError title="Could not load the prescriptions" message={query.isError ? errorMessage(query.error) : null} />
      {query.isSuccess && items.length === 0 && <Text>No prescriptions.</Text>}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Prescriptions of the patient">
          {items.map((prescription) => (
            <li key={prescription.id}>
              <PrescriptionCard prescription={prescription} timeZone={timeZone}>
                <PrescriptionActions prescription={prescription} onDone={onDone} />
              </PrescriptionCard>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The clinical part of a patient's page for doctors of the patient and administrators: signed consultations and
 * prescriptions. An administrator first goes through break-glass.
 */
export function PatientClinicalRecord({ patientId, patientName, user }: { patientId: string; patientName: string; user: SessionUser }) {
  const visits = useVisitSummaries(patientId);
  const prescriptions = usePatientPrescriptions(patientId);
  const { announcement, announce, clear } = useAnnouncement();
  const history = useHistory(patientId);
  if (user.role === 'admin' && (needsBreakGlass(visits.error) || needsBreakGlass(prescriptions.error))) {
    // The medical history above offers the same step when it needs one: one grant opens all the clinical content.
    if (needsBreakGlass(history.error)) {
      return <Text size="sm">Consultations and prescriptions open with the break-glass access of the medical history above.</Text>;
    }
    return <BreakGlassStep patientId={patientId} patientName={patientName} />;
  }
  return (
    <WithTimeZone>
      {(timeZone) => (
        <Stack gap="lg">
          {user.role === 'admin' && visits.isSuccess && (
            <Text size="sm" fw={600}>
              You are reading this clinical record through break-glass access; each record you open is flagged in the audit log.
            </Text>
          )}
          <Announcement announcement={announcement} onClose={clear} />
          <Visits patientId={patientId} timeZone={timeZone} />
          <Prescriptions patientId={patientId} patientName={patientName} timeZone={timeZone} canPrescribe={user.role === 'doctor'} onDone={announce} />
        </Stack>
      )}
    </WithTimeZone>
  );
}
