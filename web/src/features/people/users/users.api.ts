import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { Role } from '../../../api/types.ts';
import type { User, UserCreateBody, UserCreated, UserPatchBody } from '../types.ts';

export interface UserFilter {
  q: string;
  role: Role | '';
  active: '' | 'true' | 'false';
  cursor?: string | undefined;
}

export const userKeys = {
  all: ['users'] as const,
  list: (filter: UserFilter) => ['users', 'list', filter] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

async function fetchUsers({ q, role, active, cursor }: UserFilter) {
  const query = {
    limit: 25,
    ...(q ? { q } : {}),
    ...(role ? { role } : {}),
    ...(active ? { active: active === 'true' } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return unwrap(await api.GET('/api/users', { params: { query } }));
}

export function useUsers(filter: UserFilter) {
  return useQuery({ queryKey: userKeys.list(filter), queryFn: () => fetchUsers(filter), placeholderData: keepPreviousData });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.one(id),
    queryFn: async (): Promise<User> => unwrap(await api.GET('/api/users/{id}', { params: { path: { id } } })),
  });
}

export async function createUser(body: UserCreateBody): Promise<UserCreated> {
  return unwrap(await api.POST('/api/users', { body }));
}

export async function updateUser(id: string, body: UserPatchBody): Promise<User> {
  return unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

/** Stores a changed user and marks the lists stale. */
export async function rememberUser(user: User): Promise<void> {
  queryClient.setQueryData(userKeys.one(user.id), user);
  await queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
}
