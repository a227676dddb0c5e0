import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { ForRoles } from '../../people/shared/ForRoles.tsx';
import { TimeZoneNote } from '../../scheduling/components/TimeZoneNote.tsx';
import { WithTimeZone } from '../../scheduling/components/WithTimeZone.tsx';
import { formatDateTime } from '../../scheduling/time.ts';
import { useConsultation, type Consultation } from '../consultation/consultation.api.ts';
import { SignedConsultation } from '../consultation/SignedConsultation.tsx';
import { PrescriptionCard } from '../prescriptions/PrescriptionCard.tsx';
import { usePatientPrescriptions } from '../prescriptions/prescriptions.api.ts';
import { needsBreakGlass } from './breakGlass.api.ts';
import { BreakGlassStep } from './BreakGlassStep.tsx';

function Record({ consultation: c, timeZone }: { consultation: Consultation; timeZone: string }) {
  const prescriptions = usePatientPrescriptions(c.patientId);
  const mine = (prescriptions.data?.items ?? []).filter((p) => p.appointmentId === c.appointmentId && p.status !== 'draft');
  return (
    <Stack gap="md">
      <Text>
        {c.patientName}, visit with {c.doctorName} on {formatDateTime(c.appointmentStart, timeZone)}. Read only: only the visit’s doctor adds addenda.
      </Text>
      <TimeZoneNote timeZone={timeZone} />
      <SignedConsultation consultation={c} timeZone={timeZone} canAddend={false} onAddended={() => undefined} />
      <Stack gap="sm" component="section" aria-labelledby="visit-rx-heading">
        <Text component="h2" fw={700} size="lg" id="visit-rx-heading">
          Prescriptions from this visit
        </Text>
        {prescriptions.data && mine.length === 0 && <Text size="sm">No prescriptions were written at this visit.</Text>}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {mine.map((prescription) => (
            <li key={prescription.id}>
              <PrescriptionCard prescription={prescription} timeZone={timeZone} />
            </li>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}

function Loaded({ patientId, id, timeZone, admin }: { patientId: string; id: string; timeZone: string; admin: boolean }) {
  const consultation = useConsultation(id);
  if (consultation.isPending) return <Loading label="Loading the consultation…" />;
  if (admin && needsBreakGlass(consultation.error)) return <BreakGlassStep patientId={patientId} patientName="this patient" />;
  if (consultation.isError) return <FormError title="Could not load the consultation" message={errorMessage(consultation.error)} />;
  const c = consultation.data;
  if (!c || c.status !== 'signed') return <Text>This visit has no signed consultation you may read.</Text>;
  return <Record consultation={c} timeZone={timeZone} />;
}

/** A signed consultation, read only (/app/patients/:patientId/visits/:id): the patient's doctors, an administrator through break-glass. */
export function VisitRecordPage() {
  const { patientId = '', id = '' } = useParams();
  return (
    <ForRoles roles={['doctor', 'admin']}>
      {(user) => (
        <Stack gap="md" maw={900}>
          <PageTitle mb={0}>Consultation record</PageTitle>
          <WithTimeZone>{(timeZone) => <Loaded patientId={patientId} id={id} timeZone={timeZone} admin={user.role === 'admin'} />}</WithTimeZone>
          <Anchor component={Link} to={`/app/patients/${patientId}`} c="care.8" underline="always">
            Back to the patient
          </Anchor>
        </Stack>
      )}
    </ForRoles>
  );
}
