import { Alert, Anchor, Badge, Code, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../../../api/types.ts';
import { roleLabels } from '../../app/nav.ts';
import { EditForm } from '../shared/EditForm.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { fieldProps, type FormResult } from '../shared/forms.ts';
import { RecordFromRoute } from '../shared/RecordFromRoute.tsx';
import { RecordHeading } from '../shared/RecordHeading.tsx';
import { Section } from '../shared/Section.tsx';
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

function readNameAndRole(form: Record<string, string>, switchable: boolean): FormResult<UserPatchBody> {
  const { name = '', role = '' } = form;
  if (!name) return { ok: false, errors: { name: 'Enter the full name.' } };
  return { ok: true, values: { name, ...(switchable && isRole(role) ? { role } : {}) } };
}

function NameAndRoleForm({ user }: { user: User }) {
  const switchable = switchableRoles.includes(user.role);
  return (
    <Section id="account" title="Name and role">
      <EditForm
        label="Name and role"
        current={user}
        read={(form) => readNameAndRole(form, switchable)}
        save={(changes) => updateUser(user.id, changes)}
        onSaved={rememberUser}
        fields={['name', 'role']}
        savedTitle={null}
        savedText="Changes saved."
        gap="md"
      >
        {(errors) => (
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
        )}
      </EditForm>
    </Section>
  );
}

function UserView({ user, me }: { user: User; me: SessionUser }) {
  const { state } = useLocation();
  return (
    <Stack gap="lg" maw={860}>
      <RecordHeading back={{ to: '/app/users', label: 'Back to users' }} title={user.name}>
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
      </RecordHeading>
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

/** One user account (/app/users/:id): name, role, access and temporary password. */
export function EditUserPage() {
  return (
    <ForRoles roles={['admin']}>
      {(me) => (
        <RecordFromRoute useRecord={useUser} what="user">
          {(user) => <UserView user={user} me={me} />}
        </RecordFromRoute>
      )}
    </ForRoles>
  );
}
