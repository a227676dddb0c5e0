import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Under a dashboard list cut short: how many it shows, and the way to the full appointment list. */
export function MoreInList({ shown, which }: { shown: number; which: 'first' | 'oldest' }) {
  return (
    <Text size="sm" mt="xs">
      Showing the {which} {shown}.{' '}
      <Anchor component={Link} to="/app/appointments" c="care.8" underline="always">
        Open the appointment list
      </Anchor>
    </Text>
  );
}
