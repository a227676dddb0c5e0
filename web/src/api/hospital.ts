import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import { hospitalKey } from './queryClient.ts';
import type { Hospital } from './types.ts';

async function fetchHospital(): Promise<Hospital> {
  return unwrap(await api.GET('/api/hospital'));
}

export function useHospital() {
  return useQuery({ queryKey: hospitalKey, queryFn: fetchHospital, staleTime: 10 * 60_000 });
}
