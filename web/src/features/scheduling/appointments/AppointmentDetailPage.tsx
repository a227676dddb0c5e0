import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { useAppointment, type Appointment } from '../api.ts';
import { Announcement, useAnnouncement } from '../components/Announcement.tsx';
import { ConsultationLink } from '../../clinic/consultation/ConsultationLink.tsx';
import { AppointmentActions } from '../components/AppointmentActions.tsx';
import { ChangeDeadline } from '../components/ChangeDeadline.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { TimeZoneNote } from '../components/TimeZoneNote.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { statusHints, statusLabels } from '../status.ts';
import { formatDateTime, formatDay, localDate, localTime } from '../time.ts';

type HistoryEntry = NonNullable<Appointment['history']>[number];

const roleNames: Record<HistoryEntry['actorRole'], string> = {
  admin: 'administrator',
  doctor: 'doctor',
  patient: 'patient',
  receptionist: 'reception',
};

function describeEntry(entry: HistoryEntry, timeZone: string): string {
  if (entry.from === null) return `Booked (${statusLabels[entry.to].toLowerCase()})`;
  if (entry.fromStart && entry.toStart) {
    return `Moved from ${formatDateTime(entry.fromStart, timeZone)} to ${formatDateTime(entry.toStart, timeZone)}${
      entry.from !== entry.to ? `; now ${statusLabels[entry.to].toLowerCase()}` : ''
    }`;
  }
  return `${statusLabels[entry.from]} → ${statusLabels[entry.to]}`;
}

function History({ entries, timeZone }: { entries: HistoryEntry[]; timeZone: string }) {
  return (
    <Stack gap="xs" component="ol" style={{ margin: 0, paddingLeft: '1.25rem' }}>
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <Text fw={600} size="sm">
            {describeEntry(entry, timeZone)}
          </Text>
          <Text size="sm">
            {formatDateTime(entry.at, timeZone)} by {entry.actorName} ({roleNames[entry.actorRole]})
          </Text>
          {entry.note && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              Note: {entry.note}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}

function Detail({ id, timeZone }: { id: string; timeZone: string }) {
  const user = useCurrentUser();
  const location = useLocation();
  const appointment = useAppointment(id);
  const { announcement, announce, clear } = useAnnouncement();
  const [arrival] = useState(() => {
    const message = (location.state as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? { message, at: 0 } : null;
  });
  const shown = announcement ?? arrival;

  if (!appointment.data) return <QueryState query={appointment} what="the appointment" />;
  const a = appointment.data;
  const upcoming = a.status === 'requested' || a.status === 'confirmed';

  return (
    <Stack gap="md" maw={880}>
      <TimeZoneNote timeZone={timeZone} />
      <Announcement announcement={shown} onClose={clear} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <SummaryList
            items={[
              ['Status', <span key="status"><StatusBadge status={a.status} /> <Text span size="sm">{statusHints[a.status]}</Text></span>],
              ['Date', formatDay(localDate(a.start, timeZone))],
              ['Time', `${localTime(a.start, timeZone)}–${localTime(a.end, timeZone)} (${timeZone} time)`],
              ['Doctor', a.doctorName],
              ['Patient', a.patientName],
              ['Reason', a.reason],
              ...(a.decisionNote ? ([['Note', a.decisionNote]] as [string, string][]) : []),
              ...(a.outsideAvailability ? ([['Hours', 'Outside the doctor’s current hours or in time off']] as [string, string][]) : []),
            ]}
          />
          {upcoming && <ChangeDeadline appointment={a} timeZone={timeZone} role={user.role} />}
          <ConsultationLink appointment={a} role={user.role} />
          <AppointmentActions appointment={a} role={user.role} timeZone={timeZone} onDone={announce} />
        </Stack>
      </Paper>
      <section aria-labelledby="history-heading">
        <Title order={2} size="h3" id="history-heading" mb="sm">
          History
        </Title>
        {a.history && a.history.length > 0 ? <History entries={a.history} timeZone={timeZone} /> : <Text>No changes recorded.</Text>}
      </section>
      <div>
        <Anchor component={Link} to={user.role === 'doctor' ? '/app/schedule' : '/app/appointments'} c="care.8" underline="always">
          {user.role === 'doctor' ? 'Back to my schedule' : 'Back to appointments'}
        </Anchor>
      </div>
    </Stack>
  );
}

export function AppointmentDetailPage() {
  const { id = '' } = useParams();
  return (
    <Stack gap="md">
      <PageTitle mb={0}>Appointment</PageTitle>
      <Anchor href={`/api/appointments/${encodeURIComponent(id)}/slip.pdf`} download className="no-print">
        Download the appointment slip (PDF)
      </Anchor>
      <WithTimeZone>{(timeZone) => <Detail id={id} timeZone={timeZone} />}</WithTimeZone>
    </Stack>
  );
}
