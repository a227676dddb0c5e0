import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { PatientsTable } from '../../db/types.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { writeAudit } from '../audit/audit.service.ts';
import { findUserByEmail, insertUser } from '../auth/auth.queries.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { auditBy, auditedTransaction, type Caller } from '../patients/access.ts';
import { decodePairCursor, pageOf } from '../patients/cursor.ts';
import { insertPatientRow } from '../patients/patients.queries.ts';
import { todayFor } from '../patients/patients.service.ts';
import { dateOfBirthProblem, normalizeProfile, profileColumns, type Profile } from '../patients/profile.ts';
import { emailTaken, temporaryLogin } from './accounts.ts';
import { toUser } from './users.mappers.ts';
import { findUserRow, listUserRows } from './users.queries.ts';
import type { UserCreateInput, UserListInput } from './users.schemas.ts';

export const userNotFound = () => notFound('User');

/** A page of users in name order, searched by name or email, filtered by role and active. */
export async function listUsers(deps: Deps, query: UserListInput) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const cursor = decodePairCursor(query.cursor);
  const words = [...new Set((query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 10);
  const rows = await listUserRows(deps.db, { words, role: query.role, active: query.active, after: cursor && { name: cursor.key, id: cursor.id } }, limit + 1);
  return pageOf(rows, limit, (row) => [row.name, row.id], toUser);
}

export async function getUser(deps: Deps, id: string) {
  const row = await findUserRow(deps.db, id);
  if (!row) throw userNotFound();
  return toUser(row);
}

/** The patient profile a user of role patient is created with; 400 when a field is missing or given for another role. */
function patientProfileFor(body: UserCreateInput, email: string, today: string): Profile | null {
  const fields = { dateOfBirth: body.dateOfBirth, gender: body.gender, phone: body.phone, address: body.address };
  if (body.role !== 'patient') {
    const given = Object.entries(fields).find(([, value]) => value !== undefined);
    if (given) throw invalid(`/${given[0]}`, 'is only for users of role patient');
    return null;
  }
  if (body.dateOfBirth === undefined) throw invalid('/dateOfBirth', 'is required for a patient');
  if (body.gender === undefined) throw invalid('/gender', 'is required for a patient');
  if (body.phone === undefined) throw invalid('/phone', 'is required for a patient');
  const problem = dateOfBirthProblem(body.dateOfBirth, today);
  if (problem) throw invalid('/dateOfBirth', problem);
  return normalizeProfile<Profile>({
    name: body.name, dateOfBirth: body.dateOfBirth, gender: body.gender, phone: body.phone, email,
    address: body.address ?? null, emergencyContact: null, bloodGroup: null,
  });
}

/** Creates a user of any role but doctor, with a temporary password to change at first sign-in. */
export async function createUser(deps: Deps, caller: Caller, body: UserCreateInput) {
  if (body.role === 'doctor') {
    throw new AppError(400, 'USE_DOCTORS_ENDPOINT', 'Create doctors with POST /api/doctors: a doctor needs a profile (specialization, phone)', [
      { path: '/role', message: 'Use POST /api/doctors to create a doctor' },
    ]);
  }
  const email = normalizeEmail(body.email);
  const profile = patientProfileFor(body, email, await todayFor(deps));
  if (await findUserByEmail(deps.db, email)) throw emailTaken();
  const login = await temporaryLogin(email, body.password, '/password');
  const now = deps.clock.now();
  const at = now.toISOString();
  const userId = newId();
  const user = { id: userId, email, name: body.name.trim(), role: body.role, password_hash: login.passwordHash, active: 1, must_change_password: 1, created_at: at, updated_at: at };
  const patient: PatientsTable | null = profile && { id: newId(), user_id: userId, ...profileColumns(profile), active: 1, created_at: at, updated_at: at };
  try {
    await auditedTransaction(deps, caller, async (trx) => {
      await insertUser(trx, user);
      if (patient) await insertPatientRow(trx, patient);
      await writeAudit(trx, now, auditBy(caller, {
        action: 'user.create', entityType: 'user', entityId: userId, outcome: 'success',
        details: { after: { email, name: user.name, role: user.role }, ...(patient ? { patientId: patient.id } : {}) },
      }));
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
  const created = toUser({ ...user, patient_id: patient?.id ?? null, doctor_id: null });
  return login.generated ? { ...created, temporaryPassword: login.password } : created;
}
