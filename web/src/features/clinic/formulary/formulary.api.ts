import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { queryClient } from '../../../api/queryClient.ts';
import type { paths } from '../../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type MedicinePage = JsonOf<paths['/api/formulary']['get']['responses'][200]>;
export type Medicine = MedicinePage['items'][number];
export type MedicineCreateBody = JsonOf<paths['/api/formulary']['post']['requestBody']>;
export type MedicinePatchBody = JsonOf<paths['/api/formulary/{id}']['patch']['requestBody']>;
export type FormularyQuery = NonNullable<paths['/api/formulary']['get']['parameters']['query']>;

export const formularyKeys = {
  all: ['formulary'] as const,
  list: (query: FormularyQuery) => ['formulary', 'list', query] as const,
};

export function useFormulary(query: FormularyQuery, enabled = true) {
  return useQuery({
    queryKey: formularyKeys.list(query),
    queryFn: async () => unwrap(await api.GET('/api/formulary', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export async function addMedicine(body: MedicineCreateBody): Promise<Medicine> {
  return unwrap(await api.POST('/api/formulary', { body }));
}

export async function changeMedicine(id: string, body: MedicinePatchBody): Promise<Medicine> {
  return unwrap(await api.PATCH('/api/formulary/{id}', { params: { path: { id } }, body }));
}

export function refreshFormulary(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: formularyKeys.all });
}

/** "Amoxicillin 500 mg capsule": how a medicine reads in lists and on prescriptions. */
export function medicineLabel(medicine: Pick<Medicine, 'name' | 'strength' | 'form'>): string {
  return `${medicine.name} ${medicine.strength} ${medicine.form}`;
}
