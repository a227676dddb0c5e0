import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Executor } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { writeAudit } from '../audit/audit.service.ts';
import { findUserByEmail, insertUser } from '../auth/auth.queries.ts';
import { normalizeEmail } from '../auth/auth.service.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { requireActiveSpecialization } from '../specializations/specializations.service.ts';
import { diffFields, editableView, type EditableView } from './doctors.changes.ts';
import { toDoctorProfile, toPublicDoctor } from './doctors.mappers.ts';
import { canEditProfile, canViewFullProfile, canViewPublicProfile, fieldsNotAllowed } from './doctors.policy.ts';
import { findDoctorById, insertDoctor, listActiveDoctors, updateDoctor as updateDoctorRow, updateUserAccount, type DoctorChanges, type DoctorRow } from './doctors.queries.ts';

export const emailTaken = () =>
  new AppError(409, 'EMAIL_TAKEN', 'An account with this email already exists', [{ path: '/email', message: 'An account with this email already exists' }]);

const invalidCursor = () => invalid('/cursor', 'The cursor is not one this list gave out');

function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // falls through to the 400 below
  }
  throw invalidCursor();
}

export interface DirectoryQuery {
  specialization?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** The public directory: active doctors by name, filtered by specialization and part of the name. */
export async function listDirectory(db: Executor, query: DirectoryQuery) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const nameContains = query.q?.trim().toLowerCase() || undefined;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await listActiveDoctors(db, { specializationId: query.specialization, nameContains, after }, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toPublicDoctor), nextCursor: rows.length > limit && last ? encodeCursor(last.sort_key, last.id) : null };
}

export async function getPublicDoctor(db: Executor, id: string) {
  const row = await findDoctorById(db, id);
  if (!row || !canViewPublicProfile(row)) throw notFound('Doctor');
  return toPublicDoctor(row);
}

/** The full profile, for an administrator or the doctor themself; anyone else is told it does not exist. */
export async function getDoctorProfile(db: Executor, actor: Actor, id: string) {
  const row = await findDoctorById(db, id);
  if (!row || !canViewFullProfile(actor, row)) throw notFound('Doctor');
  return toDoctorProfile(row);
}

const cleanText = (text: string | null | undefined): string | null => text?.trim() || null;

/** Trimmed, without repeats (case-insensitive), in the order given. */
export function cleanLanguages(languages: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const language of languages) {
    const name = language.trim().replace(/\s+/g, ' ');
    if (!seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      result.push(name);
    }
  }
  return result;
}

export interface NewDoctor {
  name: string;
  email: string;
  phone: string;
  specializationId: string;
  department?: string | undefined;
  bio?: string | undefined;
  password: string;
  consultationFee?: { amountMinor: number; currency: string } | undefined;
  languages?: string[] | undefined;
  yearsOfExperience?: number | undefined;
  publicEmail?: boolean | undefined;
  publicPhone?: boolean | undefined;
}

/** A doctor with a login of role doctor; the password is temporary and must be changed at first sign-in. */
export async function createDoctor(deps: Deps, actor: Actor, ip: string | null, input: NewDoctor) {
  const email = normalizeEmail(input.email);
  const problem = passwordProblem(input.password, email);
  if (problem) throw invalid('/password', problem);
  await requireActiveSpecialization(deps.db, input.specializationId, '/specializationId');
  if (await findUserByEmail(deps.db, email)) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const at = now.toISOString();
  const userId = newId();
  const doctorId = newId();
  const name = input.name.trim();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertUser(trx, { id: userId, email, name, role: 'doctor', password_hash: passwordHash, active: 1, must_change_password: 1, created_at: at, updated_at: at });
      await insertDoctor(trx, {
        id: doctorId, user_id: userId, name, phone: input.phone.trim(), specialization_id: input.specializationId,
        department: cleanText(input.department), bio: cleanText(input.bio), years_experience: input.yearsOfExperience ?? null,
        fee_minor: input.consultationFee?.amountMinor ?? null, fee_currency: input.consultationFee?.currency ?? null,
        languages: JSON.stringify(cleanLanguages(input.languages ?? [])), public_email: input.publicEmail ? 1 : 0,
        public_phone: input.publicPhone ? 1 : 0, slot_minutes: 30, photo_content_type: null, photo_base64: null, active: 1,
        created_at: at, updated_at: at,
      });
      const created = await findDoctorById(trx, doctorId);
      if (!created) throw new Error('A doctor just created could not be read back');
      await writeAudit(trx, now, {
        actorId: actor.userId, actorRole: actor.role, action: 'doctor.create', entityType: 'doctor', entityId: doctorId,
        outcome: 'success', ip, details: { after: editableView(created) },
      });
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
  return getDoctorProfile(deps.db, actor, doctorId);
}

