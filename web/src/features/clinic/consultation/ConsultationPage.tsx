import { Anchor, Box, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { QueryState as PageQueryState } from '../../people/shared/QueryState.tsx';
import { useAppointment, useRefreshScheduling, type Appointment } from '../../scheduling/api.ts';
import { Announcement, useAnnouncement } from '../../scheduling/components/Announcement.tsx';
import { RoleGate } from '../../scheduling/components/RoleGate.tsx';
import { StatusBadge } from '../../scheduling/components/StatusBadge.tsx';
import { TimeZoneNote } from '../../scheduling/components/TimeZoneNote.tsx';
import { WithTimeZone } from '../../scheduling/components/WithTimeZone.tsx';
import { formatDateTime, localTime } from '../../scheduling/time.ts';
import { VisitPrescriptions } from '../prescriptions/VisitPrescriptions.tsx';
import { useConsultation, type Consultation } from './consultation.api.ts';
import { ConsultationForm } from './ConsultationForm.tsx';
import { PatientContext } from './PatientContext.tsx';
import { SignedConsultation } from './SignedConsultation.tsx';
import './consultation.css';

interface WorkspaceProps {
  appointment: Appointment;
  consultation: Consultation | null;
  timeZone: string;
}

function Workspace({ appointment: a, consultation, timeZone }: WorkspaceProps) {
  const user = useCurrentUser();
  const refreshScheduling = useRefreshScheduling();
  const { announcement, announce, clear } = useAnnouncement();
  const author = user.role === 'doctor' && user.doctorId === a.doctorId;
  const signed = consultation?.status === 'signed';
  // Signing also completes the visit, so it is offered once the server lets the doctor record its outcome (complete or
  // no-show: the visit has started), or when the visit is already completed.
  const canSign = a.allowedActions.includes('complete') || a.allowedActions.includes('no_show') || a.status === 'completed';

  return (
    <Stack gap="md">
      <Text>
        <StatusBadge status={a.status} /> {a.patientName}, {formatDateTime(a.start, timeZone)}–{localTime(a.end, timeZone)}. Reason: {a.reason}
      </Text>
      <TimeZoneNote timeZone={timeZone} />
      <Announcement announcement={announcement} onClose={clear} />
      <div className="consultation-layout">
        <Box className="consultation-side">
          <PatientContext patientId={a.patientId} patientName={a.patientName} />
        </Box>
        <Box className="consultation-main">
          {signed && consultation ? (
            <Stack gap="md">
              <SignedConsultation consultation={consultation} timeZone={timeZone} canAddend={author} onAddended={announce} />
              <VisitPrescriptions patientId={a.patientId} appointmentId={a.id} timeZone={timeZone} canPrescribe={false} onIssued={announce} />
            </Stack>
          ) : author ? (
            <ConsultationForm
              key={consultation?.id ?? 'new'}
              appointmentId={a.id}
              saved={consultation}
              canSign={canSign}
              onSaved={announce}
              onSigned={() => {
                void refreshScheduling();
                announce('Consultation signed and the visit completed. The patient can now read the visit summary.');
              }}
              prescriptions={<VisitPrescriptions patientId={a.patientId} appointmentId={a.id} timeZone={timeZone} canPrescribe onIssued={announce} />}
            />
          ) : (
            <Text>{consultation ? 'The consultation is still a draft by the visit’s doctor.' : 'No consultation has been written for this visit yet.'}</Text>
          )}
        </Box>
      </div>
      <Anchor component={Link} to={`/app/appointments/${a.id}`} c="care.8" underline="always">
        Back to the appointment
      </Anchor>
    </Stack>
  );
}

function Loaded({ id, timeZone }: { id: string; timeZone: string }) {
  const appointment = useAppointment(id);
  const consultation = useConsultation(id);
  return (
    <PageQueryState query={appointment} what="appointment">
      {(a) => (
        <PageQueryState query={consultation} what="consultation">
          {(c) => <Workspace appointment={a} consultation={c} timeZone={timeZone} />}
        </PageQueryState>
      )}
    </PageQueryState>
  );
}

/** The consultation workspace (/app/appointments/:id/consultation): the visit's record, written and signed by its doctor. */
export function ConsultationPage() {
  const { id = '' } = useParams();
  return (
    <RoleGate roles={['doctor']}>
      <Stack gap="md">
        <PageTitle mb={0}>Consultation</PageTitle>
        <WithTimeZone>{(timeZone) => <Loaded id={id} timeZone={timeZone} />}</WithTimeZone>
      </Stack>
    </RoleGate>
  );
}
