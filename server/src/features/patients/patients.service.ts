import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Executor } from '../../db/types.ts';
import { invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { writeAudit } from '../audit/audit.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { findUserByEmail, findUserById, insertUser, revokeUserSessions } from '../auth/auth.queries.ts';
import { emailTaken, temporaryLogin, type TemporaryLogin } from '../users/accounts.ts';
import { updateUser } from '../users/users.queries.ts';
import { auditBy, auditedTransaction, Denied, loadPatient, type Caller } from './access.ts';
import { decodePairCursor, pageOf } from './cursor.ts';
import { todayIn, toPatientProfile, toPatientSummary } from './patients.mappers.ts';
import { canViewPatient, patientAudience, patientListScope } from './patients.policy.ts';
import { findPatientById, insertPatientRow, listPatientRows, updatePatientRow } from './patients.queries.ts';
import type { PatientCreateInput, PatientListInput } from './patients.schemas.ts';
import { dateOfBirthProblem, normalizeProfile, parseSearch, profileColumns, type Profile } from './profile.ts';

export const patientNotFound = () => notFound('Patient');

/** Today's date in the hospital's zone from Settings (never the process's or the start-up configuration's zone). */
export async function todayFor(deps: Deps, db: Executor = deps.db): Promise<string> {
  const settings = await getSettings(db);
  return todayIn(settings.time_zone, deps.clock.now());
}

/** A page of the patients the caller may see, searched by name, email, phone or date of birth; the read is audited. */
export async function listPatients(deps: Deps, caller: Caller, query: PatientListInput) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const cursor = decodePairCursor(query.cursor);
  const scope = patientListScope(caller.actor);
  if (scope.kind === 'none') return { items: [], nextCursor: null };
  const { words, dates } = parseSearch(query.q);
  const today = await todayFor(deps);
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const filter = {
      words, dates, active: query.active,
      doctorId: scope.kind === 'doctor' ? scope.doctorId : undefined,
      after: cursor && { name: cursor.key, id: cursor.id },
    };
    const rows = await listPatientRows(trx, filter, limit + 1);
    const page = pageOf(rows, limit, (row) => [row.name, row.id], (row) => toPatientSummary(row, today));
    await writeAudit(trx, now, auditBy(caller, {
      action: 'patient.search', entityType: 'patient', outcome: 'success',
      details: { results: page.items.length, patientIds: page.items.map((item) => item.id) },
    }));
    return page;
  });
}

/** One patient's profile, for those who may see it (404 for anyone else); the read is audited. */
export async function getPatient(deps: Deps, caller: Caller, id: string) {
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const found = await loadPatient(trx, caller.actor, id);
    if (!found) throw patientNotFound();
    if (!canViewPatient(caller.actor, found.relation)) throw new Denied(patientNotFound(), 'patient.read', 'patient', id);
    await writeAudit(trx, now, auditBy(caller, { action: 'patient.read', entityType: 'patient', entityId: id, outcome: 'success' }));
    return toPatientProfile(found.patient, await todayFor(deps, trx), patientAudience(caller.actor));
  });
}

export function accountOf(userId: string, email: string, login: TemporaryLogin) {
  return { userId, email, temporaryPassword: login.password, mustChangePassword: true };
}

/** Registers a patient at the front desk, with a login (temporary password shown once) when asked. */
export async function createPatient(deps: Deps, caller: Caller, body: PatientCreateInput) {
  const now = deps.clock.now();
  const today = await todayFor(deps);
  const profile = normalizeProfile<Profile>({
    name: body.name, dateOfBirth: body.dateOfBirth, gender: body.gender, phone: body.phone, email: body.email ?? null,
    address: body.address ?? null, emergencyContact: body.emergencyContact ?? null, bloodGroup: body.bloodGroup ?? null,
  });
  const problem = dateOfBirthProblem(profile.dateOfBirth, today);
  if (problem) throw invalid('/dateOfBirth', problem);
  let login: TemporaryLogin | null = null;
  if (body.createAccount) {
    if (!profile.email) throw invalid('/email', 'An email is needed to give the patient a login');
    if (await findUserByEmail(deps.db, profile.email)) throw emailTaken();
    login = await temporaryLogin(profile.email, undefined, '/email');
  }
  const id = newId();
  const userId = login ? newId() : null;
  const at = now.toISOString();
  const row = { id, user_id: userId, ...profileColumns(profile), active: 1, created_at: at, updated_at: at };
  try {
    await auditedTransaction(deps, caller, async (trx) => {
      if (login && userId && profile.email) {
        await insertUser(trx, {
          id: userId, email: profile.email, name: profile.name, role: 'patient', password_hash: login.passwordHash,
          active: 1, must_change_password: 1, created_at: at, updated_at: at,
        });
      }
      await insertPatientRow(trx, row);
      await writeAudit(trx, now, auditBy(caller, {
        action: 'patient.create', entityType: 'patient', entityId: id, outcome: 'success',
        details: { after: profile, ...(userId ? { userId } : {}) },
      }));
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
  const created = toPatientProfile(row, today, patientAudience(caller.actor));
  return login && userId && profile.email ? { ...created, account: accountOf(userId, profile.email, login) } : created;
}

/**
 * Deactivates or reactivates a patient together with their login, if they have one. Deactivating keeps the record
 * and its history, stops the login and ends its sessions; reactivating lets the patient be booked again and sign
 * in with their own password. A patient already in that state (record and login) is left as it is.
 */
export async function setPatientActive(deps: Deps, caller: Caller, id: string, active: boolean): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const value = active ? 1 : 0;
  await auditedTransaction(deps, caller, async (trx) => {
    const patient = await findPatientById(trx, id);
    if (!patient) throw patientNotFound();
    const login = patient.user_id ? await findUserById(trx, patient.user_id) : undefined;
    if (patient.active === value && (login === undefined || login.active === value)) return;
    await updatePatientRow(trx, id, { active: value, updated_at: at });
    if (login) {
      await updateUser(trx, login.id, { active: value, updated_at: at });
      if (!active) await revokeUserSessions(trx, login.id, at, null);
    }
    const before = { active: patient.active === 1, ...(login ? { loginActive: login.active === 1 } : {}) };
    const after = { active, ...(login ? { loginActive: active } : {}) };
    await writeAudit(trx, now, auditBy(caller, {
      action: active ? 'patient.reactivate' : 'patient.deactivate', entityType: 'patient', entityId: id, outcome: 'success',
      details: { before, after },
    }));
  });
}

/** Reactivates a patient (see setPatientActive) and answers their profile, a read that is audited as such. */
export async function reactivatePatient(deps: Deps, caller: Caller, id: string) {
  await setPatientActive(deps, caller, id, true);
  return getPatient(deps, caller, id);
}
