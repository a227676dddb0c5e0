import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { paths } from '../../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type VisitSummary = JsonOf<paths['/api/patients/{id}/consultations']['get']['responses'][200]>['items'][number];

/** The patient's signed visit summaries, newest first, a page at a time. */
export function useVisitSummaries(patientId: string) {
  return useInfiniteQuery({
    queryKey: ['visits', patientId],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/patients/{id}/consultations', { params: { path: { id: patientId }, query: pageParam ? { cursor: pageParam } : {} } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
