import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { QueryState } from '../../people/shared/QueryState.tsx';
import { TimeZoneNote } from '../../scheduling/components/TimeZoneNote.tsx';
import { WithTimeZone } from '../../scheduling/components/WithTimeZone.tsx';
import { formatDateTime } from '../../scheduling/time.ts';
import { useConsultation, type Consultation } from '../consultation/consultation.api.ts';
import { DiagnosisList } from '../consultation/DiagnosisList.tsx';
import { summaryPdfHref } from '../consultation/SignedConsultation.tsx';
import { VitalsList } from '../consultation/VitalsList.tsx';
import { PrescriptionCard } from '../prescriptions/PrescriptionCard.tsx';
import { usePatientPrescriptions } from '../prescriptions/prescriptions.api.ts';

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Summary({ consultation: c, timeZone }: { consultation: Consultation; timeZone: string }) {
  const prescriptions = usePatientPrescriptions(c.patientId);
  const mine = (prescriptions.data?.items ?? []).filter((p) => p.appointmentId === c.appointmentId && p.status !== 'draft');
  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Text>
            Your visit with {c.doctorName} on {formatDateTime(c.appointmentStart, timeZone)}.
          </Text>
          <TimeZoneNote timeZone={timeZone} />
          {c.complaint && (
            <Part id="complaint-heading" title="Why you came">
              <Text style={{ overflowWrap: 'anywhere' }}>{c.complaint}</Text>
            </Part>
          )}
          <Part id="vitals-heading" title="Measurements">
            <VitalsList vitals={c.vitals} />
          </Part>
          <Part id="diagnoses-heading" title="What the doctor found">
            <DiagnosisList diagnoses={c.diagnoses} />
          </Part>
          <Part id="plan-heading" title="Plan">
            <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{c.notes.plan ?? 'No plan was written.'}</Text>
          </Part>
          <Part id="follow-up-heading" title="Follow-up advice">
            <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{c.followUp ?? 'No follow-up advice.'}</Text>
          </Part>
          {c.addenda.length > 0 && (
            <Part id="addenda-heading" title="Later additions by your doctor">
              <Stack gap="xs" component="ol" m={0} pl="lg">
                {c.addenda.map((addendum) => (
                  <li key={addendum.id}>
                    <Text size="sm" fw={600}>
                      {formatDateTime(addendum.at, timeZone)}, {addendum.authorName}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                      {addendum.text}
                    </Text>
                  </li>
                ))}
              </Stack>
            </Part>
          )}
          <Anchor href={summaryPdfHref(c.appointmentId)} c="care.8" underline="always" className="no-print">
            Download the visit summary (PDF)
          </Anchor>
        </Stack>
      </Paper>
      <Part id="prescriptions-heading" title="Prescriptions from this visit">
        {prescriptions.data && mine.length === 0 && <Text>No prescriptions were written at this visit.</Text>}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {mine.map((prescription) => (
            <li key={prescription.id}>
              <PrescriptionCard prescription={prescription} timeZone={timeZone} />
            </li>
          ))}
        </Stack>
      </Part>
      <Anchor component={Link} to="/app/visits" c="care.8" underline="always">
        Back to my visits
      </Anchor>
    </Stack>
  );
}

function Loaded({ id, timeZone }: { id: string; timeZone: string }) {
  const consultation = useConsultation(id);
  return (
    <QueryState query={consultation} what="visit summary">
      {(c) =>
        c && c.status === 'signed' ? <Summary consultation={c} timeZone={timeZone} /> : <Text>This visit has no summary yet.</Text>
      }
    </QueryState>
  );
}

/** One visit summary (/app/visits/:id, the appointment's id): diagnoses in plain words, plan, prescriptions, follow-up. */
export function VisitDetailPage() {
  const { id = '' } = useParams();
  return (
    <ForRoles roles={['patient']}>
      {() => (
        <Stack gap="md" maw={880}>
          <PageTitle mb={0}>Visit summary</PageTitle>
          <WithTimeZone>{(timeZone) => <Loaded id={id} timeZone={timeZone} />}</WithTimeZone>
        </Stack>
      )}
    </ForRoles>
  );
}
