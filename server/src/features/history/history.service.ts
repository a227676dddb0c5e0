import type { Deps } from '../../deps.ts';
import type { Trx } from '../../db/types.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { writeAudit, type AuditAction } from '../audit/audit.service.ts';
import { knownAllergen } from '../formulary/formulary.service.ts';
import { auditBy, auditedTransaction, Denied, loadPatient, type Caller } from '../patients/access.ts';
import { decodeCursor, decodePairCursor, pageOf } from '../patients/cursor.ts';
import { patientNotFound, todayFor } from '../patients/patients.service.ts';
import { breakGlassGrantId, breakGlassRequired } from '../consultations/access.ts';
import { breakGlassMarker } from '../prescriptions/access.ts';
import { contentOf, toHistoryEntry, toHistoryVersion } from './history.mappers.ts';
import { canAddHistory, canChangeEntry, canViewHistory, canViewVersions, isSelfReport } from './history.policy.ts';
import { findEntry, insertEntry, insertVersion, listEntries, listVersions, updateEntryAtVersion, type EntryChanges, type EntryRow } from './history.queries.ts';
import { diffEntry, entryProblem, normalizeEntry, type EntryContent } from './history.rules.ts';
import type { HistoryCreateInput, HistoryListInput, HistoryPatchInput, VersionListInput } from './history.schemas.ts';

const entryNotFound = () => notFound('History entry');

/** The patient, when the caller may reach their history; 404 (audited as denied) otherwise. */
async function openHistory(trx: Trx, caller: Caller, patientId: string, action: AuditAction, allowed = canViewHistory) {
  const found = await loadPatient(trx, caller.actor, patientId);
  if (!found) throw patientNotFound();
  if (!allowed(caller.actor, found.relation)) throw new Denied(patientNotFound(), action, 'patient', patientId);
  return found;
}

/**
 * The patient, when the caller may read their history: an administrator reads it only under a live break-glass
 * grant (403 BREAK_GLASS_REQUIRED, audited as denied, otherwise), and the audit details of such a read are flagged.
 */
async function openHistoryRead(trx: Trx, caller: Caller, patientId: string, action: AuditAction, now: Date, allowed = canViewHistory) {
  const found = await openHistory(trx, caller, patientId, action, allowed);
  const grantId = await breakGlassGrantId(trx, caller, patientId, now);
  if (caller.actor.role === 'admin' && grantId === null) throw new Denied(breakGlassRequired(), action, 'patient', patientId);
  return { ...found, marker: breakGlassMarker(grantId) };
}

function assertValid(entry: EntryContent, today: string): void {
  const problem = entryProblem(entry, today);
  if (problem) throw new AppError(400, 'VALIDATION_FAILED', problem.message, [problem]);
}

/** A page of the patient's history, newest first; the read is audited. */
export async function listHistory(deps: Deps, caller: Caller, patientId: string, query: HistoryListInput) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const cursor = decodePairCursor(query.cursor);
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const { marker } = await openHistoryRead(trx, caller, patientId, 'patient.history.read', now);
    const rows = await listEntries(trx, patientId, { kind: query.kind, before: cursor && { recordedAt: cursor.key, id: cursor.id } }, limit + 1);
    const page = pageOf(rows, limit, (row) => [row.recorded_at, row.id], toHistoryEntry);
    await writeAudit(trx, now, auditBy(caller, {
      action: 'patient.history.read', entityType: 'patient', entityId: patientId, outcome: 'success', details: { results: page.items.length, ...marker },
    }));
    return page;
  });
}

async function reread(trx: Trx, patientId: string, entryId: string): Promise<EntryRow> {
  const row = await findEntry(trx, patientId, entryId);
  if (!row) throw new Error('An entry just written could not be read back');
  return row;
}

