import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { PrintButton } from '../../../components/PrintButton.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { useAppointments, type Appointment, type AppointmentStatus } from '../api.ts';
import { Announcement, useAnnouncement } from '../components/Announcement.tsx';
import { AppointmentCard } from '../components/AppointmentCard.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { RoleGate } from '../components/RoleGate.tsx';
import { TimeZoneNote } from '../components/TimeZoneNote.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { addDays, formatDay, localDate, startOfWeek, todayIn, zonedToInstant } from '../time.ts';

const HELD: AppointmentStatus[] = ['requested', 'confirmed', 'completed', 'no_show'];
const ALL: AppointmentStatus[] = [...HELD, 'cancelled', 'rejected'];

interface DayListProps {
  items: Appointment[];
  timeZone: string;
  onDone: (message: string) => void;
  headingOrder: 3 | 4;
  empty: string;
}

function DayList({ items, timeZone, onDone, headingOrder, empty }: DayListProps) {
  const user = useCurrentUser();
  if (items.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((appointment) => (
        <li key={appointment.id}>
          <AppointmentCard
            appointment={appointment}
            role={user.role}
            timeZone={timeZone}
            onDone={onDone}
            headingOrder={headingOrder}
            timeOnly
          />
        </li>
      ))}
    </Stack>
  );
}

function dayRange(from: string, days: number, timeZone: string) {
  return {
    from: zonedToInstant(from, '00:00', timeZone).toISOString(),
    to: zonedToInstant(addDays(from, days), '00:00', timeZone).toISOString(),
  };
}

function Schedule({ timeZone }: { timeZone: string }) {
  const [today] = useState(() => todayIn(timeZone));
  const [weekStart, setWeekStart] = useState(() => startOfWeek(today));
  const [showAll, setShowAll] = useState(false);
  const { announcement, announce, clear } = useAnnouncement();
  const status = showAll ? ALL : HELD;
  const todays = useAppointments({ ...dayRange(today, 1, timeZone), status, order: 'asc', limit: 200 });
  const week = useAppointments({ ...dayRange(weekStart, 7, timeZone), status, order: 'asc', limit: 200 });
  const days = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  const byDay = new Map<string, Appointment[]>(days.map((day) => [day, []]));
  for (const appointment of week.data?.items ?? []) byDay.get(localDate(appointment.start, timeZone))?.push(appointment);

  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" gap="sm">
        <TimeZoneNote timeZone={timeZone} />
        <Group gap="sm" className="no-print">
          <Checkbox
            label="Include cancelled and declined"
            checked={showAll}
            onChange={(event) => setShowAll(event.currentTarget.checked)}
          />
          <PrintButton label="Print my day" />
        </Group>
      </Group>
      <Announcement announcement={announcement} onClose={clear} />
      <section aria-labelledby="today-heading">
        <Title order={2} size="h3" id="today-heading" mb="sm">
          Today, {formatDay(today)}
        </Title>
        {todays.data ? (
          <DayList items={todays.data.items} timeZone={timeZone} onDone={announce} headingOrder={3} empty="Nothing booked today." />
        ) : (
          <QueryState query={todays} what="today’s appointments" />
        )}
      </section>
      <section aria-labelledby="week-heading">
        <Group justify="space-between" gap="sm" mb="sm">
          <Title order={2} size="h3" id="week-heading" aria-live="polite">
            Week of {formatDay(weekStart)}
          </Title>
          <Group gap="xs">
            <Button variant="default" size="sm" onClick={() => setWeekStart(addDays(weekStart, -7))}>
              Previous week
            </Button>
            <Button variant="default" size="sm" onClick={() => setWeekStart(startOfWeek(today))} disabled={weekStart === startOfWeek(today)}>
              This week
            </Button>
            <Button variant="default" size="sm" onClick={() => setWeekStart(addDays(weekStart, 7))}>
              Next week
            </Button>
          </Group>
        </Group>
        {week.data ? (
          <Stack gap="sm">
            {days.map((day) => (
              <Paper key={day} withBorder p="sm" component="section" aria-labelledby={`day-${day}`} bg={day === today ? 'care.0' : undefined}>
                <Group gap="xs" mb="xs">
                  <Title order={3} size="h5" id={`day-${day}`}>
                    {formatDay(day)}
                  </Title>
                  {day === today && (
                    <Badge variant="filled" radius="sm" tt="none">
                      Today
                    </Badge>
                  )}
                </Group>
                {day === today ? (
                  <Text size="sm">{(byDay.get(day) ?? []).length === 0 ? 'No appointments.' : 'Today’s appointments are listed above.'}</Text>
                ) : (
                  <DayList items={byDay.get(day) ?? []} timeZone={timeZone} onDone={announce} headingOrder={4} empty="No appointments." />
                )}
              </Paper>
            ))}
          </Stack>
        ) : (
          <QueryState query={week} what="the week’s appointments" />
        )}
      </section>
    </Stack>
  );
}

/** The doctor's day and week: what is booked, and marking past appointments completed or missed. */
export function SchedulePage() {
  return (
    <RoleGate roles={['doctor']}>
      <Stack gap="md">
        <PageTitle mb={0}>My schedule</PageTitle>
        <WithTimeZone>{(timeZone) => <Schedule timeZone={timeZone} />}</WithTimeZone>
      </Stack>
    </RoleGate>
  );
}
