import { Alert, Anchor, Button, Container, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { FormError } from '../../components/FormError.tsx';
import { readForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

async function askForLink(email: string) {
  return unwrap(await api.POST('/api/auth/password-reset', { body: { email } }));
}

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const request = useMutation({ mutationFn: askForLink });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate(readForm(event.currentTarget).email ?? '');
  }

  return (
    <Container size={460} py="xl">
      <PageTitle>Forgot your password?</PageTitle>
      <Stack gap="md">
        {request.isSuccess ? (
          <Alert color="blue" variant="light" role="status" title="Check your inbox">
            {request.data.message} The link works once, for 30 minutes.
          </Alert>
        ) : (
          <>
            <Text>Enter the email you sign in with. We will send you a link to choose a new password.</Text>
            <FormError title="Could not send the link" message={request.isError ? errorMessage(request.error) : null} />
            <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput label="Email" name="email" type="email" autoComplete="username" required />
                <Button type="submit" loading={request.isPending}>
                  Send the link
                </Button>
              </Stack>
            </Paper>
          </>
        )}
        <Anchor component={Link} to="/login" c="care.8" underline="always">
          Back to log in
        </Anchor>
      </Stack>
    </Container>
  );
}
