import { Alert, Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { queryClient, sessionKey } from '../../../api/queryClient.ts';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { changedFields, fieldProps, todayIn } from '../shared/forms.ts';
import { useHospitalZone } from '../shared/zone.tsx';
import type { PatientPatchBody, PatientProfile } from '../types.ts';
import { patientFields, readPatientForm } from './patientForm.ts';
import { PatientFields } from './PatientFields.tsx';
import { rememberPatient, updatePatient } from './patients.api.ts';

interface PatientEditFormProps {
  patient: PatientProfile;
  /** The patient editing their own profile: no date of birth or gender, and an email change needs the current password. */
  self: boolean;
}

const sameEmail = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export function PatientEditForm({ patient, self }: PatientEditFormProps) {
  const zone = useHospitalZone();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [email, setEmail] = useState(patient.email ?? '');
  const [unchanged, setUnchanged] = useState(false);
  const needsPassword = self && !sameEmail(email.trim(), patient.email);
  const save = useMutation({
    mutationFn: (body: PatientPatchBody) => updatePatient(patient.id, body),
    onSuccess: async (saved) => {
      await rememberPatient(saved);
      if (self) await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readForm(event.currentTarget);
    const result = readPatientForm(form, { withIdentity: !self, emailRequired: self || patient.hasAccount, today: todayIn(zone) });
    save.reset();
    setUnchanged(false);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const { values } = result;
    if (sameEmail(values.email, patient.email)) values.email = patient.email;
    const body: PatientPatchBody = changedFields(patient, values);
    if (needsPassword) {
      if (!form.currentPassword) {
        setErrors({ currentPassword: 'Enter your current password to change your email.' });
        return;
      }
      body.currentPassword = form.currentPassword;
    }
    setErrors({});
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    save.mutate(body);
  }

  return (
    <Stack gap="md">
      {save.isSuccess && (
        <Alert color="green" variant="light" title="Changes saved" role="status">
          {self ? 'Your profile has been updated.' : 'The patient’s details have been updated.'}
        </Alert>
      )}
      {unchanged && (
        <Alert color="gray" variant="light" role="status">
          Nothing has changed, so there was nothing to save.
        </Alert>
      )}
      <FormError title="Could not save the changes" message={formSummary(save.error, errors, patientFields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label={self ? 'Your details' : 'Patient details'}>
        <Stack gap="lg">
          <PatientFields
            errors={errors}
            initial={patient}
            withIdentity={!self}
            emailRequired={self || patient.hasAccount}
            onEmailChange={setEmail}
            afterEmail={
              needsPassword && (
                <PasswordInput
                  label="Current password"
                  description="Changing the email you sign in with needs your current password."
                  autoComplete="current-password"
                  required
                  maw={{ sm: 'calc(50% - var(--mantine-spacing-md) / 2)' }}
                  {...fieldProps('currentPassword', errors)}
                />
              )
            }
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
