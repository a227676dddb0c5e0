import { Text } from '@mantine/core';
import { deviceTimeZoneIfDifferent } from '../time.ts';

/** Says which zone the times on the page are in, and warns when the reader's device is set to another. */
export function TimeZoneNote({ timeZone }: { timeZone: string }) {
  const device = deviceTimeZoneIfDifferent(timeZone);
  return (
    <Text size="sm" c="dimmed">
      Times shown in {timeZone} (hospital time).
      {device && ` Your device is set to ${device}.`}
    </Text>
  );
}
