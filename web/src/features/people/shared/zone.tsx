import { Text } from '@mantine/core';
import { useHospital } from '../../../api/hospital.ts';

/** The hospital's IANA time zone (UTC until it has loaded). */
export function useHospitalZone(): string {
  return useHospital().data?.timeZone ?? 'UTC';
}

/** Says which time zone the times on the page are in. */
export function ZoneNote() {
  const zone = useHospitalZone();
  return (
    <Text size="sm" c="dimmed">
      Times are shown in the hospital’s time zone ({zone}).
    </Text>
  );
}
