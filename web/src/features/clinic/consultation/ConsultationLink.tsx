import { Anchor, Badge, Group, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Role } from '../../../api/types.ts';
import type { Appointment } from '../../scheduling/api.ts';

const closed: readonly Appointment['status'][] = ['cancelled', 'rejected'];

/**
 * For doctors: the way into the visit's consultation, saying whether it is started, a draft or signed. Other staff
 * see only that a consultation exists and its status, never its content.
 */
export function ConsultationLink({ appointment, role, context }: { appointment: Appointment; role: Role; context?: string }) {
  const record = appointment.consultation;
  if (role === 'patient' || (role !== 'doctor' && !record)) return null;
  if (role === 'doctor' && !record && closed.includes(appointment.status)) return null;
  const label = record ? 'Open consultation' : 'Start consultation';
  return (
    <Group gap="xs">
      {role === 'doctor' && (
        <Anchor component={Link} to={`/app/appointments/${appointment.id}/consultation`} size="sm" fw={600} c="care.8" underline="always">
          {label}
          {context && <VisuallyHidden> {context}</VisuallyHidden>}
        </Anchor>
      )}
      {record && (
        <Badge variant="outline" color={record.status === 'signed' ? '#1e6b30' : '#8a5a00'} radius="sm" tt="none">
          {record.status === 'signed' ? 'Consultation signed' : 'Consultation draft'}
        </Badge>
      )}
    </Group>
  );
}
