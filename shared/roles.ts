export const ROLES = ['admin', 'doctor', 'patient', 'receptionist'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['admin', 'receptionist'];

/** The roles the hospital's "second factor required for staff" setting applies to; patients may opt in. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'doctor', 'receptionist'];
