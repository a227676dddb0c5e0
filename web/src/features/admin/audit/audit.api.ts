import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { paths } from '../../../api/schema.gen.ts';
import type { AuditApiFilters } from './auditFilters.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type AuditPage = JsonOf<paths['/api/audit']['get']['responses'][200]>;
export type AuditEntry = AuditPage['items'][number];
export type ChainReport = JsonOf<paths['/api/audit/verify']['get']['responses'][200]>;
export type UserSummary = JsonOf<paths['/api/users/{id}']['get']['responses'][200]>;

const PAGE_SIZE = 50;

/** The audit log, newest first, page after page ("Load more") over the cursor. */
export function useAuditPages(filters: AuditApiFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/audit', { params: { query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Walks the audit hash chain on the server. */
export function useVerifyChain() {
  return useMutation({ mutationFn: async (): Promise<ChainReport> => unwrap(await api.GET('/api/audit/verify')) });
}

/** Users whose name or email matches the words (the first ones by name when there are none). */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: ['users', 'list', { q, limit: 20 }],
    queryFn: async () => unwrap(await api.GET('/api/users', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useUserById(id: string) {
  return useQuery({
    queryKey: ['users', 'one', id],
    queryFn: async (): Promise<UserSummary> => unwrap(await api.GET('/api/users/{id}', { params: { path: { id } } })),
    enabled: id !== '',
    retry: false,
  });
}