/** Adds an entry; a patient's own entries are marked self-reported. */
export async function addEntry(deps: Deps, caller: Caller, patientId: string, body: HistoryCreateInput) {
  const today = await todayFor(deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = newId();
  return auditedTransaction(deps, caller, async (trx) => {
    await openHistory(trx, caller, patientId, 'patient.history.create', canAddHistory);
    const allergen = body.allergen ? await knownAllergen(trx, body.allergen) : { ingredient: null, class: null };
    const content = normalizeEntry<EntryContent>({
      kind: body.kind, title: body.title, details: body.details ?? null, onsetDate: body.onsetDate ?? null, resolvedDate: body.resolvedDate ?? null,
      allergenIngredient: allergen.ingredient, allergenClass: allergen.class,
    });
    assertValid(content, today);
    await insertEntry(trx, {
      id, patient_id: patientId, kind: content.kind, title: content.title, details: content.details, onset_date: content.onsetDate,
      resolved_date: content.resolvedDate, allergen_ingredient: content.allergenIngredient, allergen_class: content.allergenClass, self_reported: isSelfReport(caller.actor) ? 1 : 0, version: 1,
      recorded_by: caller.actor.userId, recorded_at: at, updated_by: null, updated_at: at, deleted_at: null, deleted_by: null,
    });
    await writeAudit(trx, now, auditBy(caller, {
      action: 'patient.history.create', entityType: 'medical_history', entityId: id, outcome: 'success', details: { patientId, after: content },
    }));
    return toHistoryEntry(await reread(trx, patientId, id));
  });
}

/** The live entry the caller may change: 404 when it is not there, 403 (audited) when it is not theirs to change. */
async function openEntryForChange(trx: Trx, caller: Caller, patientId: string, entryId: string, action: AuditAction): Promise<EntryRow> {
  const { relation } = await openHistory(trx, caller, patientId, action);
  const entry = await findEntry(trx, patientId, entryId);
  if (!entry || entry.deleted_at !== null) throw entryNotFound();
  if (!canChangeEntry(caller.actor, relation, { selfReported: entry.self_reported === 1, recordedBy: entry.recorded_by })) {
    throw new Denied(forbidden('Patients may change only the entries they reported themselves'), action, 'medical_history', entryId);
  }
  return entry;
}

/** Keeps the entry's current content as a version, then moves the entry to the next version with the changes. */
async function saveNextVersion(trx: Trx, entry: EntryRow, userId: string, at: string, changes: EntryChanges): Promise<void> {
  const version = Number(entry.version);
  await insertVersion(trx, {
    entry_id: entry.id, version, kind: entry.kind, title: entry.title, details: entry.details, onset_date: entry.onset_date,
    resolved_date: entry.resolved_date, allergen_ingredient: entry.allergen_ingredient, allergen_class: entry.allergen_class, changed_by: entry.updated_by ?? entry.recorded_by, changed_at: entry.updated_at,
  });
  const saved = await updateEntryAtVersion(trx, entry.id, version, { ...changes, version: version + 1, updated_by: userId, updated_at: at });
  if (!saved) throw new AppError(409, 'CONFLICT', 'The entry was changed meanwhile; reload it and try again');
}

/** Edits an entry, keeping the previous content as a version. */
export async function changeEntry(deps: Deps, caller: Caller, patientId: string, entryId: string, body: HistoryPatchInput) {
  const { allergen: allergenPatch, ...fields } = body;
  const today = await todayFor(deps);
  const now = deps.clock.now();
  const at = now.toISOString();
  return auditedTransaction(deps, caller, async (trx) => {
    const entry = await openEntryForChange(trx, caller, patientId, entryId, 'patient.history.update');
    const current = contentOf(entry);
    const allergen = allergenPatch === undefined ? undefined : allergenPatch === null ? { ingredient: null, class: null } : await knownAllergen(trx, allergenPatch);
    const patch = normalizeEntry({ ...fields, ...(allergen ? { allergenIngredient: allergen.ingredient, allergenClass: allergen.class } : {}) });
    const diff = diffEntry(current, patch);
    if (diff.changed) {
      const next = { ...current, ...diff.after };
      assertValid(next, today);
      await saveNextVersion(trx, entry, caller.actor.userId, at, { kind: next.kind, title: next.title, details: next.details, onset_date: next.onsetDate, resolved_date: next.resolvedDate,
        allergen_ingredient: next.allergenIngredient, allergen_class: next.allergenClass,
      });
    }
    await writeAudit(trx, now, auditBy(caller, {
      action: 'patient.history.update', entityType: 'medical_history', entityId: entryId, outcome: 'success',
      details: { patientId, before: diff.before, after: diff.after },
    }));
    return toHistoryEntry(await reread(trx, patientId, entryId));
  });
}

/** Soft-deletes an entry: it leaves the history, and its content stays as a version. */
export async function removeEntry(deps: Deps, caller: Caller, patientId: string, entryId: string): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  await auditedTransaction(deps, caller, async (trx) => {
    const entry = await openEntryForChange(trx, caller, patientId, entryId, 'patient.history.delete');
    await saveNextVersion(trx, entry, caller.actor.userId, at, { deleted_at: at, deleted_by: caller.actor.userId });
    await writeAudit(trx, now, auditBy(caller, {
      action: 'patient.history.delete', entityType: 'medical_history', entityId: entryId, outcome: 'success', details: { patientId },
    }));
  });
}

/** Earlier versions of an entry (deleted entries too), newest first, for the patient's clinicians. */
export async function listEntryVersions(deps: Deps, caller: Caller, patientId: string, entryId: string, query: VersionListInput) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  const cursor = decodeCursor(query.cursor, 1)?.[0];
  const beforeVersion = cursor !== undefined && /^[1-9][0-9]{0,8}$/.test(cursor) ? Number(cursor) : null;
  if (cursor !== undefined && beforeVersion === null) throw invalid('/cursor', 'is invalid');
  const now = deps.clock.now();
  return auditedTransaction(deps, caller, async (trx) => {
    const { marker } = await openHistoryRead(trx, caller, patientId, 'patient.history.versions.read', now, canViewVersions);
    if (!(await findEntry(trx, patientId, entryId))) throw entryNotFound();
    const rows = await listVersions(trx, entryId, beforeVersion, limit + 1);
    const page = pageOf(rows, limit, (row) => [String(row.version)], toHistoryVersion);
    await writeAudit(trx, now, auditBy(caller, {
      action: 'patient.history.versions.read', entityType: 'medical_history', entityId: entryId, outcome: 'success', details: { patientId, ...marker },
    }));
    return page;
  });
}
