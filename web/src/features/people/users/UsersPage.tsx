import { Badge, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { roleLabels } from '../../app/nav.ts';
import { DataTable, RowLink, type Column } from '../shared/DataTable.tsx';
import { ForRoles } from '../shared/ForRoles.tsx';
import { formatDate } from '../shared/format.ts';
import { ListHeading } from '../shared/ListHeading.tsx';
import { PagedResults } from '../shared/PagedResults.tsx';
import { SearchBar } from '../shared/SearchBar.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { activeFilter, activeOptions, useListSearchParams } from '../shared/useListSearchParams.ts';
import type { User } from '../types.ts';
import { isRole, roleOptions } from './roles.ts';
import { useUsers } from './users.api.ts';

const statusOptions = activeOptions('Any status');

const columns: Column<User>[] = [
  { header: 'Name', cell: (user) => <RowLink to={`/app/users/${user.id}`}>{user.name}</RowLink> },
  { header: 'Email', cell: (user) => user.email, wrap: true },
  { header: 'Role', cell: (user) => roleLabels[user.role] },
  {
    header: 'Status',
    cell: (user) => (
      <Group gap={4}>
        <StatusBadge active={user.active} />
        {user.mustChangePassword && (
          <Badge variant="light" color="yellow" radius="sm">
            Temporary password
          </Badge>
        )}
      </Group>
    ),
  },
  { header: 'Created', cell: (user) => formatDate(user.createdAt.slice(0, 10)) },
];

function UserList() {
  const { values, update, pages } = useListSearchParams(['q', 'role', 'active']);
  const role = isRole(values.role) ? values.role : '';
  const active = activeFilter(values.active);
  const users = useUsers({ q: values.q, role, active, cursor: pages.cursor });

  return (
    <Stack gap="md" maw={1100}>
      <ListHeading title="Users" action={{ label: 'Create a user', to: '/app/users/new' }} />
      <Text>Everyone who can sign in: staff, doctors and patients.</Text>
      <SearchBar label="Search users" description="Name or email" value={values.q} onSearch={(value) => update('q', value)}>
        <NativeSelect
          label="Role"
          data={[{ value: '', label: 'Any role' }, ...roleOptions]}
          value={role}
          onChange={(event) => update('role', event.currentTarget.value)}
        />
        <NativeSelect label="Status" data={statusOptions} value={active} onChange={(event) => update('active', event.currentTarget.value)} />
      </SearchBar>
      <PagedResults query={users} pages={pages} what="users" empty={{ title: 'No users found', text: 'No user matches this search and these filters.' }}>
        {(items) => <DataTable rows={items} columns={columns} minWidth={640} />}
      </PagedResults>
    </Stack>
  );
}

/** User accounts of every role (/app/users), for administrators. */
export function UsersPage() {
  return <ForRoles roles={['admin']}>{() => <UserList />}</ForRoles>;
}
