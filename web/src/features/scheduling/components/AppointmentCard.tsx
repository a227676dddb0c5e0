import { Anchor, Badge, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../../api/types.ts';
import type { Appointment } from '../api.ts';
import { formatDateTime, localTime } from '../time.ts';
import { ConsultationLink } from '../../clinic/consultation/ConsultationLink.tsx';
import { AppointmentActions } from './AppointmentActions.tsx';
import { ChangeDeadline } from './ChangeDeadline.tsx';
import { StatusBadge } from './StatusBadge.tsx';

export interface AppointmentCardProps {
  appointment: Appointment;
  role: Role;
  timeZone: string;
  onDone: (message: string) => void;
  headingOrder?: 2 | 3 | 4;
  /** Show the time only (inside a list grouped by day). */
  timeOnly?: boolean;
  /** Hide the action buttons (summaries). */
  readOnly?: boolean;
}

const noteLabels: Partial<Record<Appointment['status'], string>> = {
  rejected: 'Reason for declining',
  cancelled: 'Reason for cancelling',
};

/** One appointment: when, with whom, why, its status in words, any decision note, and what can be done now. */
export function AppointmentCard({ appointment, role, timeZone, onDone, headingOrder = 3, timeOnly, readOnly }: AppointmentCardProps) {
  const headingId = useId();
  const when = timeOnly
    ? `${localTime(appointment.start, timeZone)}–${localTime(appointment.end, timeZone)}`
    : `${formatDateTime(appointment.start, timeZone)}–${localTime(appointment.end, timeZone)}`;
  const who =
    role === 'patient'
      ? appointment.doctorName
      : role === 'doctor'
        ? appointment.patientName
        : `${appointment.patientName} with ${appointment.doctorName}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={headingOrder} size="h5" id={headingId}>
              {when}
              <VisuallyHidden>, {who}</VisuallyHidden>
            </Title>
            <Text fw={600}>{who}</Text>
          </Stack>
          <StatusBadge status={appointment.status} />
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            Reason:
          </Text>{' '}
          {appointment.reason}
        </Text>
        {appointment.decisionNote && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              {noteLabels[appointment.status] ?? 'Note'}:
            </Text>{' '}
            {appointment.decisionNote}
          </Text>
        )}
        {appointment.outsideAvailability && (
          <Group gap="xs">
            <Badge color="#9a4400" variant="outline" radius="sm" tt="none">
              {role === 'doctor' ? 'Outside your hours' : 'Outside the doctor’s hours'}
            </Badge>
          </Group>
        )}
        {!readOnly && role === 'patient' && !appointment.allowedActions.includes('cancel') && (
          <ChangeDeadline appointment={appointment} timeZone={timeZone} role={role} />
        )}
        {!readOnly && (
          <AppointmentActions appointment={appointment} role={role} timeZone={timeZone} onDone={onDone} />
        )}
        <ConsultationLink appointment={appointment} role={role} context={`for ${who}, ${when}`} />
        <Anchor component={Link} to={`/app/appointments/${appointment.id}`} size="sm" c="care.8" underline="always">
          Details and history<VisuallyHidden> of the appointment on {formatDateTime(appointment.start, timeZone)}</VisuallyHidden>
        </Anchor>
      </Stack>
    </Paper>
  );
}
