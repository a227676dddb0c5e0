import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, invalid } from '../../http/app-error.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findUserByEmail, findUserById } from '../auth/auth.queries.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { emailTaken } from '../users/accounts.ts';
import { updateUser } from '../users/users.queries.ts';
import { auditBy, auditedTransaction, Denied, loadPatient, type Caller } from './access.ts';
import { toPatientProfile } from './patients.mappers.ts';
import { canEditPatient, canViewPatient, emailChangeNeedsPassword, patientAudience } from './patients.policy.ts';
import { updatePatientRow } from './patients.queries.ts';
import type { PatientPatchInput } from './patients.schemas.ts';
import { patientNotFound, todayFor } from './patients.service.ts';
import { dateOfBirthProblem, diffProfile, normalizeProfile, profileColumns, profileOf } from './profile.ts';

async function assertCurrentPassword(deps: Deps, actor: Actor, currentPassword: string | undefined): Promise<void> {
  if (currentPassword === undefined) throw invalid('/currentPassword', 'Enter your current password to change your email');
  const user = await findUserById(deps.db, actor.userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
    throw invalid('/currentPassword', 'The current password is incorrect');
  }
}

/**
 * Edits a profile. The login email follows the profile email (unique: 409 EMAIL_TAKEN), and patients
 * changing their own email confirm it with their current password.
 */
export async function updatePatient(deps: Deps, caller: Caller, id: string, body: PatientPatchInput) {
  const { actor } = caller;
  const { currentPassword, ...fields } = body;
  const patch = normalizeProfile(fields);
  const today = await todayFor(deps);
  const problem = patch.dateOfBirth === undefined ? null : dateOfBirthProblem(patch.dateOfBirth, today);
  if (problem) throw invalid('/dateOfBirth', problem);
  // Checked before the transaction (hashing is slow): the actor is this patient, so nothing is revealed.
  if (emailChangeNeedsPassword(actor, id) && patch.email !== undefined && patch.email !== actor.email) {
    await assertCurrentPassword(deps, actor, currentPassword);
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  try {
    return await auditedTransaction(deps, caller, async (trx) => {
      const found = await loadPatient(trx, actor, id);
      if (!found) throw patientNotFound();
      if (!canViewPatient(actor, found.relation)) throw new Denied(patientNotFound(), 'patient.update', 'patient', id);
      if (!canEditPatient(actor, id)) throw forbidden('Your role may not edit patient profiles');
      const current = profileOf(found.patient);
      const diff = diffProfile(current, patch);
      const next = { ...current, ...diff.after };
      const userId = found.patient.user_id;
      let row = found.patient;
      if (diff.changed.length > 0) {
        if (userId && diff.changed.includes('email')) {
          if (!next.email) throw invalid('/email', 'A patient who signs in needs an email');
          const owner = await findUserByEmail(trx, next.email);
          if (owner && owner.id !== userId) throw emailTaken();
        }
        row = { ...row, ...profileColumns(next), updated_at: at };
        await updatePatientRow(trx, id, { ...profileColumns(next), updated_at: at });
        if (userId && next.email && (diff.changed.includes('email') || diff.changed.includes('name'))) {
          await updateUser(trx, userId, { email: next.email, name: next.name, updated_at: at });
        }
      }
      await writeAudit(trx, now, auditBy(caller, {
        action: 'patient.update', entityType: 'patient', entityId: id, outcome: 'success',
        details: { before: diff.before, after: diff.after },
      }));
      return toPatientProfile(row, today, patientAudience(actor));
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
}
