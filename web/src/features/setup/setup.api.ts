import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

export const setupKey = ['setup'] as const;

/** Whether the hospital still has no administrator (then the home page is the first-run screen). */
export function useSetupState() {
  return useQuery({ queryKey: setupKey, queryFn: async () => unwrap(await api.GET('/api/setup')), staleTime: 60_000 });
}

export async function createFirstAdmin(body: { token: string; name: string; email: string; password: string }) {
  return unwrap(await api.POST('/api/setup/admin', { body }));
}
