import { useOutletContext } from 'react-router';
import type { SessionUser } from '../../api/types.ts';

/** The signed-in user, for pages rendered inside the signed-in layout. */
export function useCurrentUser(): SessionUser {
  return useOutletContext<SessionUser>();
}
