import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, errorMessage, fieldErrorMap } from '../../api/problem.ts';
import { FormError } from '../../components/FormError.tsx';
import { errorProps, readForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

async function setPassword(body: { token: string; newPassword: string }) {
  return unwrap(await api.POST('/api/auth/password-reset/confirm', { body }));
}

/** The page a reset link opens: choose a new password; every session of the account ends. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reset = useMutation({
    mutationFn: setPassword,
    onError: (error) => setErrors(error instanceof ApiError ? fieldErrorMap(error.fieldErrors) : {}),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { newPassword = '', confirmPassword = '' } = readForm(event.currentTarget);
    if (newPassword !== confirmPassword) {
      reset.reset();
      setErrors({ confirmPassword: 'The two passwords differ.' });
      return;
    }
    setErrors({});
    reset.mutate({ token, newPassword });
  }

  const invalidLink = !token || (reset.error instanceof ApiError && reset.error.code === 'RESET_TOKEN_INVALID');
  return (
    <Container size={460} py="xl">
      <PageTitle>Choose a new password</PageTitle>
      <Stack gap="md">
        {reset.isSuccess ? (
          <Alert color="green" variant="light" role="status" title="Password changed">
            Your password is changed and every open session was signed out. Log in with the new password.
          </Alert>
        ) : invalidLink ? (
          <Alert color="red" variant="light" role="alert" title="This link does not work">
            The link is invalid, already used or expired.{' '}
            <Anchor component={Link} to="/forgot-password" underline="always">
              Ask for a new link
            </Anchor>
          </Alert>
        ) : (
          <>
            <FormError title="Could not change the password" message={reset.isError ? errorMessage(reset.error) : null} />
            <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
              <Stack gap="md">
                <PasswordInput
                  label="New password"
                  name="newPassword"
                  autoComplete="new-password"
                  description={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. Avoid common passwords and your email address.`}
                  required
                  error={errors.newPassword}
                  errorProps={errorProps}
                />
                <PasswordInput
                  label="Repeat the new password"
                  name="confirmPassword"
                  autoComplete="new-password"
                  required
                  error={errors.confirmPassword}
                  errorProps={errorProps}
                />
                <Button type="submit" loading={reset.isPending}>
                  Set the new password
                </Button>
              </Stack>
            </Paper>
          </>
        )}
        <Anchor component={Link} to="/login" c="care.8" underline="always">
          Go to log in
        </Anchor>
      </Stack>
    </Container>
  );
}
