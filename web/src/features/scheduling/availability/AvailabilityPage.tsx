import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { FormError } from '../../../components/FormError.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { schedulingKeys } from '../api.ts';
import { Announcement, useAnnouncement } from '../components/Announcement.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { RoleGate } from '../components/RoleGate.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { TimeOffSection } from './TimeOffSection.tsx';
import { WeeklyEditor } from './WeeklyEditor.tsx';

function AvailabilityEditor({ doctorId, timeZone }: { doctorId: string; timeZone: string }) {
  const { announcement, announce, clear } = useAnnouncement();
  const availability = useQuery({
    queryKey: schedulingKeys.availability(doctorId),
    queryFn: async () => unwrap(await api.GET('/api/doctors/{id}/availability', { params: { path: { id: doctorId } } })),
    staleTime: Infinity,
  });
  return (
    <Stack gap="lg" maw={960}>
      <Announcement announcement={announcement} onClose={clear} />
      {availability.data ? (
        <WeeklyEditor doctorId={doctorId} initial={availability.data} timeZone={timeZone} onSaved={announce} />
      ) : (
        <QueryState query={availability} what="your weekly hours" />
      )}
      <TimeOffSection doctorId={doctorId} timeZone={timeZone} onDone={announce} />
    </Stack>
  );
}

/** The doctor's own weekly hours, appointment length and time off. */
export function AvailabilityPage() {
  const user = useCurrentUser();
  return (
    <RoleGate roles={['doctor']}>
      <Stack gap="md">
        <PageTitle mb={0}>Availability</PageTitle>
        {user.doctorId ? (
          <WithTimeZone>{(timeZone) => <AvailabilityEditor doctorId={user.doctorId ?? ''} timeZone={timeZone} />}</WithTimeZone>
        ) : (
          <FormError title="No doctor profile" message="Your account is not linked to a doctor profile. Please ask an administrator." />
        )}
      </Stack>
    </RoleGate>
  );
}
