import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { fieldProps } from '../shared/forms.ts';
import type { User } from '../types.ts';
import { rememberUser, updateUser } from './users.api.ts';

/** Sets a temporary password: the user's sessions end and they must choose a new password at sign-in. */
export function TemporaryPasswordForm({ user }: { user: User }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (temporaryPassword: string) => updateUser(user.id, { temporaryPassword }),
    onSuccess: async (saved) => {
      formRef.current?.reset();
      await rememberUser(saved);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    const password = readForm(event.currentTarget).temporaryPassword ?? '';
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
      setErrors({ temporaryPassword: `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.` });
      return;
    }
    setErrors({});
    save.mutate(password);
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h3" id="password-heading">
        Temporary password
      </Title>
      <Text>For a user who has forgotten their password. They are signed out everywhere and must choose a new password at next sign-in.</Text>
      {save.isSuccess && (
        <Alert color="green" variant="light" role="status">
          Temporary password set. Give it to the user in person.
        </Alert>
      )}
      <FormError title="Could not set the password" message={formSummary(save.error, errors, ['temporaryPassword'])} />
      <form onSubmit={submit} noValidate ref={formRef} aria-label="Set a temporary password">
        <Group align="flex-end" gap="sm">
          <PasswordInput
            label="New temporary password"
            autoComplete="new-password"
            required
            style={{ flex: '1 1 16rem' }}
            maw={420}
            {...fieldProps('temporaryPassword', errors)}
          />
          <Button type="submit" loading={save.isPending}>
            Set temporary password
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
