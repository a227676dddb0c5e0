import { Badge } from '@mantine/core';
import type { AuditOutcome } from './auditFilters.ts';

export const outcomeLabels: Record<AuditOutcome, string> = { success: 'Success', failure: 'Failure', denied: 'Denied' };
const outcomeColors: Record<AuditOutcome, string> = { success: 'green', failure: 'red', denied: 'yellow' };

/** The outcome as a word; the colour only repeats it. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return (
    <Badge color={outcomeColors[outcome]} variant="light" radius="sm" tt="none" miw="max-content">
      {outcomeLabels[outcome]}
    </Badge>
  );
}
