import { Alert, Button, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { dateOfBirthProblem, emailProblem, passwordLengthProblem, phoneProblem } from '#shared/rules';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import type { Role } from '../../../api/types.ts';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { genderOptions, isGender } from '../../auth/genders.ts';
import { FormActions } from '../shared/FormActions.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { fieldProps, orNull, todayIn } from '../shared/forms.ts';
import { useHospitalZone } from '../shared/zone.tsx';
import type { UserCreateBody } from '../types.ts';
import { isRole, roleOptions } from './roles.ts';
import { createUser, rememberUser } from './users.api.ts';

const fields = ['role', 'name', 'email', 'password', 'dateOfBirth', 'gender', 'phone', 'address'];

/** Router state left for the new user's page: the generated password is shown there once. */
export interface CreatedUserState {
  created: true;
  temporaryPassword: string | null;
}

function readUserForm(form: Record<string, string>, role: Role, today: string): { body: UserCreateBody | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { name = '', email = '', password = '', dateOfBirth = '', gender = '', phone = '' } = form;
  if (!name) errors.name = 'Enter the full name.';
  else if (name.length > NAME_MAX_LENGTH) errors.name = `Use at most ${NAME_MAX_LENGTH} characters.`;
  if (!email) errors.email = 'Enter the email the user signs in with.';
  else if (emailProblem(email)) errors.email = emailProblem(email) ?? '';
  const passwordProblem = password ? passwordLengthProblem(password) : null;
  if (passwordProblem) errors.password = `${passwordProblem}, or leave it empty`;
  const body: UserCreateBody = { name, email, role, ...(password ? { password } : {}) };
  if (role === 'patient') {
    if (!dateOfBirth) errors.dateOfBirth = 'Enter the date of birth.';
    else if (dateOfBirthProblem(dateOfBirth, today)) errors.dateOfBirth = dateOfBirthProblem(dateOfBirth, today) ?? '';
    if (!isGender(gender)) errors.gender = 'Choose an option.';
    if (!phone) errors.phone = 'Enter a phone number.';
    else if (phoneProblem(phone)) errors.phone = phoneProblem(phone) ?? '';
    const address = orNull(form.address);
    Object.assign(body, { dateOfBirth, phone, ...(isGender(gender) ? { gender } : {}), ...(address ? { address } : {}) });
  }
  return { body: Object.keys(errors).length > 0 ? null : body, errors };
}

function PatientExtraFields({ errors }: { errors: FieldErrors }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Date of birth" type="date" required {...fieldProps('dateOfBirth', errors)} />
        <NativeSelect label="Gender" required defaultValue="" data={[{ value: '', label: 'Choose…', disabled: true }, ...genderOptions]} {...fieldProps('gender', errors)} />
      </SimpleGrid>
      <TextInput label="Phone" type="tel" required {...fieldProps('phone', errors)} />
      <Textarea label="Address (optional)" autosize minRows={2} {...fieldProps('address', errors)} />
    </Stack>
  );
}

function NewUserForm() {
  const navigate = useNavigate();
  const zone = useHospitalZone();
  const [role, setRole] = useState<Role>('receptionist');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: UserCreateBody) => createUser(body),
    onSuccess: async (created) => {
      const { temporaryPassword, ...user } = created;
      await rememberUser(user);
      const state: CreatedUserState = { created: true, temporaryPassword: temporaryPassword ?? null };
      void navigate(`/app/users/${created.id}`, { state });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    const { body, errors: found } = readUserForm(readForm(event.currentTarget), role, todayIn(zone));
    setErrors(found);
    if (body) create.mutate(body);
  }

  return (
    <Stack gap="md" maw={760}>
      <PageTitle mb={0}>Create a user</PageTitle>
      <FormError title="Could not create the user" message={formSummary(create.error, errors, fields)} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="New user">
        <Stack gap="md">
          <NativeSelect
            label="Role"
            required
            value={role}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isRole(value)) setRole(value);
            }}
            data={roleOptions}
            maw={{ sm: 320 }}
            {...fieldProps('role', errors)}
          />
          {role === 'doctor' ? (
            <Alert color="care" variant="light" title="Doctors are added on the Doctors page">
              <Stack gap="sm" align="flex-start">
                <Text>A doctor needs a profile (specialization, phone, fee) as well as a login; both are created together there.</Text>
                <Button component={Link} to="/app/doctors/new">
                  Add a doctor
                </Button>
              </Stack>
            </Alert>
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Full name" required {...fieldProps('name', errors)} />
                <TextInput label="Email" type="email" required {...fieldProps('email', errors)} />
              </SimpleGrid>
              <PasswordInput
                label="Temporary password (optional)"
                description={`Leave empty to generate one. ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; the user must change it at first sign-in.`}
                autoComplete="new-password"
                maw={{ sm: 420 }}
                {...fieldProps('password', errors)}
              />
              {role === 'patient' && <PatientExtraFields errors={errors} />}
              <FormActions submitLabel="Create user" pending={create.isPending} cancelTo="/app/users" />
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

export function NewUserPage() {
  return <ForRoles roles={['admin']}>{() => <NewUserForm />}</ForRoles>;
}
