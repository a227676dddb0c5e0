import { Button, Collapse, List, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { formatDate, formatInstant } from '../shared/format.ts';
import { useHospitalZone } from '../shared/zone.tsx';
import type { HistoryEntry, HistoryVersion } from '../types.ts';
import { useEntryVersions } from './history.api.ts';
import { dateLabels, kindInfo } from './kinds.ts';

function VersionItem({ version, zone }: { version: HistoryVersion; zone: string }) {
  const labels = dateLabels(version.kind);
  const dates = [
    labels.onset && version.onsetDate ? `${labels.onset}: ${formatDate(version.onsetDate)}` : null,
    labels.resolved && version.resolvedDate ? `${labels.resolved}: ${formatDate(version.resolvedDate)}` : null,
  ].filter(Boolean);
  return (
    <List.Item>
      <Text size="sm" fw={600}>
        Version {version.version} — {formatInstant(version.changedAt, zone)}, by {version.changedBy.name}
      </Text>
      <Text size="sm">
        {kindInfo(version.kind).label}: {version.title}
      </Text>
      {version.details && (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {version.details}
        </Text>
      )}
      {dates.length > 0 && <Text size="sm">{dates.join(' · ')}</Text>}
    </List.Item>
  );
}

/** A disclosure listing an entry's earlier versions, loaded when first opened. */
export function EntryVersions({ patientId, entry }: { patientId: string; entry: HistoryEntry }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const zone = useHospitalZone();
  const versions = useEntryVersions(patientId, entry, open);
  const earlier = entry.version - 1;
  if (earlier < 1) return null;
  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        size="compact-sm"
        px={4}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        style={{ alignSelf: 'flex-start' }}
      >
        {open ? 'Hide earlier versions' : `Show earlier versions (${earlier})`}
      </Button>
      <Collapse expanded={open}>
        <div id={panelId}>
          {versions.isPending && open && <Loading label="Loading earlier versions…" />}
          {versions.isError && <FormError title="Could not load the earlier versions" message={errorMessage(versions.error)} />}
          {versions.data && (
            <List spacing="xs" listStyleType="none" pl={0} aria-label={`Earlier versions of ${entry.title}`}>
              {versions.data.items.map((version) => (
                <VersionItem key={version.version} version={version} zone={zone} />
              ))}
            </List>
          )}
        </div>
      </Collapse>
    </Stack>
  );
}
