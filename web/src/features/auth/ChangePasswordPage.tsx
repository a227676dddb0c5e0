import { Alert, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, errorMessage, fieldErrorMap } from '../../api/problem.ts';
import { queryClient, sessionKey } from '../../api/queryClient.ts';
import { FormError } from '../../components/FormError.tsx';
import { errorProps, readForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCurrentUser } from '../app/useCurrentUser.ts';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

async function changePassword(body: PasswordChange) {
  unwrap(await api.POST('/api/auth/password', { body }));
}

function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? fieldErrorMap(error.fieldErrors) : {};
}

function validate(values: Record<string, string>): Record<string, string> {
  const { currentPassword = '', newPassword = '', confirmPassword = '' } = values;
  const errors: Record<string, string> = {};
  if (!currentPassword) errors.currentPassword = 'Enter your current password.';
  if (newPassword.length < PASSWORD_MIN_LENGTH) errors.newPassword = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  else if (newPassword.length > PASSWORD_MAX_LENGTH) errors.newPassword = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (confirmPassword !== newPassword) errors.confirmPassword = 'The two new passwords do not match.';
  return errors;
}

export function ChangePasswordPage() {
  const user = useCurrentUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      formRef.current?.reset();
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      change.reset();
      return;
    }
    change.mutate({ currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
  }

  return (
    <Stack gap="md" maw={520}>
      <PageTitle mb={0}>Change password</PageTitle>
      <Text>After the change, you stay signed in here and every other session is signed out.</Text>
      {user.mustChangePassword && !change.isSuccess && (
        <Alert color="yellow" variant="light" title="Temporary password" role="status">
          You signed in with a temporary password. Choose a new password to continue.
        </Alert>
      )}
      {change.isSuccess && (
        <Alert color="green" variant="light" title="Password changed" role="status">
          Your password has been changed. Other sessions have been signed out.
        </Alert>
      )}
      <FormError title="Could not change your password" message={change.isError ? errorMessage(change.error) : null} />
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate ref={formRef}>
        <Stack gap="md">
          <PasswordInput label="Current password" name="currentPassword" autoComplete="current-password" required error={errors.currentPassword}
            aria-invalid={errors.currentPassword ? true : undefined} errorProps={errorProps} />
          <PasswordInput
            label="New password"
            name="newPassword"
            autoComplete="new-password"
            description={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. Avoid common passwords and your email address.`}
            required
            error={errors.newPassword}
            aria-invalid={errors.newPassword ? true : undefined}
            errorProps={errorProps}
          />
          <PasswordInput label="Repeat the new password" name="confirmPassword" autoComplete="new-password" required error={errors.confirmPassword}
            aria-invalid={errors.confirmPassword ? true : undefined} errorProps={errorProps} />
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
