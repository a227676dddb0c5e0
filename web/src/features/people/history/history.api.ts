import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { HistoryCreateBody, HistoryEntry, HistoryPatchBody } from '../types.ts';

export const historyKeys = {
  patient: (patientId: string) => ['history', patientId] as const,
  versions: (patientId: string, entryId: string, version: number) => ['history', patientId, 'versions', entryId, version] as const,
};

/** A patient's history, newest first, a page at a time ("Show more entries"). */
export function useHistory(patientId: string) {
  return useInfiniteQuery({
    queryKey: historyKeys.patient(patientId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const query = pageParam ? { cursor: pageParam } : {};
      return unwrap(await api.GET('/api/patients/{id}/history', { params: { path: { id: patientId }, query } }));
    },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Earlier versions of one entry (clinicians only); loaded when the disclosure opens. */
export function useEntryVersions(patientId: string, entry: HistoryEntry, enabled: boolean) {
  return useQuery({
    queryKey: historyKeys.versions(patientId, entry.id, entry.version),
    enabled,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/patients/{id}/history/{entryId}/versions', {
          params: { path: { id: patientId, entryId: entry.id }, query: { limit: 200 } },
        }),
      ),
  });
}

export async function addEntry(patientId: string, body: HistoryCreateBody): Promise<HistoryEntry> {
  return unwrap(await api.POST('/api/patients/{id}/history', { params: { path: { id: patientId } }, body }));
}

export async function changeEntry(patientId: string, entryId: string, body: HistoryPatchBody): Promise<HistoryEntry> {
  return unwrap(await api.PATCH('/api/patients/{id}/history/{entryId}', { params: { path: { id: patientId, entryId } }, body }));
}

export function refreshHistory(patientId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: historyKeys.patient(patientId) });
}
