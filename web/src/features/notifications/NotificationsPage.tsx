import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../api/problem.ts';
import { FormError } from '../../components/FormError.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useHospitalZone, ZoneNote } from '../people/shared/zone.tsx';
import { useMarkAllRead, useMarkRead, useNotifications } from './api.ts';
import { NotificationItem } from './NotificationItem.tsx';

/** /app/notifications: my notifications, newest first, for every role. */
export function NotificationsPage() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const timeZone = useHospitalZone();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const anyUnread = items.some((item) => item.readAt === null);
  const failure = markRead.error ?? markAll.error;

  return (
    <Stack gap="md" maw={760}>
      <PageTitle mb={0}>Notifications</PageTitle>
      <Group justify="space-between" wrap="wrap">
        <ZoneNote />
        <Group gap="sm">
          <Anchor component={Link} to="/app/notifications/preferences">
            Notification settings
          </Anchor>
          <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={!anyUnread}>
            Mark all as read
          </Button>
        </Group>
      </Group>
      <FormError title="Could not update the notifications" message={failure ? errorMessage(failure) : null} />
      {list.isPending ? (
        <Loading label="Loading notifications…" />
      ) : list.isError ? (
        <Stack gap="sm" align="flex-start">
          <FormError title="Could not load the notifications" message={errorMessage(list.error)} />
          <Button variant="default" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Stack>
      ) : items.length === 0 ? (
        <Text>You have no notifications yet.</Text>
      ) : (
        <Stack gap="sm" component="section" aria-label="Notifications, newest first">
          {items.map((item) => (
            <NotificationItem
              key={item.id}
              notification={item}
              timeZone={timeZone}
              onMarkRead={(id) => markRead.mutate(id)}
              busy={markRead.isPending && markRead.variables === item.id}
            />
          ))}
        </Stack>
      )}
      {list.hasNextPage ? (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          Older notifications
        </Button>
      ) : null}
    </Stack>
  );
}
