import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Appointment } from '../api.ts';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { formatDay, localDate, localTime } from '../time.ts';

interface BookedPanelProps {
  appointment: Appointment;
  staff: boolean;
  timeZone: string;
  onRestart: () => void;
}

export function BookedPanel({ appointment, staff, timeZone, onRestart }: BookedPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const confirmed = appointment.status === 'confirmed';
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={720}>
      <Stack gap="md">
        <Title order={2} size="h3" ref={headingRef} tabIndex={-1} className="page-heading">
          {confirmed ? 'Appointment confirmed' : 'Appointment requested'}
        </Title>
        <Text>
          {confirmed
            ? 'The appointment is booked and confirmed.'
            : staff
              ? 'The request is waiting for the doctor to confirm it. The patient will be notified.'
              : 'Your request has been sent. The doctor will confirm or decline it, and you will be notified.'}
        </Text>
        <SummaryList
          items={[
            ...(staff ? ([['Patient', appointment.patientName]] as [string, string][]) : []),
            ['Doctor', appointment.doctorName],
            ['Date', formatDay(localDate(appointment.start, timeZone))],
            ['Time', `${localTime(appointment.start, timeZone)}–${localTime(appointment.end, timeZone)} (${timeZone} time)`],
            ['Status', <StatusBadge key="status" status={appointment.status} />],
          ]}
        />
        <Group gap="sm">
          <Button component={Link} to="/app/appointments">
            {staff ? 'See all appointments' : 'See my appointments'}
          </Button>
          <Button variant="default" onClick={onRestart}>
            Book another appointment
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
