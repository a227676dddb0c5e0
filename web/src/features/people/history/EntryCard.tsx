import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { roleLabels } from '../../app/nav.ts';
import { formatDate, formatInstant } from '../shared/format.ts';
import type { HistoryEntry } from '../types.ts';
import { EntryVersions } from './EntryVersions.tsx';
import { KindBadge } from './KindBadge.tsx';
import { dateLabels } from './kinds.ts';

interface EntryCardProps {
  entry: HistoryEntry;
  patientId: string;
  zone: string;
  canEdit: boolean;
  canSeeVersions: boolean;
  onEdit: (entry: HistoryEntry) => void;
}

function entryDates(entry: HistoryEntry): string[] {
  const labels = dateLabels(entry.kind);
  const dates: string[] = [];
  if (labels.onset && entry.onsetDate) dates.push(`${labels.onset}: ${formatDate(entry.onsetDate)}`);
  if (labels.resolved && entry.resolvedDate) dates.push(`${labels.resolved}: ${formatDate(entry.resolvedDate)}`);
  else if (labels.resolved && entry.kind !== 'medication') dates.push('Ongoing');
  return dates;
}

export function EntryCard({ entry, patientId, zone, canEdit, canSeeVersions, onEdit }: EntryCardProps) {
  const dates = entryDates(entry);
  const edited = entry.version > 1;
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <KindBadge kind={entry.kind} />
              {entry.selfReported && (
                <Badge variant="light" color="yellow" radius="sm">
                  Self-reported
                </Badge>
              )}
            </Group>
            <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {entry.title}
            </Title>
          </Stack>
          {canEdit && (
            <Button variant="default" size="xs" onClick={() => onEdit(entry)} aria-label={`Edit ${entry.title}`} style={{ flexShrink: 0 }}>
              Edit
            </Button>
          )}
        </Group>
        {entry.details && <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{entry.details}</Text>}
        {dates.length > 0 && <Text size="sm">{dates.join(' · ')}</Text>}
        <Text size="sm" c="dimmed">
          Recorded {formatInstant(entry.recordedAt, zone)} by {entry.recordedBy.name} ({roleLabels[entry.recordedBy.role].toLowerCase()})
          {edited && entry.updatedBy
            ? `. Last edited ${formatInstant(entry.updatedAt, zone)} by ${entry.updatedBy.name}: version ${entry.version}, earlier versions kept.`
            : ''}
        </Text>
        {canSeeVersions && <EntryVersions patientId={patientId} entry={entry} />}
      </Stack>
    </Card>
  );
}
