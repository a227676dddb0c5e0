import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../scheduling/time.ts';
import type { Overview } from './overview.api.ts';
import { MoreInList } from './MoreInList.tsx';
import { plural } from './summaries.ts';

interface PendingRequestsProps {
  pending: Overview['pendingRequests'];
  timeZone: string;
}

/** Requests nobody has decided on for more than a day, oldest first, each linking to the appointment. */
export function PendingRequests({ pending, timeZone }: PendingRequestsProps) {
  const waiting = pending.olderThanADay === 1 ? 'has waited' : 'have waited';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pending-requests-heading">
      <Title order={3} size="h4" id="pending-requests-heading">
        Requests waiting more than a day
      </Title>
      <Text mt={4}>
        {plural(pending.total, 'request')} waiting for a decision; {pending.olderThanADay} {waiting} more than a day.
      </Text>
      {pending.items.length > 0 && (
        <Stack component="ul" gap="xs" mt="sm" className="dashboard-plain-list">
          {pending.items.map((request) => (
            <li key={request.id}>
              <Anchor component={Link} to={`/app/appointments/${request.id}`} c="care.8" fw={600} underline="always">
                {request.patientName} with {request.doctorName}
              </Anchor>
              <Text size="sm">
                For {formatDateTime(request.start, timeZone)}; requested {formatDateTime(request.createdAt, timeZone)}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {pending.items.length < pending.olderThanADay && <MoreInList shown={pending.items.length} which="oldest" />}
    </Paper>
  );
}
