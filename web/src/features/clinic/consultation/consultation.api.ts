import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { ApiError } from '../../../api/problem.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { paths } from '../../../api/schema.gen.ts';
import type { DraftBody } from './draft.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Consultation = JsonOf<paths['/api/appointments/{id}/consultation']['get']['responses'][200]>;
export type Addendum = Consultation['addenda'][number];
export type DiagnosisCode = JsonOf<paths['/api/diagnosis-codes']['get']['responses'][200]>['items'][number];

export const consultationKeys = {
  one: (appointmentId: string) => ['consultations', appointmentId] as const,
  codes: (q: string) => ['diagnosis-codes', q] as const,
};

/** The appointment's consultation, or null while none has been written (404). */
export function useConsultation(appointmentId: string) {
  return useQuery({
    queryKey: consultationKeys.one(appointmentId),
    queryFn: async (): Promise<Consultation | null> => {
      const result = await api.GET('/api/appointments/{id}/consultation', { params: { path: { id: appointmentId } } });
      if (result.response.status === 404) return null;
      return unwrap(result);
    },
  });
}

export async function saveDraft(appointmentId: string, body: DraftBody): Promise<Consultation> {
  return unwrap(await api.PUT('/api/appointments/{id}/consultation', { params: { path: { id: appointmentId } }, body }));
}

export async function signConsultation(appointmentId: string): Promise<Consultation> {
  return unwrap(await api.POST('/api/appointments/{id}/consultation/sign', { params: { path: { id: appointmentId } } }));
}

export async function addAddendum(appointmentId: string, text: string): Promise<Addendum> {
  return unwrap(await api.POST('/api/appointments/{id}/consultation/addenda', { params: { path: { id: appointmentId } }, body: { text } }));
}

export function rememberConsultation(appointmentId: string, consultation: Consultation): void {
  queryClient.setQueryData(consultationKeys.one(appointmentId), consultation);
}

export function refreshConsultation(appointmentId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: consultationKeys.one(appointmentId) });
}

export function useDiagnosisCodes(q: string) {
  return useQuery({
    queryKey: consultationKeys.codes(q),
    queryFn: async () => unwrap(await api.GET('/api/diagnosis-codes', { params: { query: { q, limit: 10 } } })),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404;
