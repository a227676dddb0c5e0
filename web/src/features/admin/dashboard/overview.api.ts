import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import type { paths } from '../../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Overview = JsonOf<paths['/api/admin/overview']['get']['responses'][200]>;
export type StatusCounts = Overview['counts']['appointments'];
export type DaySeries = Overview['series']['perDay'][number];
export type SpecializationSeries = Overview['series']['perSpecialization'][number];
export type DoctorNoShowRate = Overview['series']['noShowRate'][number];
export type DoctorUtilisation = Overview['utilisation']['doctors'][number];
export type TodayAppointment = Overview['today']['items'][number];
export type PendingRequest = Overview['pendingRequests']['items'][number];

export const overviewKey = ['admin', 'overview'] as const;

export function useOverview() {
  return useQuery({
    queryKey: overviewKey,
    queryFn: async (): Promise<Overview> => unwrap(await api.GET('/api/admin/overview')),
  });
}
