import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { DoctorCreateBody, DoctorPatchBody, DoctorProfile, PublicDoctor } from '../types.ts';

export interface DirectoryFilter {
  q: string;
  specialization: string;
  cursor?: string | undefined;
}

export const doctorKeys = {
  all: ['doctors'] as const,
  directory: (filter: DirectoryFilter) => ['doctors', 'directory', filter] as const,
  public: (id: string) => ['doctors', 'public', id] as const,
  full: (id: string) => ['doctors', 'full', id] as const,
};

async function fetchDirectory({ q, specialization, cursor }: DirectoryFilter) {
  const query = { limit: 24, ...(q ? { q } : {}), ...(specialization ? { specialization } : {}), ...(cursor ? { cursor } : {}) };
  return unwrap(await api.GET('/api/doctors', { params: { query } }));
}

/** One page of the public directory (active doctors). */
export function useDirectory(filter: DirectoryFilter) {
  return useQuery({ queryKey: doctorKeys.directory(filter), queryFn: () => fetchDirectory(filter), placeholderData: keepPreviousData });
}

export function usePublicDoctor(id: string) {
  return useQuery({
    queryKey: doctorKeys.public(id),
    queryFn: async (): Promise<PublicDoctor> => unwrap(await api.GET('/api/doctors/{id}', { params: { path: { id } } })),
  });
}

/** The full profile: administrators, and the doctor themself. */
export function useDoctorProfile(id: string) {
  return useQuery({
    queryKey: doctorKeys.full(id),
    queryFn: async (): Promise<DoctorProfile> => unwrap(await api.GET('/api/doctors/{id}/admin', { params: { path: { id } } })),
  });
}

export async function createDoctor(body: DoctorCreateBody): Promise<DoctorProfile> {
  return unwrap(await api.POST('/api/doctors', { body }));
}

export async function updateDoctor(id: string, body: DoctorPatchBody): Promise<DoctorProfile> {
  return unwrap(await api.PATCH('/api/doctors/{id}', { params: { path: { id } }, body }));
}

export async function deactivateDoctor(id: string, reason: string): Promise<void> {
  const query = reason ? { reason } : {};
  unwrap(await api.DELETE('/api/doctors/{id}', { params: { path: { id }, query } }));
}

export async function reactivateDoctor(id: string): Promise<void> {
  unwrap(await api.POST('/api/doctors/{id}/reactivate', { params: { path: { id } } }));
}

export async function uploadDoctorPhoto(id: string, file: File): Promise<void> {
  unwrap(
    await api.PUT('/api/doctors/{id}/photo', {
      params: { path: { id } },
      body: file,
      bodySerializer: (body: unknown) => body as File,
      headers: { 'Content-Type': file.type },
    }),
  );
}

export async function removeDoctorPhoto(id: string): Promise<void> {
  unwrap(await api.DELETE('/api/doctors/{id}/photo', { params: { path: { id } } }));
}

/** Where a doctor's photo is served; `version` changes the address after an upload. */
export function doctorPhotoUrl(id: string, version?: string): string {
  return `/api/doctors/${encodeURIComponent(id)}/photo${version ? `?v=${encodeURIComponent(version)}` : ''}`;
}

export function refreshDoctors(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: doctorKeys.all });
}
