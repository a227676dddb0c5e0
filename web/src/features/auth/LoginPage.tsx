import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { rememberSession, useSession } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { readForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { isBookingNext, safeNext, withNext } from './safeNext.ts';
import { SecondFactorForm } from './SecondFactorForm.tsx';

async function logIn(body: { email: string; password: string }) {
  return unwrap(await api.POST('/api/auth/login', { body }));
}

export function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const next = params.get('next');
  const destination = safeNext(next) ?? '/app';
  const [secondFactor, setSecondFactor] = useState(false);
  const signedIn = (data: Session) => {
    rememberSession(data);
    void navigate(destination, { replace: true });
  };
  const login = useMutation({
    mutationFn: logIn,
    onSuccess: (data) => {
      if ('mfaRequired' in data) setSecondFactor(true);
      else signedIn(data);
    },
  });

  if (session.data && !login.isPending) return <Navigate to={destination} replace />;
  if (secondFactor) {
    return (
      <Container size={460} py="xl">
        <PageTitle>Two-step verification</PageTitle>
        <SecondFactorForm onSignedIn={signedIn} />
      </Container>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email = '', password = '' } = readForm(event.currentTarget);
    login.mutate({ email, password });
  }

  return (
    <Container size={460} py="xl">
      <PageTitle>Log in</PageTitle>
      <Stack gap="md">
        {isBookingNext(next) && <Text fw={600}>Log in or register to book your appointment.</Text>}
        {params.get('expired') === '1' && !login.isError && (
          <Alert color="yellow" variant="light" role="status" title="Signed out">
            Your session has expired. Please log in again.
          </Alert>
        )}
        {params.get('idle') === '1' && !login.isError && (
          <Alert color="yellow" variant="light" role="status" title="Signed out">
            You were signed out after a period without activity. Please log in again.
          </Alert>
        )}
        <FormError title="Could not log in" message={login.isError ? errorMessage(login.error) : null} />
        <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput label="Email" name="email" type="email" autoComplete="username" required />
            <PasswordInput label="Password" name="password" autoComplete="current-password" required />
            <Anchor component={Link} to="/forgot-password" c="care.8" underline="always" size="sm">
              Forgot password?
            </Anchor>
            <Button type="submit" loading={login.isPending}>
              Log in
            </Button>
          </Stack>
        </Paper>
        <Text>
          New patient?{' '}
          <Anchor component={Link} to={withNext('/register', next)} c="care.8" underline="always">
            Register as a patient
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
