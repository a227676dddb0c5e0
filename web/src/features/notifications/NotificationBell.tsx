import { Badge, Box, Button } from '@mantine/core';
import { Link } from 'react-router';
import { useUnreadCount } from './api.ts';

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's link to the notifications page, with the number of unread ones as text. */
export function NotificationBell() {
  const { data: count } = useUnreadCount();
  const unread = count ?? 0;
  const label = count === undefined ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <Button
      component={Link}
      to="/app/notifications"
      variant="default"
      size="sm"
      px="xs"
      aria-label={label}
      leftSection={<BellIcon />}
      rightSection={
        count === undefined ? null : (
          <Badge size="sm" variant={unread > 0 ? 'filled' : 'outline'} color={unread > 0 ? 'red.8' : 'gray.8'} aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </Badge>
        )
      }
    >
      <Box component="span" visibleFrom="sm">
        Notifications
      </Box>
    </Button>
  );
}
