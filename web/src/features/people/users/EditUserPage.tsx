import { Alert, Anchor, Badge, Button, Code, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { SessionUser } from '../../../api/types.ts';
import { FormError } from '../../../components/FormError.tsx';
import { readForm } from '../../../components/form.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { roleLabels } from '../../app/nav.ts';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formSummary, serverFieldErrors, type FieldErrors } from '../shared/errors.ts';
import { changedFields, fieldProps } from '../shared/forms.ts';
import { QueryState } from '../shared/QueryState.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import type { User, UserPatchBody } from '../types.ts';
import type { CreatedUserState } from './NewUserPage.tsx';
import { isRole, roleOptions, switchableRoles } from './roles.ts';
import { TemporaryPasswordForm } from './TemporaryPasswordForm.tsx';
import { UserAccessActions } from './UserAccessActions.tsx';
import { rememberUser, updateUser, useUser } from './users.api.ts';

function isCreatedState(value: unknown): value is CreatedUserState {
  return typeof value === 'object' && value !== null && (value as { created?: unknown }).created === true;
}

function NameAndRoleForm({ user }: { user: User }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const switchable = switchableRoles.includes(user.role);
  const save = useMutation({
    mutationFn: (body: UserPatchBody) => updateUser(user.id, body),
    onSuccess: rememberUser,
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.reset();
    setUnchanged(false);
    const { name = '', role = '' } = readForm(event.currentTarget);
    if (!name) {
      setErrors({ name: 'Enter the full name.' });
      return;
    }
    setErrors({});
    const body: UserPatchBody = changedFields(user, { name, ...(switchable && isRole(role) ? { role } : {}) });
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    save.mutate(body);
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="account-heading">
      <Title order={2} size="h3" id="account-heading">
        Name and role
      </Title>
      {save.isSuccess && (
        <Alert color="green" variant="light" role="status">
          Changes saved.
        </Alert>
      )}
      {unchanged && (
        <Alert color="gray" variant="light" role="status">
          Nothing has changed, so there was nothing to save.
        </Alert>
      )}
      <FormError title="Could not save the changes" message={formSummary(save.error, errors, ['name', 'role'])} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-label="Name and role">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Full name" required defaultValue={user.name} {...fieldProps('name', errors)} />
            {switchable ? (
              <NativeSelect
                label="Role"
                defaultValue={user.role}
                data={roleOptions.filter((option) => switchableRoles.includes(option.value))}
                {...fieldProps('role', errors)}
              />
            ) : (
              <TextInput
                label="Role"
                value={roleLabels[user.role]}
                readOnly
                description="Fixed: patients and doctors have a profile tied to their role."
              />
            )}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function UserView({ user, me }: { user: User; me: SessionUser }) {
  const { state } = useLocation();
  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/app/users" c="care.8" underline="always" size="sm">
        Back to users
      </Anchor>
      <Stack gap="xs">
        <PageTitle mb={0}>{user.name}</PageTitle>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8">
            {roleLabels[user.role]}
          </Badge>
          <StatusBadge active={user.active} />
          {user.mustChangePassword && (
            <Badge variant="light" color="yellow">
              Must change password
            </Badge>
          )}
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
        </Group>
      </Stack>
      {isCreatedState(state) && (
        <Alert color="green" variant="light" title="User created" role="status">
          {state.temporaryPassword ? (
            <Stack gap={4}>
              <Text>Give the user this temporary password. It is shown only once and must be changed at first sign-in:</Text>
              <Code fz="md" style={{ alignSelf: 'flex-start' }}>
                {state.temporaryPassword}
              </Code>
            </Stack>
          ) : (
            'The user signs in with the temporary password you chose and must change it at first sign-in.'
          )}
        </Alert>
      )}
      {(user.patientId || user.doctorId) && (
        <Text>
          {user.patientId ? (
            <Anchor component={Link} to={`/app/patients/${user.patientId}`} c="care.8" underline="always">
              Open the patient record
            </Anchor>
          ) : (
            <Anchor component={Link} to={`/app/doctors/${user.doctorId ?? ''}`} c="care.8" underline="always">
              Open the doctor’s profile
            </Anchor>
          )}
        </Text>
      )}
      <NameAndRoleForm key={user.id} user={user} />
      <UserAccessActions user={user} isSelf={user.id === me.id} />
      <TemporaryPasswordForm user={user} />
    </Stack>
  );
}

function UserLoader({ me }: { me: SessionUser }) {
  const { id = '' } = useParams();
  const query = useUser(id);
  return (
    <QueryState query={query} what="user">
      {(user) => <UserView user={user} me={me} />}
    </QueryState>
  );
}

/** One user account (/app/users/:id): name, role, access and temporary password. */
export function EditUserPage() {
  return <ForRoles roles={['admin']}>{(me) => <UserLoader me={me} />}</ForRoles>;
}
