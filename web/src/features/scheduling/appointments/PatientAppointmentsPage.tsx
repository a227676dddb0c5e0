import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { useAppointmentPages, useAppointments, type Appointment } from '../api.ts';
import { Announcement, useAnnouncement } from '../components/Announcement.tsx';
import { AppointmentCard } from '../components/AppointmentCard.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { TimeZoneNote } from '../components/TimeZoneNote.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { isUpcoming } from '../status.ts';
import { todayIn, zonedToInstant } from '../time.ts';

function CardList({ items, children }: { items: Appointment[]; children: (appointment: Appointment) => ReactNode }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((appointment) => (
        <li key={appointment.id}>{children(appointment)}</li>
      ))}
    </Stack>
  );
}

function PatientAppointments({ timeZone }: { timeZone: string }) {
  const user = useCurrentUser();
  const { announcement, announce, clear } = useAnnouncement();
  const [startOfToday] = useState(() => zonedToInstant(todayIn(timeZone), '00:00', timeZone).toISOString());
  const upcoming = useAppointments({ status: ['requested', 'confirmed'], from: startOfToday, order: 'asc', limit: 100 });
  const past = useAppointmentPages({ order: 'desc', limit: 20 });
  const now = new Date();
  const upcomingItems = (upcoming.data?.items ?? []).filter((appointment) => isUpcoming(appointment, now));
  const pastItems = (past.data?.pages.flatMap((page) => page.items) ?? []).filter((appointment) => !isUpcoming(appointment, now));
  const card = (appointment: Appointment) => (
    <AppointmentCard appointment={appointment} role={user.role} timeZone={timeZone} onDone={announce} />
  );

  return (
    <Stack gap="lg" maw={880}>
      <Group justify="space-between" align="center" gap="sm">
        <TimeZoneNote timeZone={timeZone} />
        <Button component={Link} to="/app/book">
          Book an appointment
        </Button>
      </Group>
      <Announcement announcement={announcement} onClose={clear} />
      <section aria-labelledby="upcoming-heading">
        <Title order={2} size="h3" id="upcoming-heading" mb="sm">
          Upcoming
        </Title>
        {upcoming.data ? (
          upcomingItems.length === 0 ? (
            <Text>You have no upcoming appointments.</Text>
          ) : (
            <CardList items={upcomingItems}>{card}</CardList>
          )
        ) : (
          <QueryState query={upcoming} what="your upcoming appointments" />
        )}
      </section>
      <section aria-labelledby="past-heading">
        <Title order={2} size="h3" id="past-heading" mb="sm">
          Past and cancelled
        </Title>
        {past.data ? (
          pastItems.length === 0 ? (
            <Text>Nothing here yet.</Text>
          ) : (
            <Stack gap="sm">
              <CardList items={pastItems}>{card}</CardList>
              <ShowMore pages={past} label="Show older appointments" />
            </Stack>
          )
        ) : (
          <QueryState query={past} what="your past appointments" />
        )}
      </section>
    </Stack>
  );
}

export function PatientAppointmentsPage() {
  return (
    <Stack gap="md">
      <PageTitle mb={0}>My appointments</PageTitle>
      <WithTimeZone>{(timeZone) => <PatientAppointments timeZone={timeZone} />}</WithTimeZone>
    </Stack>
  );
}
