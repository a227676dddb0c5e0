import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { TimeZoneNote } from '../../scheduling/components/TimeZoneNote.tsx';
import { WithTimeZone } from '../../scheduling/components/WithTimeZone.tsx';
import { formatDateTime } from '../../scheduling/time.ts';
import { DiagnosisList } from '../consultation/DiagnosisList.tsx';
import { useVisitSummaries, type VisitSummary } from './visits.api.ts';

function VisitCard({ visit, timeZone }: { visit: VisitSummary; timeZone: string }) {
  const headingId = useId();
  const when = formatDateTime(visit.start, timeZone);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={headingId}>
          {when} with {visit.doctorName}
        </Title>
        {visit.complaint && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              Why you came:
            </Text>{' '}
            {visit.complaint}
          </Text>
        )}
        <DiagnosisList diagnoses={visit.diagnoses} />
        <Anchor component={Link} to={`/app/visits/${visit.appointmentId}`} size="sm" c="care.8" underline="always">
          Read the visit summary of {when}
        </Anchor>
      </Stack>
    </Paper>
  );
}

function Visits({ patientId, timeZone }: { patientId: string; timeZone: string }) {
  const visits = useVisitSummaries(patientId);
  const items = visits.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md">
      <TimeZoneNote timeZone={timeZone} />
      {visits.isPending && <Loading label="Loading your visits…" />}
      <FormError title="Could not load your visits" message={visits.isError ? errorMessage(visits.error) : null} />
      {visits.isSuccess && items.length === 0 && (
        <Alert color="gray" variant="light" title="No visit summaries yet">
          After a visit, your doctor signs its record and the summary appears here.
        </Alert>
      )}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Visit summaries">
          {items.map((visit) => (
            <li key={visit.consultationId}>
              <VisitCard visit={visit} timeZone={timeZone} />
            </li>
          ))}
        </Stack>
      )}
      {visits.hasNextPage && (
        <Button variant="default" onClick={() => void visits.fetchNextPage()} loading={visits.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          Show earlier visits
        </Button>
      )}
    </Stack>
  );
}

/** The patient's visits (/app/visits): every signed visit summary, newest first. */
export function VisitsPage() {
  return (
    <ForRoles roles={['patient']}>
      {(user) => (
        <Stack gap="md" maw={880}>
          <PageTitle mb={0}>My visits</PageTitle>
          <WithTimeZone>{(timeZone) => <Visits patientId={user.patientId ?? ''} timeZone={timeZone} />}</WithTimeZone>
        </Stack>
      )}
    </ForRoles>
  );
}
