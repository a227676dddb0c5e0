import { Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { fieldProps } from '../shared/forms.ts';
import type { DoctorCreateBody } from '../types.ts';
import { DoctorAdminFields } from './DoctorAdminFields.tsx';
import { doctorFields, readDoctorForm, toCreateBody } from './doctorForm.ts';
import { createDoctor, refreshDoctors } from './doctors.api.ts';

function NewDoctorForm() {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: DoctorCreateBody) => createDoctor(body),
    onSuccess: async (doctor) => {
      await refreshDoctors();
      void navigate(`/app/doctors/${doctor.id}`, { state: { created: true } });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const form = readForm(event.currentTarget);
    const result = readDoctorForm(form);
    const password = form.password ?? '';
    const found: FieldErrors = result.ok ? {} : { ...result.errors };
    if (password.length < PASSWORD_MIN_LENGTH) found.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    else if (password.length > PASSWORD_MAX_LENGTH) found.password = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
    setErrors(found);
    if (!result.ok || Object.keys(found).length > 0) return;
    create.mutate(toCreateBody(result.values, password));
  }

  return (
    <Stack gap="md" maw={860}>
      <PageTitle mb={0}>Add a doctor</PageTitle>
      <Text>The doctor gets a login with the temporary password you choose, and must change it at first sign-in.</Text>
      <FormError title="Could not add the doctor" message={formSummary(create.error, errors, doctorFields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="New doctor">
        <Stack gap="lg">
          <DoctorAdminFields errors={errors} />
          <PasswordInput
            label="Temporary password"
            description={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; give it to the doctor in person.`}
            autoComplete="new-password"
            required
            maw={{ sm: 420 }}
            {...fieldProps('password', errors)}
          />
          <FormActions submitLabel="Add doctor" pending={create.isPending} cancelTo="/app/doctors" />
        </Stack>
      </Paper>
    </Stack>
  );
}

export function NewDoctorPage() {
  return <ForRoles roles={['admin']}>{() => <NewDoctorForm />}</ForRoles>;
}
