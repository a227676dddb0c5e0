import { Alert, Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { roleLabels } from '../../app/nav.ts';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formatDate } from '../shared/format.ts';
import { Pager } from '../shared/Pager.tsx';
import { QueryState } from '../shared/QueryState.tsx';
import { SearchBar } from '../shared/SearchBar.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { useCursorPages } from '../shared/useCursorPages.ts';
import type { User } from '../types.ts';
import { isRole, roleOptions } from './roles.ts';
import { useUsers, type UserFilter } from './users.api.ts';

const statusOptions = [
  { value: '', label: 'Any status' },
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Deactivated' },
];

function UserTable({ users }: { users: User[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Email</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/app/users/${user.id}`} c="care.8" fw={600} underline="always">
                  {user.name}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
              <Table.Td>{roleLabels[user.role]}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge active={user.active} />
                  {user.mustChangePassword && (
                    <Badge variant="light" color="yellow" radius="sm">
                      Temporary password
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{formatDate(user.createdAt.slice(0, 10))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserList() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role: UserFilter['role'] = isRole(roleParam) ? roleParam : '';
  const activeParam = params.get('active');
  const active: UserFilter['active'] = activeParam === 'true' || activeParam === 'false' ? activeParam : '';
  const pages = useCursorPages(`${q}|${role}|${active}`);
  const users = useUsers({ q, role, active, cursor: pages.cursor });
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <PageTitle mb={0}>Users</PageTitle>
        <Button component={Link} to="/app/users/new">
          Create a user
        </Button>
      </Group>
      <Text>Everyone who can sign in: staff, doctors and patients.</Text>
      <SearchBar label="Search users" description="Name or email" value={q} onSearch={(value) => update('q', value)}>
        <NativeSelect
          label="Role"
          data={[{ value: '', label: 'Any role' }, ...roleOptions]}
          value={role}
          onChange={(event) => update('role', event.currentTarget.value)}
        />
        <NativeSelect label="Status" data={statusOptions} value={active} onChange={(event) => update('active', event.currentTarget.value)} />
      </SearchBar>
      <QueryState query={users} what="users">
        {(page) => (
          <Stack gap="md" aria-busy={users.isPlaceholderData}>
            {page.items.length === 0 ? (
              <Alert color="gray" variant="light" title="No users found">
                No user matches this search and these filters.
              </Alert>
            ) : (
              <UserTable users={page.items} />
            )}
            <Pager
              pageNumber={pages.pageNumber}
              hasPrevious={pages.hasPrevious}
              nextCursor={page.nextCursor}
              onPrevious={pages.previous}
              onNext={pages.next}
              busy={users.isPlaceholderData}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** User accounts of every role (/app/users), for administrators. */
export function UsersPage() {
  return <ForRoles roles={['admin']}>{() => <UserList />}</ForRoles>;
}
