import {
  Alert,
  Anchor,
  Button,
  Container,
  NativeSelect,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, errorMessage, fieldErrorMap } from '../../api/problem.ts';
import { rememberSession, useSession } from '../../api/session.ts';
import type { RegisterBody } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { errorProps, readForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useHospital } from '../../api/hospital.ts';
import { todayIn } from '../people/shared/forms.ts';
import { genderOptions } from './genders.ts';
import { isBookingNext, safeNext, withNext } from './safeNext.ts';
import { validateRegistration } from './validateRegistration.ts';

async function register(body: RegisterBody) {
  return unwrap(await api.POST('/api/auth/register', { body }));
}

const fields = ['name', 'email', 'password', 'dateOfBirth', 'gender', 'phone', 'address'];

function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'EMAIL_TAKEN') return { email: error.message };
  return fieldErrorMap(error.fieldErrors);
}

export function RegisterPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const hospital = useHospital();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<string | null>(null);
  const next = params.get('next');
  const destination = safeNext(next) ?? '/app';
  const registration = useMutation({
    mutationFn: register,
    onSuccess: (data) => {
      // 202: the address already has an account; the server emailed its owner and says only "check your inbox".
      if (!('csrfToken' in data)) {
        setPending(data.message);
        return;
      }
      rememberSession(data);
      void navigate(destination, { replace: true });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  if (session.data && !registration.isPending) return <Navigate to={destination} replace />;
  if (pending) {
    return (
      <Container size={640} py="xl">
        <PageTitle>Register as a patient</PageTitle>
        <Alert color="blue" variant="light" role="status" title="Check your inbox">
          {pending}
        </Alert>
      </Container>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const today = todayIn(hospital.data?.timeZone ?? 'UTC');
    const result = validateRegistration(readForm(event.currentTarget), today);
    if (!result.ok) {
      registration.reset();
      setErrors(result.errors);
      return;
    }
    setErrors({});
    registration.mutate(result.body);
  }

  const otherErrors = Object.entries(errors)
    .filter(([field]) => !fields.includes(field))
    .map(([, message]) => message);
  const formMessage = registration.isError
    ? [errorMessage(registration.error), ...otherErrors].join(' ')
    : Object.keys(errors).length > 0
      ? 'Please correct the fields marked below.'
      : null;

  return (
    <Container size={640} py="xl">
      <PageTitle>Register as a patient</PageTitle>
      <Stack gap="md">
        <Text>
          {isBookingNext(next)
            ? 'Create an account to book your appointment. You will come straight back to it.'
            : 'Create an account to book appointments and see your medical history.'}
        </Text>
        <FormError title="Could not create your account" message={formMessage} />
        <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput label="Full name" name="name" autoComplete="name" required error={errors.name} errorProps={errorProps} />
            <TextInput label="Email" name="email" type="email" autoComplete="email" required error={errors.email} errorProps={errorProps} />
            <PasswordInput
              label="Password"
              name="password"
              autoComplete="new-password"
              description={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. Avoid common passwords and your email address.`}
              required
              error={errors.password}
            aria-invalid={errors.password ? true : undefined}
              errorProps={errorProps}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Date of birth" name="dateOfBirth" type="date" required error={errors.dateOfBirth} errorProps={errorProps} />
              <NativeSelect
                label="Gender"
                name="gender"
                required
                defaultValue=""
                data={[{ value: '', label: 'Choose…', disabled: true }, ...genderOptions]}
                error={errors.gender}
                errorProps={errorProps}
              />
            </SimpleGrid>
            <TextInput label="Phone" name="phone" type="tel" autoComplete="tel" required error={errors.phone} errorProps={errorProps} />
            <Textarea label="Address (optional)" name="address" autoComplete="street-address" autosize minRows={2} error={errors.address} errorProps={errorProps} />
            <Button type="submit" loading={registration.isPending}>
              Create account
            </Button>
          </Stack>
        </Paper>
        <Text>
          Already registered?{' '}
          <Anchor component={Link} to={withNext('/login', next)} c="care.8" underline="always">
            Log in
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