export type DoctorUpdate = Partial<{
  name: string;
  phone: string;
  bio: string | null;
  languages: string[];
  yearsOfExperience: number | null;
  email: string;
  specializationId: string;
  department: string | null;
  consultationFee: { amountMinor: number; currency: string } | null;
  publicEmail: boolean;
  publicPhone: boolean;
}>;

function applyUpdate(current: EditableView, input: DoctorUpdate): EditableView {
  const pick = <K extends keyof EditableView>(key: K, value: EditableView[K] | undefined): EditableView[K] => (value === undefined ? current[key] : value);
  return {
    name: pick('name', input.name?.trim()),
    phone: pick('phone', input.phone?.trim()),
    bio: input.bio === undefined ? current.bio : cleanText(input.bio),
    languages: input.languages === undefined ? current.languages : cleanLanguages(input.languages),
    yearsOfExperience: pick('yearsOfExperience', input.yearsOfExperience),
    email: input.email === undefined ? current.email : normalizeEmail(input.email),
    specializationId: pick('specializationId', input.specializationId),
    department: input.department === undefined ? current.department : cleanText(input.department),
    consultationFee: pick('consultationFee', input.consultationFee),
    publicEmail: pick('publicEmail', input.publicEmail),
    publicPhone: pick('publicPhone', input.publicPhone),
  };
}

function columnChanges(next: EditableView, at: string): DoctorChanges {
  return {
    name: next.name, phone: next.phone, bio: next.bio, languages: JSON.stringify(next.languages), years_experience: next.yearsOfExperience,
    specialization_id: next.specializationId, department: next.department, fee_minor: next.consultationFee?.amountMinor ?? null,
    fee_currency: next.consultationFee?.currency ?? null, public_email: next.publicEmail ? 1 : 0, public_phone: next.publicPhone ? 1 : 0,
    updated_at: at,
  };
}

async function checkUpdate(db: Executor, row: DoctorRow, before: EditableView, after: EditableView): Promise<void> {
  if (after.email !== before.email) {
    const other = await findUserByEmail(db, after.email);
    if (other && other.id !== row.user_id) throw emailTaken();
  }
  if (after.specializationId !== before.specializationId) await requireActiveSpecialization(db, after.specializationId, '/specializationId');
}

/** An administrator changes any field; a doctor only their own profile fields (403 naming the others). */
export async function updateDoctor(deps: Deps, actor: Actor, ip: string | null, id: string, input: DoctorUpdate) {
  const row = await findDoctorById(deps.db, id);
  if (!row || !canEditProfile(actor, row)) throw notFound('Doctor');
  const refused = fieldsNotAllowed(actor, Object.keys(input).filter((key) => input[key as keyof DoctorUpdate] !== undefined));
  if (refused.length > 0) {
    throw new AppError(403, 'FORBIDDEN', `Only an administrator may change ${refused.join(', ')}`,
      refused.map((field) => ({ path: `/${field}`, message: 'Only an administrator may change this field' })));
  }
  const before = editableView(row);
  const after = applyUpdate(before, input);
  await checkUpdate(deps.db, row, before, after);
  const diff = diffFields(before, after);
  if (diff.keys.length === 0) return toDoctorProfile(row);
  const now = deps.clock.now();
  const at = now.toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await updateDoctorRow(trx, id, columnChanges(after, at));
      if (after.name !== before.name || after.email !== before.email) {
        await updateUserAccount(trx, row.user_id, { name: after.name, email: after.email, updated_at: at });
      }
      await writeAudit(trx, now, {
        actorId: actor.userId, actorRole: actor.role, action: 'doctor.update', entityType: 'doctor', entityId: id,
        outcome: 'success', ip, details: { before: diff.before, after: diff.after },
      });
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw emailTaken();
    throw error;
  }
  return getDoctorProfile(deps.db, actor, id);
}
