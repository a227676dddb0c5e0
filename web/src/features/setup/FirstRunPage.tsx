import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#shared/limits';
import { FormError } from '../../components/FormError.tsx';
import { readForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../people/shared/errors.ts';
import { fieldProps } from '../people/shared/forms.ts';
import { readFirstRunForm, tokenFromHash } from './firstRunForm.ts';
import { createFirstAdmin, setupKey, useSetupState } from './setup.api.ts';

const fields = ['token', 'name', 'email', 'password'] as const;

/** The first-run screen: creates the hospital's first administrator with the one-time token from the server log. */
export function FirstRunPage() {
  const queryClient = useQueryClient();
  const setup = useSetupState();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<string | null>(null);
  const token = tokenFromHash(window.location.hash);
  const create = useMutation({
    mutationFn: createFirstAdmin,
    onSuccess: (admin) => {
      setCreated(admin.email);
      // The token is spent: drop it from the address bar and history.
      window.history.replaceState(null, '', window.location.pathname);
      void queryClient.invalidateQueries({ queryKey: setupKey });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = readFirstRunForm(readForm(event.currentTarget));
    if (!result.ok) {
      create.reset();
      setErrors(result.errors);
      return;
    }
    setErrors({});
    create.mutate(result.values);
  }

  if (created) {
    return (
      <Container size={560} py="xl">
        <PageTitle>HMS is ready</PageTitle>
        <Alert color="green" title="Administrator created" role="status">
          <Text>
            {created} is the hospital's first administrator.{' '}
            <Anchor component={Link} to="/login" c="care.8" underline="always">Log in</Anchor> to set up the hospital, its doctors and staff.
          </Text>
        </Alert>
      </Container>
    );
  }

  if (setup.data?.administratorNeeded === false) {
    return (
      <Container size={560} py="xl">
        <PageTitle>HMS is set up</PageTitle>
        <Text>
          This hospital already has an administrator.{' '}
          <Anchor component={Link} to="/login" c="care.8" underline="always">Log in</Anchor>, or ask an administrator for an account.
        </Text>
      </Container>
    );
  }

  return (
    <Container size={560} py="xl">
      <PageTitle>Set up HMS</PageTitle>
      <Stack gap="md">
        <Text>
          Nobody can sign in yet. Create the first administrator here with the setup token that HMS printed in its log at
          start-up (it works once, within an hour; restart HMS for a new one). You can also run{' '}
          <code>npx hms create-admin --email you@example.org</code> on the server instead.
        </Text>
        <FormError title="Could not create the administrator" message={formSummary(create.error, errors, fields)} />
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="First administrator">
          <Stack gap="md">
            <TextInput label="Setup token" autoComplete="off" required defaultValue={token} {...fieldProps('token', errors)} />
            <TextInput label="Full name" autoComplete="name" required {...fieldProps('name', errors)} />
            <TextInput label="Email" type="email" autoComplete="email" required {...fieldProps('email', errors)} />
            <PasswordInput
              label="Password"
              autoComplete="new-password"
              description={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. Avoid common passwords and your email address.`}
              required
              {...fieldProps('password', errors)}
            />
            <Button type="submit" loading={create.isPending}>Create administrator</Button>
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
