import { Alert, Paper, Stack, type MantineSpacing } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { FormActions } from './FormActions.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from './errors.ts';
import { changedFields, type FormResult } from './forms.ts';

interface EditFormProps<Values extends object, Saved> {
  /** The form's accessible name. */
  label: string;
  /** The record as it is: only the values that differ from it are sent. */
  current: Partial<Record<keyof Values, unknown>>;
  /** Reads the submitted form into values, or the fields' problems. */
  read: (form: Record<string, string>) => FormResult<Values>;
  save: (changes: Partial<Values>) => Promise<Saved>;
  onSaved: (saved: Saved) => Promise<void>;
  /** The names of the form's fields, so that the server's messages about other fields are shown above the form. */
  fields: readonly string[];
  errorTitle?: string;
  /** The notice's title after a save; the user page says it all in `savedText`. */
  savedTitle?: string | null;
  savedText: ReactNode;
  gap?: MantineSpacing;
  children: (errors: FieldErrors) => ReactNode;
}

/**
 * A form that edits a record: sends only what changed (or says nothing changed), shows the browser's and the
 * server's messages next to their fields, and confirms a save.
 */
export function EditForm<Values extends object, Saved>(props: EditFormProps<Values, Saved>) {
  const { label, current, read, save, onSaved, fields, savedText, gap = 'lg', children } = props;
  const { errorTitle = 'Could not save the changes', savedTitle = 'Changes saved' } = props;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved, onError: (error) => setErrors(serverFieldErrors(error)) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    setUnchanged(false);
    const result = read(readForm(event.currentTarget));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    const changes = changedFields(current, result.values);
    if (Object.keys(changes).length === 0) {
      setUnchanged(true);
      return;
    }
    mutation.mutate(changes);
  }

  return (
    <Stack gap="md">
      {mutation.isSuccess && (
        <Alert color="green" variant="light" title={savedTitle ?? undefined} role="status">
          {savedText}
        </Alert>
      )}
      {unchanged && (
        <Alert color="gray" variant="light" role="status">
          Nothing has changed, so there was nothing to save.
        </Alert>
      )}
      <FormError title={errorTitle} message={formSummary(mutation.error, errors, fields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label={label}>
        <Stack gap={gap}>
          {children(errors)}
          <FormActions submitLabel="Save changes" pending={mutation.isPending} />
        </Stack>
      </Paper>
    </Stack>
  );
}
