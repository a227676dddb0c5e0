import type { Deps } from '../../deps.ts';
import type { UsersTable } from '../../db/types.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import type { Role } from '#shared/roles';
import { searchKey } from '../../text.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { countActiveAdmins, revokeUserSessions } from '../auth/auth.queries.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { clearAccountThrottles } from '../auth/throttle.ts';
import { auditBy, auditedTransaction, Denied, type Caller } from '../patients/access.ts';
import { findPatientById, updatePatientRow } from '../patients/patients.queries.ts';
import { toUser } from './users.mappers.ts';
import { doctorLoginProblem, leavesNoAdmin, roleChangeProblem } from './users.policy.ts';
import { findUserRow, lockActiveAdmins, updateUser, type UserRow } from './users.queries.ts';
import type { UserPatchInput } from './users.schemas.ts';
import { getUser, userNotFound } from './users.service.ts';

/** The column changes of the patch, with the changed fields before and after (never password material). */
function userChanges(user: UserRow, body: UserPatchInput) {
  const changes: Partial<Omit<UsersTable, 'id'>> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const name = body.name?.trim();
  if (name !== undefined && name !== user.name) {
    changes.name = name;
    before.name = user.name;
    after.name = name;
  }
  if (body.role !== undefined && body.role !== user.role) {
    changes.role = body.role;
    before.role = user.role;
    after.role = body.role;
  }
  if (body.active !== undefined && body.active !== (user.active === 1)) {
    changes.active = body.active ? 1 : 0;
    before.active = user.active === 1;
    after.active = body.active;
  }
  return { changes, before, after };
}

/**
 * An admin changes a user: name, role (admin ⇄ receptionist), active, unlock, temporary password.
 * Deactivating or a new password ends the user's sessions; the last active admin stays (409 LAST_ADMIN); a doctor's
 * login is (de)activated with the doctor (409 DOCTOR_ACCOUNT).
 */
export async function updateUserAccount(deps: Deps, caller: Caller, id: string, body: UserPatchInput) {
  const existing = await getUser(deps, id);
  let passwordHash: string | null = null;
  if (body.temporaryPassword !== undefined) {
    const problem = passwordProblem(body.temporaryPassword, existing.email);
    if (problem) throw invalid('/temporaryPassword', problem);
    passwordHash = await hashPassword(body.temporaryPassword);
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  return auditedTransaction(deps, caller, async (trx) => {
    if (body.role !== undefined || body.active === false) await lockActiveAdmins(trx);
    const user = await findUserRow(trx, id);
    if (!user) throw userNotFound();
    const role = user.role as Role;
    const problem = roleChangeProblem(role, body.role ?? role);
    if (problem) throw new AppError(409, 'ROLE_CHANGE_NOT_SUPPORTED', problem, [{ path: '/role', message: problem }]);
    const { changes, before, after } = userChanges(user, body);
    const doctorProblem = doctorLoginProblem(user.doctor_id, changes.active === undefined ? undefined : changes.active === 1);
    if (doctorProblem) throw new AppError(409, 'DOCTOR_ACCOUNT', doctorProblem, [{ path: '/active', message: doctorProblem }]);
    const next = { role: body.role ?? role, active: (changes.active ?? user.active) === 1 };
    if (leavesNoAdmin(await countActiveAdmins(trx), { role, active: user.active === 1 }, next)) {
      throw new Denied(new AppError(409, 'LAST_ADMIN', 'This is the last active admin: make another user admin first'), 'user.update', 'user', id);
    }
    if (passwordHash !== null) {
      changes.password_hash = passwordHash;
      changes.must_change_password = 1;
    }
    if (Object.keys(changes).length > 0) await updateUser(trx, id, { ...changes, updated_at: at });
    if (changes.active === 0 || passwordHash !== null) await revokeUserSessions(trx, id, at, null);
    if (body.unlock) await clearAccountThrottles(trx, user.email);
    const patient = user.patient_id ? await findPatientById(trx, user.patient_id) : undefined;
    if (patient && (changes.name !== undefined || changes.active !== undefined)) {
      const name = changes.name ?? patient.name;
      await updatePatientRow(trx, patient.id, { name, search_text: searchKey(name, patient.email, patient.phone), active: changes.active ?? patient.active, updated_at: at });
    }
    await writeAudit(trx, now, auditBy(caller, {
      action: 'user.update', entityType: 'user', entityId: id, outcome: 'success',
      details: { before, after, ...(passwordHash !== null ? { temporaryPasswordSet: true } : {}), ...(body.unlock ? { unlocked: true } : {}) },
    }));
    const updated = await findUserRow(trx, id);
    if (!updated) throw userNotFound();
    return toUser(updated);
  });
}
