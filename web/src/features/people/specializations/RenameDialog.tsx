import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { changedFields, fieldProps } from '../shared/forms.ts';
import type { Specialization, SpecializationPatchBody } from '../types.ts';
import { readSpecializationForm } from './specializationForm.ts';
import { refreshSpecializations, updateSpecialization } from './specializations.api.ts';

function RenameForm({ specialization, onClose }: { specialization: Specialization; onClose: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: SpecializationPatchBody) => updateSpecialization(specialization.id, body),
    onSuccess: async () => {
      await refreshSpecializations();
      onClose();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    const { values, errors: found } = readSpecializationForm(readForm(event.currentTarget));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body: SpecializationPatchBody = changedFields(specialization, values);
    if (Object.keys(body).length === 0) onClose();
    else save.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError title="Could not save the specialization" message={formSummary(save.error, errors, ['name', 'description'])} />
        <TextInput label="Name" required maxLength={80} defaultValue={specialization.name} data-autofocus {...fieldProps('name', errors)} />
        <Textarea label="Description (optional)" autosize minRows={2} maxLength={500} defaultValue={specialization.description ?? ''} {...fieldProps('description', errors)} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Renaming (and describing) a specialization, in a dialog. */
export function RenameDialog({ specialization, onClose }: { specialization: Specialization | null; onClose: () => void }) {
  return (
    <Dialog opened={specialization !== null} onClose={onClose} title="Rename specialization">
      {specialization && <RenameForm specialization={specialization} onClose={onClose} />}
    </Dialog>
  );
}
