import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PrintButton } from '../../../components/PrintButton.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { useAppointmentPages, type AppointmentQuery, type AppointmentStatus } from '../api.ts';
import { Announcement, useAnnouncement } from '../components/Announcement.tsx';
import { AppointmentCard } from '../components/AppointmentCard.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { ShowMore } from '../components/ShowMore.tsx';
import { TimeZoneNote } from '../components/TimeZoneNote.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { addDays, todayIn, zonedToInstant } from '../time.ts';
import { Link } from 'react-router';
import { AppointmentFilters, type Filters } from './AppointmentFilters.tsx';
import { WalkInButton } from '../../clinic/walkin/WalkInDialog.tsx';

/** The list starts at today; filters live in the page (not the address, which would move focus to the heading). */
const initialFilters = (today: string): Filters => ({ doctorId: '', patientId: '', status: '', from: today, to: '' });

function toQuery(filters: Filters, timeZone: string): AppointmentQuery {
  const statuses: AppointmentStatus[] | undefined =
    filters.status === 'active' ? ['requested', 'confirmed'] : filters.status ? [filters.status] : undefined;
  return {
    order: 'asc',
    limit: 50,
    ...(filters.doctorId ? { doctorId: filters.doctorId } : {}),
    ...(filters.patientId ? { patientId: filters.patientId } : {}),
    ...(statuses ? { status: statuses } : {}),
    ...(filters.from ? { from: zonedToInstant(filters.from, '00:00', timeZone).toISOString() } : {}),
    ...(filters.to ? { to: zonedToInstant(addDays(filters.to, 1), '00:00', timeZone).toISOString() } : {}),
  };
}

function StaffAppointments({ timeZone }: { timeZone: string }) {
  const user = useCurrentUser();
  const [filters, setFilters] = useState(() => initialFilters(todayIn(timeZone)));
  const pages = useAppointmentPages(toQuery(filters, timeZone));
  const { announcement, announce, clear } = useAnnouncement();
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" gap="sm">
        <TimeZoneNote timeZone={timeZone} />
        <Group gap="sm" className="no-print">
          <PrintButton />
          <WalkInButton onBooked={(a) => announce(`Walk-in booked: ${a.patientName} with ${a.doctorName}, now.`)} />
          <Button component={Link} to="/app/book">
            Book for a patient
          </Button>
        </Group>
      </Group>
      <div className="no-print">
        <AppointmentFilters
          value={filters}
          onChange={(next) => setFilters((current) => ({ ...current, ...next }))}
          onReset={() => setFilters(initialFilters(todayIn(timeZone)))}
          timeZone={timeZone}
        />
      </div>
      <Announcement announcement={announcement} onClose={clear} />
      <section aria-label="Results">
        {pages.data ? (
          <Stack gap="sm">
            <Text role="status" size="sm">
              {items.length === 0
                ? 'No appointments match these filters.'
                : `${items.length}${pages.hasNextPage ? '+' : ''} appointment${items.length === 1 ? '' : 's'}, earliest first.`}
            </Text>
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {items.map((appointment) => (
                <li key={appointment.id}>
                  <AppointmentCard
                    appointment={appointment}
                    role={user.role}
                    timeZone={timeZone}
                    onDone={announce}
                    headingOrder={2}
                  />
                </li>
              ))}
            </Stack>
            <ShowMore pages={pages} />
          </Stack>
        ) : (
          <QueryState query={pages} what="appointments" />
        )}
      </section>
    </Stack>
  );
}

export function StaffAppointmentsPage() {
  return (
    <Stack gap="md">
      <PageTitle mb={0}>Appointments</PageTitle>
      <WithTimeZone>{(timeZone) => <StaffAppointments timeZone={timeZone} />}</WithTimeZone>
    </Stack>
  );
}
