import { Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { AuditEntry } from './audit.api.ts';
import { actorName, actorRoleLabel, detailsText, formatAuditTime, isBreakGlass } from './format.ts';
import { OutcomeBadge } from './OutcomeBadge.tsx';

const COLUMNS = 8;

function EntryRow({ entry, timeZone, expanded, onToggle }: { entry: AuditEntry; timeZone: string; expanded: boolean; onToggle: () => void }) {
  const detailsId = `audit-details-${entry.id}`;
  const role = actorRoleLabel(entry.actorRole);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>{entry.seq}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={entry.at}>{formatAuditTime(entry.at, timeZone)}</time>
        </Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {actorName(entry)}
            </Text>
            {role && (
              <Text size="xs" c="dimmed">
                {role}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Stack gap={2} align="flex-start">
            <span>{entry.action}</span>
            {isBreakGlass(entry) && (
              <Badge color="#9a4400" variant="outline" radius="sm" tt="none">
                Break-glass
              </Badge>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          {entry.entityType ? (
            <Stack gap={0}>
              <Text size="sm">{entry.entityType}</Text>
              {entry.entityId && (
                <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {entry.entityId}
                </Text>
              )}
            </Stack>
          ) : (
            '—'
          )}
        </Table.Td>
        <Table.Td>
          <OutcomeBadge outcome={entry.outcome} />
        </Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.ip ?? '—'}</Table.Td>
        <Table.Td>
          {entry.details ? (
            <Button variant="subtle" size="compact-sm" aria-expanded={expanded} aria-controls={detailsId} onClick={onToggle}>
              {expanded ? 'Hide' : 'Show'}
              <VisuallyHidden> details of entry {entry.seq}</VisuallyHidden>
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              None
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {entry.details && expanded && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} id={detailsId}>
            <pre className="audit-details">
              {detailsText(entry.details)}
            </pre>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Audit entries, one per row; a row with details opens to show them. Scrolls sideways inside its own region. */
export function AuditTable({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={1000} type="native" role="region" aria-label="Audit entries" tabIndex={0} className="scroll-region">
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Entry</Table.Th>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Entity</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col">IP address</Table.Th>
            <Table.Th scope="col">Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} timeZone={timeZone} expanded={open.has(entry.id)} onToggle={() => toggle(entry.id)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
