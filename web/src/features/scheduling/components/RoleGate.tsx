import type { ReactNode } from 'react';
import type { Role } from '../../../api/types.ts';
import { useCurrentUser } from '../../app/useCurrentUser.ts';
import { NotFoundPage } from '../../errors/NotFoundPage.tsx';

/** A page a role may not use is not there for it: it answers "not found", like an unknown address. */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  if (!roles.includes(user.role)) return <NotFoundPage homePath="/app" />;
  return children;
}
