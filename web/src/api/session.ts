import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import { hospitalKey, queryClient, sessionKey } from './queryClient.ts';
import type { Session } from './types.ts';

async function fetchSession(): Promise<Session | null> {
  const result = await api.GET('/api/auth/session');
  if (result.response.status === 401) return null;
  return unwrap(result);
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession });
}

export function rememberSession(session: Session | null): void {
  queryClient.setQueryData(sessionKey, session);
}

export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/auth/logout');
  } finally {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== hospitalKey[0] });
    rememberSession(null);
  }
}
