import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { Specialization, SpecializationCreateBody, SpecializationPatchBody } from '../types.ts';

export const specializationKeys = {
  all: ['specializations'] as const,
  list: (includeRetired: boolean) => ['specializations', { includeRetired }] as const,
};

async function fetchSpecializations(includeRetired: boolean): Promise<Specialization[]> {
  const query = includeRetired ? { all: true } : {};
  return unwrap(await api.GET('/api/specializations', { params: { query } }));
}

/** Active specializations (for filters and pickers); administrators may include retired ones. */
export function useSpecializations(includeRetired = false) {
  return useQuery({
    queryKey: specializationKeys.list(includeRetired),
    queryFn: () => fetchSpecializations(includeRetired),
    staleTime: 5 * 60_000,
  });
}

export async function createSpecialization(body: SpecializationCreateBody): Promise<Specialization> {
  return unwrap(await api.POST('/api/specializations', { body }));
}

export async function updateSpecialization(id: string, body: SpecializationPatchBody): Promise<Specialization> {
  return unwrap(await api.PATCH('/api/specializations/{id}', { params: { path: { id } }, body }));
}

export function refreshSpecializations(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: specializationKeys.all });
}
