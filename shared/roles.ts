export const ROLES = ['admin', 'doctor', 'patient', 'receptionist'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['admin', 'receptionist'];
