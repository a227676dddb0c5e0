import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { changedFields, fieldProps, todayIn } from '../shared/forms.ts';
import { useHospitalZone } from '../shared/zone.tsx';
import type { HistoryEntry, HistoryKind, HistoryPatchBody } from '../types.ts';
import { addEntry, changeEntry, refreshHistory } from './history.api.ts';
import { historyFields, readEntryForm, toCreateBody, type EntryValues } from './historyForm.ts';
import { dateLabels, historyKinds, isHistoryKind } from './kinds.ts';

interface EntryDialogProps {
  opened: boolean;
  onClose: () => void;
  patientId: string;
  /** The entry to edit; a new entry when left out. */
  entry?: HistoryEntry | undefined;
  /** The patient is writing: the entry is marked self-reported. */
  selfReport: boolean;
}

function EntryForm({ onClose, patientId, entry, selfReport }: Omit<EntryDialogProps, 'opened'>) {
  const zone = useHospitalZone();
  const [kind, setKind] = useState<HistoryKind | ''>(entry?.kind ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const save = useMutation({
    mutationFn: (values: EntryValues) => {
      if (!entry) return addEntry(patientId, toCreateBody(values));
      const patch: HistoryPatchBody = changedFields(entry, values);
      return changeEntry(patientId, entry.id, patch);
    },
    onSuccess: async () => {
      await refreshHistory(patientId);
      onClose();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  const labels = dateLabels(kind === '' ? 'condition' : kind);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    setUnchanged(false);
    const result = readEntryForm(readForm(event.currentTarget), todayIn(zone));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (entry && Object.keys(changedFields(entry, result.values)).length === 0) {
      setUnchanged(true);
      return;
    }
    save.mutate(result.values);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {selfReport && !entry && (
          <Alert color="care" variant="light" role="note">
            Entries you add are marked as self-reported, so your doctors can tell them apart from clinical records.
          </Alert>
        )}
        {entry && !selfReport && (
          <Alert color="care" variant="light" role="note">
            Saving keeps the current content as an earlier version: the record shows what changed and who changed it.
          </Alert>
        )}
        {unchanged && (
          <Alert color="gray" variant="light" role="status">
            Nothing has changed, so there was nothing to save.
          </Alert>
        )}
        <FormError title="Could not save the entry" message={formSummary(save.error, errors, historyFields)} />
        <NativeSelect
          label="Kind"
          required
          value={kind}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setKind(isHistoryKind(value) ? value : '');
          }}
          data={[{ value: '', label: 'Choose…', disabled: true }, ...historyKinds.map(({ value, label }) => ({ value, label }))]}
          {...fieldProps('kind', errors)}
        />
        <TextInput label="Title" required maxLength={200} defaultValue={entry?.title} description="For example: Penicillin, Type 2 diabetes, Appendectomy" {...fieldProps('title', errors)} />
        <Textarea label="Details (optional)" autosize minRows={3} maxLength={4000} defaultValue={entry?.details ?? ''} {...fieldProps('details', errors)} />
        {(labels.onset || labels.resolved) && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {labels.onset && (
              <TextInput label={`${labels.onset} (optional)`} type="date" defaultValue={entry?.onsetDate ?? ''} {...fieldProps('onsetDate', errors)} />
            )}
            {labels.resolved && (
              <TextInput label={`${labels.resolved} (optional)`} type="date" defaultValue={entry?.resolvedDate ?? ''} {...fieldProps('resolvedDate', errors)} />
            )}
          </SimpleGrid>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {entry ? 'Save changes' : 'Add entry'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adding or editing a history entry, in a dialog that takes the focus. */
export function EntryDialog({ opened, onClose, ...props }: EntryDialogProps) {
  const title = props.entry ? 'Edit history entry' : props.selfReport ? 'Add a self-reported entry' : 'Add a history entry';
  return (
    <Dialog opened={opened} onClose={onClose} title={title} size="lg">
      {opened && <EntryForm onClose={onClose} {...props} />}
    </Dialog>
  );
}
