import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import type { Session } from '../../api/types.ts';
import { FormError } from '../../components/FormError.tsx';
import { readForm } from '../../components/form.ts';

async function verify(body: { code?: string; recoveryCode?: string }) {
  return unwrap(await api.POST('/api/auth/mfa/verify', { body }));
}

/** The second step of a sign-in: a code of the authenticator app, or one of the recovery codes. */
export function SecondFactorForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const check = useMutation({ mutationFn: verify, onSuccess: onSignedIn });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { code = '' } = readForm(event.currentTarget);
    check.mutate(useRecovery ? { recoveryCode: code.trim() } : { code: code.replace(/\s+/g, '') });
  }

  return (
    <Stack gap="md">
      <Text>{useRecovery ? 'Enter one of your recovery codes. Each works once.' : 'Enter the 6-digit code your authenticator app shows.'}</Text>
      <FormError title="Could not sign in" message={check.isError ? errorMessage(check.error) : null} />
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            key={useRecovery ? 'recovery' : 'totp'}
            label={useRecovery ? 'Recovery code' : 'Authentication code'}
            name="code"
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            required
            autoFocus
          />
          <Button type="submit" loading={check.isPending}>
            Verify
          </Button>
        </Stack>
      </Paper>
      <Anchor component="button" type="button" c="care.8" underline="always" onClick={() => setUseRecovery((value) => !value)}>
        {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
      </Anchor>
    </Stack>
  );
}
