import type { Role } from '#shared/roles';
import type { UserRow } from './users.queries.ts';

/** What admins see of a user: never the password hash. */
export function toUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    ...(row.patient_id ? { patientId: row.patient_id } : {}),
    ...(row.doctor_id ? { doctorId: row.doctor_id } : {}),
  };
}
