import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import { AppError } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { searchKey } from '../../text.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findUserByEmail, insertUser } from '../auth/auth.queries.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { emailTaken, temporaryLogin } from '../users/accounts.ts';
import { auditBy, auditedTransaction, type Caller } from './access.ts';
import { findPatientById, updatePatientRow } from './patients.queries.ts';
import { accountOf, patientNotFound } from './patients.service.ts';

const alreadyHasAccount = () => new AppError(409, 'ALREADY_HAS_ACCOUNT', 'This patient already has a login');
const inactive = () => new AppError(409, 'PATIENT_INACTIVE', 'This patient is deactivated');

/** Gives a patient without a login an account with a temporary password, shown once, to change at first sign-in. */
export async function createPatientAccount(deps: Deps, caller: Caller, id: string, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  const existing = await findPatientById(deps.db, id);
  if (!existing) throw patientNotFound();
  if (existing.user_id) throw alreadyHasAccount();
  if (existing.active !== 1) throw inactive();
  if (await findUserByEmail(deps.db, email)) throw emailTaken();
  const login = await temporaryLogin(email, undefined, '/email');
  const userId = newId();
  const now = deps.clock.now();
  const at = now.toISOString();
  try {
    await auditedTransaction(deps, caller, async (trx) => {
      const patient = await findPatientById(trx, id);
      if (!patient) throw patientNotFound();
      if (patient.user_id) throw alreadyHasAccount();
      await insertUser(trx, {
        id: userId, email, name: patient.name, role: 'patient', password_hash: login.passwordHash,
        active: 1, must_change_password: 1, created_at: at, updated_at: at,
      });
      await updatePatientRow(trx, id, { user_id: userId, email, search_text: searchKey(patient.name, email, patient.phone), updated_at: at });
      await writeAudit(trx, now, auditBy(caller, {
        action: 'patient.account.create', entityType: 'patient', entityId: id, outcome: 'success',
        details: { userId, ...(patient.email === email ? {} : { before: { email: patient.email }, after: { email } }) },
      }));
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
  return accountOf(userId, email, login);
}
