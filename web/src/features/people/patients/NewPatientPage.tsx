import { Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { todayIn } from '../shared/forms.ts';
import { useHospitalZone } from '../shared/zone.tsx';
import type { PatientCreateBody } from '../types.ts';
import { patientFields, readPatientForm, toCreateBody } from './patientForm.ts';
import { PatientFields } from './PatientFields.tsx';
import { createPatient, refreshPatients } from './patients.api.ts';
import type { CreatedPatientState } from './PatientPage.tsx';

function NewPatientForm() {
  const navigate = useNavigate();
  const zone = useHospitalZone();
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: PatientCreateBody) => createPatient(body),
    onSuccess: async (created) => {
      await refreshPatients();
      const state: CreatedPatientState = { created: true, account: created.account ?? null };
      void navigate(`/app/patients/${created.id}`, { state });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readForm(event.currentTarget);
    const createAccount = form.createAccount === 'yes';
    const result = readPatientForm(form, { withIdentity: true, emailRequired: createAccount, today: todayIn(zone) });
    create.reset();
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const body = toCreateBody(result.values, createAccount);
    if (!body) return;
    setErrors({});
    create.mutate(body);
  }

  return (
    <Stack gap="md" maw={760}>
      <PageTitle mb={0}>Register a patient</PageTitle>
      <Text>
        Register a walk-in patient. Only the name, date of birth, gender and phone are needed; an email lets the patient sign in later.
      </Text>
      <FormError title="Could not register the patient" message={formSummary(create.error, errors, patientFields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="New patient">
        <Stack gap="lg">
          <PatientFields errors={errors} withIdentity />
          <Checkbox
            label="Give the patient a login now"
            description="Needs an email. A temporary password is shown once, to hand to the patient."
            value="yes"
            name="createAccount"
            error={errors.createAccount}
          />
          <FormActions submitLabel="Register patient" pending={create.isPending} cancelTo="/app/patients" />
        </Stack>
      </Paper>
    </Stack>
  );
}

export function NewPatientPage() {
  return <ForRoles roles={['admin', 'receptionist']}>{() => <NewPatientForm />}</ForRoles>;
}
