import { Badge } from '@mantine/core';
import type { AppointmentStatus } from '../api.ts';
import { statusColors, statusLabels } from '../status.ts';

/** The status as a word in a badge: the colour only repeats what the text says. */
export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light" radius="sm" tt="none" size="md" style={{ flexShrink: 0 }}>
      {statusLabels[status]}
    </Badge>
  );
}
