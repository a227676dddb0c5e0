import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Executor, FormularyTable } from '../../db/types.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { writeAudit } from '../audit/audit.service.ts';
import { auditBy, type Caller } from '../patients/access.ts';
import { decodePairCursor, pageOf } from '../patients/cursor.ts';
import { toMedicine } from './formulary.mappers.ts';
import { allTerms, findMedicine, findMedicines, insertMedicine, listMedicines, listTerms, replaceTerms, updateMedicine } from './formulary.queries.ts';
import type { FormularyListInput, MedicineCreateInput, MedicinePatchInput, TermsInput } from './formulary.schemas.ts';
import { cleanTerms, normalizeTerm } from './terms.ts';

const medicineNotFound = () => notFound('Medicine');
const duplicate = () =>
  new AppError(409, 'FORMULARY_DUPLICATE', 'The formulary already has this medicine in this strength and form', [{ path: '/name', message: 'already in the formulary' }]);

const searchText = (name: string, ingredients: readonly string[]) => [name, ...ingredients].join(' ').toLowerCase();

/** A page of medicines in name order; only admins may ask for deactivated ones. */
export async function listFormulary(deps: Deps, caller: Caller, query: FormularyListInput) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const after = decodePairCursor(query.cursor);
  const words = (query.q ?? '').toLowerCase().replace(/[%_\\]/g, ' ').split(/\s+/).filter((word) => word !== '');
  const includeInactive = caller.actor.role === 'admin' && query.includeInactive === true;
  const rows = await listMedicines(deps.db, { words, includeInactive, after: after && { name: after.key, id: after.id } }, limit + 1);
  return pageOf(rows, limit, (row) => [row.name, row.id], toMedicine);
}

async function saveOrDuplicate(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw duplicate();
    throw error;
  }
}

export async function addMedicine(deps: Deps, caller: Caller, body: MedicineCreateInput) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const ingredients = cleanTerms(body.ingredients);
  const classes = cleanTerms(body.classes);
  const row: FormularyTable = {
    id: newId(), name: body.name.trim(), strength: body.strength.trim(), form: body.form, route: body.route,
    ingredients: JSON.stringify(ingredients), classes: JSON.stringify(classes), search_text: searchText(body.name.trim(), ingredients),
    active: body.active === false ? 0 : 1, created_at: at, updated_at: at,
  };
  await saveOrDuplicate(() =>
    deps.db.transaction().execute(async (trx) => {
      await insertMedicine(trx, row);
      await replaceTerms(trx, row.id, ingredients, classes);
      await writeAudit(trx, now, auditBy(caller, { action: 'formulary.create', entityType: 'formulary', entityId: row.id, outcome: 'success', details: { name: row.name, strength: row.strength } }));
    }),
  );
  return toMedicine(row);
}

export async function changeMedicine(deps: Deps, caller: Caller, id: string, body: MedicinePatchInput) {
  const now = deps.clock.now();
  let saved: FormularyTable | undefined;
  await saveOrDuplicate(() =>
    deps.db.transaction().execute(async (trx) => {
      const current = await findMedicine(trx, id);
      if (!current) throw medicineNotFound();
      const ingredients = body.ingredients ? cleanTerms(body.ingredients) : JSON.parse(current.ingredients) as string[];
      const classes = body.classes ? cleanTerms(body.classes) : JSON.parse(current.classes) as string[];
      const name = body.name?.trim() ?? current.name;
      const changes = {
        name, strength: body.strength?.trim() ?? current.strength, form: body.form ?? current.form, route: body.route ?? current.route,
        ingredients: JSON.stringify(ingredients), classes: JSON.stringify(classes), search_text: searchText(name, ingredients),
        active: body.active === undefined ? current.active : body.active ? 1 : 0, updated_at: now.toISOString(),
      };
      await updateMedicine(trx, id, changes);
      if (body.ingredients || body.classes) await replaceTerms(trx, id, ingredients, classes);
      await writeAudit(trx, now, auditBy(caller, { action: 'formulary.update', entityType: 'formulary', entityId: id, outcome: 'success', details: { fields: Object.keys(body) } }));
      saved = { ...current, ...changes };
    }),
  );
  if (!saved) throw new Error('A medicine just saved could not be read back');
  return toMedicine(saved);
}

/** The ingredient and class vocabulary, for allergen pickers. */
export async function listFormularyTerms(deps: Deps, query: TermsInput) {
  const contains = query.q?.trim().toLowerCase().replace(/[%_\\]/g, '') || undefined;
  return { items: await listTerms(deps.db, query.kind, contains, query.limit ?? 50) };
}

/** The medicines of the ids, by id (deactivated ones too). */
export async function medicinesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, FormularyTable>> {
  return new Map((await findMedicines(db, ids)).map((row) => [row.id, row]));
}

export interface Allergen {
  ingredient?: string | null | undefined;
  class?: string | null | undefined;
}

/**
 * The vocabulary's own spelling of an allergen's ingredient and class ("Penicillins" → "penicillins");
 * 400 naming the field for a term the formulary does not know.
 */
export async function knownAllergen(db: Executor, allergen: Allergen, path = '/allergen'): Promise<{ ingredient: string | null; class: string | null }> {
  const resolve = async (kind: 'ingredient' | 'class', value: string | null | undefined) => {
    if (value === undefined || value === null) return null;
    const wanted = normalizeTerm(value);
    const match = (await allTerms(db, kind)).find((term) => normalizeTerm(term) === wanted);
    if (!match) throw invalid(`${path}/${kind}`, `"${value.trim()}" is not an ${kind === 'class' ? 'drug class' : 'ingredient'} the formulary knows`);
    return match;
  };
  return { ingredient: await resolve('ingredient', allergen.ingredient), class: await resolve('class', allergen.class) };
}
