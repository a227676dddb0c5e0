import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { useAppointments } from '../api.ts';
import { Announcement, useAnnouncement } from '../components/Announcement.tsx';
import { AppointmentCard } from '../components/AppointmentCard.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { RoleGate } from '../components/RoleGate.tsx';
import { TimeZoneNote } from '../components/TimeZoneNote.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { formatDateTime } from '../time.ts';

function RequestQueue({ timeZone }: { timeZone: string }) {
  const user = useCurrentUser();
  const requests = useAppointments({ status: ['requested'], order: 'asc', limit: 200 });
  const { announcement, announce, clear } = useAnnouncement();
  if (!requests.data) return <QueryState query={requests} what="appointment requests" />;
  const items = [...requests.data.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.start.localeCompare(b.start));

  return (
    <Stack gap="md" maw={880}>
      <TimeZoneNote timeZone={timeZone} />
      <Announcement announcement={announcement} onClose={clear} />
      <Text role="status">
        {items.length === 0
          ? 'No requests are waiting for you.'
          : `${items.length} request${items.length === 1 ? '' : 's'} waiting, oldest first.`}
      </Text>
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((appointment) => (
          <li key={appointment.id}>
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                Requested {formatDateTime(appointment.createdAt, timeZone)}
              </Text>
              <AppointmentCard
                appointment={appointment}
                role={user.role}
                timeZone={timeZone}
                onDone={announce}
                headingOrder={2}
              />
            </Stack>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

/** The doctor's queue of requests waiting for a decision, oldest first. */
export function RequestsPage() {
  return (
    <RoleGate roles={['doctor']}>
      <Stack gap="md">
        <PageTitle mb={0}>Appointment requests</PageTitle>
        <WithTimeZone>{(timeZone) => <RequestQueue timeZone={timeZone} />}</WithTimeZone>
      </Stack>
    </RoleGate>
  );
}
