import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/problem.ts';
import { FormError } from '../../../components/FormError.tsx';
import { DeactivateButton } from '../shared/DeactivateButton.tsx';
import { Section } from '../shared/Section.tsx';
import type { User } from '../types.ts';
import { rememberUser, updateUser } from './users.api.ts';

/** Deactivate or reactivate the account, and lift the sign-in throttling. */
export function UserAccessActions({ user, isSelf }: { user: User; isSelf: boolean }) {
  const [deactivated, setDeactivated] = useState(false);
  const reactivate = useMutation({ mutationFn: () => updateUser(user.id, { active: true }), onSuccess: rememberUser });
  const unlock = useMutation({ mutationFn: () => updateUser(user.id, { unlock: true }) });
  const deactivateText = `${user.name} will be signed out everywhere and can no longer sign in.${
    user.role === 'patient' ? ' The patient record is deactivated too.' : ''
  }`;
  // A doctor's login is switched off and on with the doctor, on the doctor's page (which also cancels appointments).
  const switchable = user.doctorId === undefined;

  return (
    <Section id="access" title="Access">
      {reactivate.isSuccess && user.active && (
        <Alert color="green" variant="light" role="status">
          The account is active again.
        </Alert>
      )}
      {deactivated && !user.active && (
        <Alert color="green" variant="light" role="status">
          The account has been deactivated.
        </Alert>
      )}
      {unlock.isSuccess && (
        <Alert color="green" variant="light" role="status">
          Sign-in is unlocked: the user can try again straight away.
        </Alert>
      )}
      <FormError title="That did not work" message={reactivate.error ? errorMessage(reactivate.error) : null} />
      <FormError title="Could not unlock sign-in" message={unlock.error ? errorMessage(unlock.error) : null} />
      <Text>
        {user.active
          ? 'After repeated wrong passwords, sign-in is paused for a while. Unlock lets the user try again now.'
          : 'A deactivated account cannot sign in. Reactivating it lets the user sign in again with their password.'}
      </Text>
      {!switchable && <Text>A doctor’s account is deactivated and reactivated with the doctor, on the doctor’s profile page.</Text>}
      <Group gap="sm">
        {user.active && (
          <Button variant="default" onClick={() => unlock.mutate()} loading={unlock.isPending}>
            Unlock sign-in
          </Button>
        )}
        {switchable && user.active && (
          <DeactivateButton
            noun="account"
            consequence={deactivateText}
            deactivate={() => updateUser(user.id, { active: false })}
            onDeactivated={async (saved) => {
              setDeactivated(true);
              await rememberUser(saved);
            }}
            disabled={isSelf}
          />
        )}
        {switchable && !user.active && (
          <Button onClick={() => reactivate.mutate()} loading={reactivate.isPending}>
            Reactivate account
          </Button>
        )}
      </Group>
      {isSelf && <Text size="sm">You cannot deactivate your own account.</Text>}
    </Section>
  );
}
