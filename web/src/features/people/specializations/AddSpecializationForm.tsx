import { Alert, Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { fieldProps } from '../shared/forms.ts';
import type { SpecializationCreateBody } from '../types.ts';
import { readSpecializationForm } from './specializationForm.ts';
import { createSpecialization, refreshSpecializations } from './specializations.api.ts';

export function AddSpecializationForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: SpecializationCreateBody) => createSpecialization(body),
    onSuccess: async () => {
      formRef.current?.reset();
      await refreshSpecializations();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const { values, errors: found } = readSpecializationForm(readForm(event.currentTarget));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({ name: values.name, ...(values.description ? { description: values.description } : {}) });
  }

  return (
    <Stack gap="sm">
      {create.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {`“${create.data.name}” has been added.`}
        </Alert>
      )}
      <FormError title="Could not add the specialization" message={formSummary(create.error, errors, ['name', 'description'])} />
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate ref={formRef} aria-label="Add a specialization">
        <Group align="flex-start" gap="sm">
          <TextInput label="Name" required maxLength={80} style={{ flex: '1 1 14rem' }} {...fieldProps('name', errors)} />
          <TextInput label="Description (optional)" maxLength={500} style={{ flex: '2 1 18rem' }} {...fieldProps('description', errors)} />
          <Button type="submit" loading={create.isPending} mt={{ base: 0, sm: 25 }}>
            Add specialization
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
