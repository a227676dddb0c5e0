import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAppointments } from '../api.ts';
import { QueryState } from '../components/QueryState.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { WithTimeZone } from '../components/WithTimeZone.tsx';
import { isUpcoming } from '../status.ts';
import { formatDateTime, todayIn, zonedToInstant } from '../time.ts';

const SHOWN = 3;

function Summary({ timeZone }: { timeZone: string }) {
  const [startOfToday] = useState(() => zonedToInstant(todayIn(timeZone), '00:00', timeZone).toISOString());
  const upcoming = useAppointments({ status: ['requested', 'confirmed'], from: startOfToday, order: 'asc', limit: 20 });
  if (!upcoming.data) return <QueryState query={upcoming} what="your upcoming appointments" />;
  const now = new Date();
  const items = upcoming.data.items.filter((appointment) => isUpcoming(appointment, now));
  if (items.length === 0) {
    return (
      <Text>
        You have no upcoming appointments.{' '}
        <Anchor component={Link} to="/app/book" c="care.8" underline="always">
          Book an appointment
        </Anchor>
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.slice(0, SHOWN).map((appointment) => (
          <Paper key={appointment.id} withBorder p="sm" component="li">
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={700}>{formatDateTime(appointment.start, timeZone)}</Text>
                <Text size="sm">{appointment.doctorName}</Text>
                {appointment.decisionNote && <Text size="sm">Note: {appointment.decisionNote}</Text>}
              </div>
              <StatusBadge status={appointment.status} />
            </Group>
          </Paper>
        ))}
      </Stack>
      <Text size="sm" c="dimmed">
        Times in {timeZone} (hospital time).
      </Text>
      <Anchor component={Link} to="/app/appointments" c="care.8" underline="always">
        {items.length > SHOWN ? `See all ${items.length} upcoming appointments` : 'See all my appointments'}
      </Anchor>
    </Stack>
  );
}

/** The patient dashboard's "Upcoming appointments" card. */
export function UpcomingSummary() {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="upcoming-summary-heading">
      <Title order={2} size="h3" id="upcoming-summary-heading" mb="sm">
        Upcoming appointments
      </Title>
      <WithTimeZone>{(timeZone) => <Summary timeZone={timeZone} />}</WithTimeZone>
    </Paper>
  );
}
