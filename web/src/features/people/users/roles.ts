import type { Role } from '../../../api/types.ts';
import { roleLabels } from '../../app/nav.ts';

export const roleOptions: { value: Role; label: string }[] = (['admin', 'receptionist', 'doctor', 'patient'] as const).map((role) => ({
  value: role,
  label: roleLabels[role],
}));

export function isRole(value: string | null): value is Role {
  return roleOptions.some((option) => option.value === value);
}

/** Roles an account can switch between: staff roles with no profile of their own. */
export const switchableRoles: Role[] = ['admin', 'receptionist'];
