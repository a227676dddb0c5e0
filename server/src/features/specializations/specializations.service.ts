import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Executor, SpecializationsTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, forbidden, invalid, notFound, unauthorized } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { toAdminSpecialization, toPublicSpecialization } from './specializations.mappers.ts';
import {
  findSpecializationById,
  findSpecializationByKey,
  insertSpecialization,
  listSpecializations,
  updateSpecialization as updateSpecializationRow,
} from './specializations.queries.ts';

const cleanName = (name: string): string => name.trim().replace(/\s+/g, ' ');
const nameKey = (name: string): string => cleanName(name).toLowerCase();
const cleanText = (text: string | null | undefined): string | null => text?.trim() || null;

const nameTaken = (name: string) =>
  new AppError(409, 'SPECIALIZATION_EXISTS', `A specialization named "${name}" already exists`, [
    { path: '/name', message: 'A specialization with this name already exists' },
  ]);

/** The public list (active only), or for an administrator asking for all, every one with its state. */
export async function listSpecializationsFor(db: Executor, actor: Actor | null, all: boolean) {
  if (!all) return (await listSpecializations(db, false)).map(toPublicSpecialization);
  if (!actor) throw unauthorized();
  if (actor.role !== 'admin') throw forbidden('Only administrators may list retired specializations');
  return (await listSpecializations(db, true)).map(toAdminSpecialization);
}

/** For a new doctor or a change of specialization: it must exist and not be retired. */
export async function requireActiveSpecialization(db: Executor, id: string, path: string): Promise<SpecializationsTable> {
  const row = await findSpecializationById(db, id);
  if (!row || row.active !== 1) throw invalid(path, 'Choose a specialization from the current list');
  return row;
}

export async function createSpecialization(deps: Deps, actor: Actor, ip: string | null, input: { name: string; description?: string | undefined }) {
  const name = cleanName(input.name);
  if (await findSpecializationByKey(deps.db, nameKey(name))) throw nameTaken(name);
  const now = deps.clock.now();
  const at = now.toISOString();
  const row: SpecializationsTable = {
    id: newId(), name, name_key: nameKey(name), description: cleanText(input.description), active: 1, created_at: at, updated_at: at,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await insertSpecialization(trx, row);
      await writeAudit(trx, now, {
        actorId: actor.userId, actorRole: actor.role, action: 'specialization.create', entityType: 'specialization', entityId: row.id,
        outcome: 'success', ip, details: { after: { name: row.name, description: row.description, active: true } },
      });
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw nameTaken(name);
    throw error;
  }
  return toAdminSpecialization(row);
}

export interface SpecializationChanges {
  name?: string | undefined;
  description?: string | null | undefined;
  active?: boolean | undefined;
}

type Comparable = { name: string; description: string | null; active: boolean };

function changedFields(before: Comparable, after: Comparable) {
  const keys = (Object.keys(after) as (keyof Comparable)[]).filter((key) => before[key] !== after[key]);
  return {
    keys,
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

/** Renames, describes, retires or restores; doctors keep a retired specialization. */
export async function updateSpecialization(deps: Deps, actor: Actor, ip: string | null, id: string, input: SpecializationChanges) {
  const current = await findSpecializationById(deps.db, id);
  if (!current) throw notFound('Specialization');
  const before: Comparable = { name: current.name, description: current.description, active: current.active === 1 };
  const after: Comparable = {
    name: input.name === undefined ? before.name : cleanName(input.name),
    description: input.description === undefined ? before.description : cleanText(input.description),
    active: input.active ?? before.active,
  };
  if (nameKey(after.name) !== current.name_key) {
    const other = await findSpecializationByKey(deps.db, nameKey(after.name));
    if (other && other.id !== id) throw nameTaken(after.name);
  }
  const diff = changedFields(before, after);
  if (diff.keys.length === 0) return toAdminSpecialization(current);
  const now = deps.clock.now();
  const updated: SpecializationsTable = {
    ...current, name: after.name, name_key: nameKey(after.name), description: after.description, active: after.active ? 1 : 0, updated_at: now.toISOString(),
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await updateSpecializationRow(trx, id, {
        name: updated.name, name_key: updated.name_key, description: updated.description, active: updated.active, updated_at: updated.updated_at,
      });
      await writeAudit(trx, now, {
        actorId: actor.userId, actorRole: actor.role, action: 'specialization.update', entityType: 'specialization', entityId: id,
        outcome: 'success', ip, details: { before: diff.before, after: diff.after },
      });
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw nameTaken(after.name);
    throw error;
  }
  return toAdminSpecialization(updated);
}
