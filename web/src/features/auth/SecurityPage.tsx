import { Alert, Anchor, Button, Code, Container, Image, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { sessionKey } from '../../api/queryClient.ts';
import { useSession } from '../../api/session.ts';
import { errorMessage } from '../../api/problem.ts';
import { FormError } from '../../components/FormError.tsx';
import { readForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

const statusKey = ['auth', 'mfa'] as const;

/** Two-step verification: set up an authenticator app and keep the recovery codes. */
export function SecurityPage() {
  const queryClient = useQueryClient();
  const required = useSession().data?.user.mustEnrolSecondFactor === true;
  const status = useQuery({ queryKey: statusKey, queryFn: async () => unwrap(await api.GET('/api/auth/mfa')) });
  const enrol = useMutation({ mutationFn: async () => unwrap(await api.POST('/api/auth/mfa/totp/enrol')) });
  const confirm = useMutation({
    mutationFn: async (code: string) => unwrap(await api.POST('/api/auth/mfa/totp/confirm', { body: { code } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: statusKey });
      await queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate((readForm(event.currentTarget).code ?? '').replace(/\s+/g, ''));
  }

  return (
    <Container size={640} py="md">
      <PageTitle>Two-step verification</PageTitle>
      <Stack gap="md">
        {required && (
          <Alert color="yellow" variant="light" role="status" title="Two-step verification is required">
            The hospital requires two-step verification for staff. Set it up to continue using HMS.
          </Alert>
        )}
        {confirm.isSuccess ? (
          <Alert color="green" variant="light" role="status" title="Two-step verification is on">
            <Text>Keep these recovery codes somewhere safe. Each works once, if you lose your phone. They are shown only now.</Text>
            <List spacing={4} mt="sm">
              {confirm.data.recoveryCodes.map((code) => (
                <List.Item key={code}>
                  <Code>{code}</Code>
                </List.Item>
              ))}
            </List>
            <Anchor component={Link} to="/app" c="care.8" underline="always" mt="sm" display="inline-block">
              Continue to HMS
            </Anchor>
          </Alert>
        ) : status.data?.totp ? (
          <Alert color="green" variant="light" title="Two-step verification is on">
            An authenticator app is set up. Recovery codes left: {status.data.recoveryCodesLeft}. If you lose the app, ask an administrator to reset it.
          </Alert>
        ) : enrol.data ? (
          <Paper withBorder p="lg">
            <Stack gap="md">
              <Title order={2} size="h4">Scan the code with your authenticator app</Title>
              <Image src={enrol.data.qrDataUrl} alt="QR code for your authenticator app" w={240} h={240} />
              <Text>
                Or type this key into the app: <Code data-testid="totp-secret">{enrol.data.secret}</Code>
              </Text>
              <FormError title="Could not turn it on" message={confirm.isError ? errorMessage(confirm.error) : null} />
              <form onSubmit={submit} noValidate>
                <Stack gap="md">
                  <TextInput label="Code from the app" name="code" autoComplete="one-time-code" inputMode="numeric" required />
                  <Button type="submit" loading={confirm.isPending}>
                    Turn on two-step verification
                  </Button>
                </Stack>
              </form>
            </Stack>
          </Paper>
        ) : (
          <>
            <Text>Sign in with your password and a code from an authenticator app on your phone, so that a stolen password alone is not enough.</Text>
            <FormError title="Could not start" message={enrol.isError ? errorMessage(enrol.error) : null} />
            <Button onClick={() => enrol.mutate()} loading={enrol.isPending} disabled={status.isPending} w="fit-content">
              Set up an authenticator app
            </Button>
          </>
        )}
      </Stack>
    </Container>
  );
}
