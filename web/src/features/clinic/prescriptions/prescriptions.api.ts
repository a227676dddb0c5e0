import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { paths } from '../../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Prescription = JsonOf<paths['/api/prescriptions/{id}']['get']['responses'][200]>;
export type PrescriptionItem = Prescription['items'][number];
export type PrescriptionCreateBody = JsonOf<paths['/api/patients/{id}/prescriptions']['post']['requestBody']>;
export type ItemBody = PrescriptionCreateBody['items'][number];
export type PrescriptionQuery = NonNullable<paths['/api/patients/{id}/prescriptions']['get']['parameters']['query']>;

export const prescriptionKeys = {
  all: ['prescriptions'] as const,
  ofPatient: (patientId: string, query: PrescriptionQuery) => ['prescriptions', 'patient', patientId, query] as const,
  one: (id: string) => ['prescriptions', 'one', id] as const,
};

export function usePatientPrescriptions(patientId: string, query: PrescriptionQuery = {}, enabled = true) {
  return useQuery({
    queryKey: prescriptionKeys.ofPatient(patientId, query),
    queryFn: async () =>
      unwrap(await api.GET('/api/patients/{id}/prescriptions', { params: { path: { id: patientId }, query: { limit: 200, ...query } } })),
    enabled: enabled && patientId !== '',
  });
}

export function usePrescription(id: string) {
  return useQuery({
    queryKey: prescriptionKeys.one(id),
    queryFn: async () => unwrap(await api.GET('/api/prescriptions/{id}', { params: { path: { id } } })),
  });
}

export async function createPrescription(patientId: string, body: PrescriptionCreateBody): Promise<Prescription> {
  return unwrap(await api.POST('/api/patients/{id}/prescriptions', { params: { path: { id: patientId } }, body }));
}

export async function replaceDraftItems(id: string, items: ItemBody[]): Promise<Prescription> {
  return unwrap(await api.PUT('/api/prescriptions/{id}', { params: { path: { id } }, body: { items } }));
}

export async function issuePrescription(id: string, overrideReason?: string): Promise<Prescription> {
  return unwrap(
    await api.POST('/api/prescriptions/{id}/issue', { params: { path: { id } }, body: overrideReason ? { overrideReason } : {} }),
  );
}

export function refreshPrescriptions(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: prescriptionKeys.all });
}

export const prescriptionPdfHref = (id: string): string => `/api/prescriptions/${encodeURIComponent(id)}/pdf`;

export type EndingAction = 'stop' | 'complete' | 'entered-in-error';

/** Stops or completes an active prescription, or marks an issued one entered in error (a reason for stop and error). */
export async function endPrescription(id: string, action: EndingAction, reason: string): Promise<Prescription> {
  const params = { path: { id } };
  if (action === 'complete') return unwrap(await api.POST('/api/prescriptions/{id}/complete', { params, body: {} }));
  if (action === 'stop') return unwrap(await api.POST('/api/prescriptions/{id}/stop', { params, body: { reason } }));
  return unwrap(await api.POST('/api/prescriptions/{id}/entered-in-error', { params, body: { reason } }));
}
