import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import type { SessionUser } from '../../../api/types.ts';
import { FormError } from '../../../components/FormError.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { needsBreakGlass } from '../../clinic/record/breakGlass.api.ts';
import { BreakGlassStep } from '../../clinic/record/BreakGlassStep.tsx';
import { useHospitalZone, ZoneNote } from '../shared/zone.tsx';
import type { HistoryEntry } from '../types.ts';
import { EntryCard } from './EntryCard.tsx';
import { EntryDialog } from './EntryDialog.tsx';
import { useHistory } from './history.api.ts';

interface HistorySectionProps {
  patientId: string;
  user: SessionUser;
  /** The heading level of the section title: 2 inside a patient page. */
  headingId: string;
  /** Shown as the section's h2; left out when the page's h1 already says it. */
  title?: string;
  /** The patient's name, for an administrator's break-glass step. */
  patientName?: string;
}

type Dialog = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; entry: HistoryEntry };

/** A patient's medical history: entries newest first, adding and editing, and earlier versions for clinicians. */
export function HistorySection({ patientId, user, headingId, title, patientName }: HistorySectionProps) {
  const zone = useHospitalZone();
  const history = useHistory(patientId);
  const [dialog, setDialog] = useState<Dialog>({ mode: 'closed' });
  const isPatient = user.role === 'patient';
  const canEdit = (entry: HistoryEntry) => !isPatient || (entry.selfReported && entry.recordedBy.id === user.id);
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  if (user.role === 'admin' && needsBreakGlass(history.error)) {
    return (
      <Stack gap="md" component="section" aria-labelledby={headingId}>
        <Title order={2} id={headingId} size={title ? undefined : 'h3'}>
          {title ?? 'Entries'}
        </Title>
        <BreakGlassStep patientId={patientId} patientName={patientName ?? 'the patient'} />
      </Stack>
    );
  }

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="center">
        {title ? (
          <Title order={2} id={headingId}>
            {title}
          </Title>
        ) : (
          <Title order={2} id={headingId} size="h3">
            Entries
          </Title>
        )}
        <Button onClick={() => setDialog({ mode: 'add' })}>{isPatient ? 'Add a self-reported entry' : 'Add an entry'}</Button>
      </Group>
      <ZoneNote />
      {history.isPending && <Loading label="Loading the medical history…" />}
      {history.isError && <FormError title="Could not load the medical history" message={errorMessage(history.error)} />}
      {history.isSuccess && entries.length === 0 && (
        <Alert color="gray" variant="light" title="No entries yet">
          {isPatient
            ? 'Nothing has been recorded yet. You can add allergies, conditions, medication or past surgery yourself.'
            : 'Nothing has been recorded for this patient yet.'}
        </Alert>
      )}
      {entries.length > 0 && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="History entries">
          {entries.map((entry) => (
            <EntryCard
              key={entry.id}
              entry={entry}
              patientId={patientId}
              zone={zone}
              canEdit={canEdit(entry)}
              canSeeVersions={!isPatient}
              onEdit={(chosen) => setDialog({ mode: 'edit', entry: chosen })}
            />
          ))}
        </Stack>
      )}
      {history.hasNextPage && (
        <Button variant="default" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          Show more entries
        </Button>
      )}
      {isPatient && (
        <Text size="sm" c="dimmed">
          Entries recorded by your doctors can only be changed by them.
        </Text>
      )}
      <EntryDialog
        opened={dialog.mode !== 'closed'}
        onClose={() => setDialog({ mode: 'closed' })}
        patientId={patientId}
        entry={dialog.mode === 'edit' ? dialog.entry : undefined}
        selfReport={isPatient}
      />
    </Stack>
  );
}
