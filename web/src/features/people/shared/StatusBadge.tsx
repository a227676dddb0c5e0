import { Badge } from '@mantine/core';

/** Active / inactive as words, with colour only as a second signal. */
export function StatusBadge({ active, inactiveLabel = 'Deactivated' }: { active: boolean; inactiveLabel?: string }) {
  return active ? (
    <Badge color="green" variant="light" miw="max-content">
      Active
    </Badge>
  ) : (
    <Badge color="gray.8" variant="outline" miw="max-content">
      {inactiveLabel}
    </Badge>
  );
}
