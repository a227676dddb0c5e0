import type { Role } from '#shared/roles';

/** Roles without a profile of their own, which an admin may switch between. */
const SWITCHABLE_ROLES: readonly Role[] = ['admin', 'receptionist'];

/** Why the role cannot change from one to the other, or null. */
export function roleChangeProblem(from: Role, to: Role): string | null {
  if (from === to) return null;
  if (!SWITCHABLE_ROLES.includes(from) || !SWITCHABLE_ROLES.includes(to)) {
    return 'Only staff roles (admin, receptionist) can be switched: patients and doctors have a profile tied to their role';
  }
  return null;
}

export interface RoleState {
  role: Role;
  active: boolean;
}

/** Whether the change leaves one active admin fewer. */
export function removesActiveAdmin(before: RoleState, after: RoleState): boolean {
  return before.role === 'admin' && before.active && !(after.role === 'admin' && after.active);
}

/** The system always keeps an active admin. */
export const leavesNoAdmin = (activeAdmins: number, before: RoleState, after: RoleState): boolean =>
  removesActiveAdmin(before, after) && activeAdmins <= 1;

/**
 * A doctor's login is switched on and off with the doctor (deactivation also cancels their appointments):
 * why it cannot be done here, or null when the change does not touch a doctor's login.
 */
export function doctorLoginProblem(doctorId: string | null, active: boolean | undefined): string | null {
  if (doctorId === null || active === undefined) return null;
  return active
    ? `This login belongs to a doctor: reactivate the doctor with POST /api/doctors/${doctorId}/reactivate`
    : `This login belongs to a doctor: deactivate the doctor with DELETE /api/doctors/${doctorId}, which also cancels their future appointments`;
}
