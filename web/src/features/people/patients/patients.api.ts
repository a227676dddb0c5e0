import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { PatientCreateBody, PatientCreated, PatientPatchBody, PatientProfile } from '../types.ts';

export interface PatientFilter {
  q: string;
  /** '' for every patient, 'true' active only, 'false' deactivated only. */
  active: '' | 'true' | 'false';
  cursor?: string | undefined;
}

export const patientKeys = {
  all: ['patients'] as const,
  list: (filter: PatientFilter) => ['patients', 'list', filter] as const,
  one: (id: string) => ['patients', 'one', id] as const,
};

async function fetchPatients({ q, active, cursor }: PatientFilter) {
  const query = {
    limit: 25,
    ...(q ? { q } : {}),
    ...(active ? { active: active === 'true' } : {}),
    ...(cursor ? { cursor } : {}),
  };
  return unwrap(await api.GET('/api/patients', { params: { query } }));
}

export function usePatients(filter: PatientFilter) {
  return useQuery({ queryKey: patientKeys.list(filter), queryFn: () => fetchPatients(filter), placeholderData: keepPreviousData });
}

export function usePatient(id: string) {
  return useQuery({
    queryKey: patientKeys.one(id),
    queryFn: async (): Promise<PatientProfile> => unwrap(await api.GET('/api/patients/{id}', { params: { path: { id } } })),
  });
}

export async function createPatient(body: PatientCreateBody): Promise<PatientCreated> {
  return unwrap(await api.POST('/api/patients', { body }));
}

export async function updatePatient(id: string, body: PatientPatchBody): Promise<PatientProfile> {
  return unwrap(await api.PATCH('/api/patients/{id}', { params: { path: { id } }, body }));
}

export async function deactivatePatient(id: string): Promise<void> {
  unwrap(await api.DELETE('/api/patients/{id}', { params: { path: { id } } }));
}

export async function reactivatePatient(id: string): Promise<void> {
  unwrap(await api.POST('/api/patients/{id}/reactivate', { params: { path: { id } } }));
}

/** Stores a saved profile and marks every patient list stale. */
export async function rememberPatient(profile: PatientProfile): Promise<void> {
  queryClient.setQueryData(patientKeys.one(profile.id), profile);
  await queryClient.invalidateQueries({ queryKey: ['patients', 'list'] });
}

export function refreshPatients(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: patientKeys.all });
}
