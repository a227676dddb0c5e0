import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatInstant } from '../people/shared/format.ts';
import type { AppNotification } from './api.ts';
import { kindLabel } from './kinds.ts';

interface NotificationItemProps {
  notification: AppNotification;
  timeZone: string;
  onMarkRead: (id: string) => void;
  busy: boolean;
}

/** One notification: title, body, when, "Unread" badge and the actions. */
export function NotificationItem({ notification: n, timeZone, onMarkRead, busy }: NotificationItemProps) {
  const unread = n.readAt === null;
  const headingId = `notification-${n.id}`;
  return (
    <Card component="article" withBorder padding="md" aria-labelledby={headingId} bg={unread ? 'blue.0' : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4" id={headingId}>
              {n.title}
            </Title>
            {unread ? (
              <Badge color="blue.8" variant="filled">
                Unread
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" component="time" dateTime={n.createdAt}>
            {formatInstant(n.createdAt, timeZone)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {kindLabel(n.kind)}
        </Text>
        <Text>{n.body}</Text>
        <Group gap="sm">
          {n.appointmentId ? (
            <Anchor component={Link} to="/app/appointments">
              View appointments
            </Anchor>
          ) : null}
          {unread ? (
            <Button size="xs" variant="default" onClick={() => onMarkRead(n.id)} disabled={busy} aria-describedby={headingId}>
              Mark as read
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
