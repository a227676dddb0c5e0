import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import type { User, UserPatchBody } from '../types.ts';
import { rememberUser, updateUser } from './users.api.ts';

/** Deactivate or reactivate the account, and lift the sign-in throttling. */
export function UserAccessActions({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const change = useMutation({
    mutationFn: (body: UserPatchBody) => updateUser(user.id, body),
    onSuccess: async (saved) => {
      close();
      await rememberUser(saved);
    },
  });
  const unlock = useMutation({ mutationFn: () => updateUser(user.id, { unlock: true }) });
  const deactivateText = `${user.name} will be signed out everywhere and can no longer sign in.${
    user.role === 'patient' ? ' The patient record is deactivated too.' : ''
  }${user.role === 'doctor' ? ' To take a doctor out of the directory and cancel their appointments, deactivate them on the Doctors page.' : ''}`;

  return (
    <Stack gap="sm" component="section" aria-labelledby="access-heading">
      <Title order={2} size="h3" id="access-heading">
        Access
      </Title>
      {change.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {user.active ? 'The account is active again.' : 'The account has been deactivated.'}
        </Alert>
      )}
      {unlock.isSuccess && (
        <Alert color="green" variant="light" role="status">
          Sign-in is unlocked: the user can try again straight away.
        </Alert>
      )}
      <FormError title="That did not work" message={!confirming && change.error ? errorMessage(change.error) : null} />
      <FormError title="Could not unlock sign-in" message={unlock.error ? errorMessage(unlock.error) : null} />
      <Text>
        {user.active
          ? 'After repeated wrong passwords, sign-in is paused for a while. Unlock lets the user try again now.'
          : 'A deactivated account cannot sign in. Reactivating it lets the user sign in again with their password.'}
      </Text>
      <Group gap="sm">
        {user.active ? (
          <>
            <Button variant="default" onClick={() => unlock.mutate()} loading={unlock.isPending}>
              Unlock sign-in
            </Button>
            <Button color="red.9" variant="outline" onClick={open} disabled={isSelf}>
              Deactivate account
            </Button>
          </>
        ) : (
          <Button onClick={() => change.mutate({ active: true })} loading={change.isPending}>
            Reactivate account
          </Button>
        )}
      </Group>
      {isSelf && <Text size="sm">You cannot deactivate your own account.</Text>}
      <ConfirmDialog
        opened={confirming}
        onClose={() => {
          change.reset();
          close();
        }}
        title="Deactivate this account?"
        confirmLabel="Deactivate account"
        onConfirm={() => change.mutate({ active: false })}
        pending={change.isPending}
        error={change.error}
        danger
      >
        {deactivateText}
      </ConfirmDialog>
    </Stack>
  );
}
