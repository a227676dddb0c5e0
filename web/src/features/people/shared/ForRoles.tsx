import type { ReactNode } from 'react';
import type { Role, SessionUser } from '../../../api/types.ts';
import { NotFoundPage } from '../../errors/NotFoundPage.tsx';
import { useCurrentUser } from '../../app/useCurrentUser.ts';

interface ForRolesProps {
  roles: readonly Role[];
  children: (user: SessionUser) => ReactNode;
}

/** Renders the page for the listed roles; any other role is told the page does not exist. */
export function ForRoles({ roles, children }: ForRolesProps) {
  const user = useCurrentUser();
  if (!roles.includes(user.role)) return <NotFoundPage homePath="/app" />;
  return children(user);
}
