import type { Executor, MedicalHistoryTable, MedicalHistoryVersionsTable } from '../../db/types.ts';
import type { HistoryKind } from '#shared/history';

/** An entry with the names and roles of who recorded it and who changed it last. */
export interface EntryRow extends MedicalHistoryTable {
  recorded_by_name: string;
  recorded_by_role: string;
  updated_by_name: string | null;
  updated_by_role: string | null;
}

export interface VersionRow extends MedicalHistoryVersionsTable {
  changed_by_name: string;
  changed_by_role: string;
}

function selectEntries(db: Executor) {
  return db
    .selectFrom('medical_history')
    .innerJoin('users as recorder', 'recorder.id', 'medical_history.recorded_by')
    .leftJoin('users as updater', 'updater.id', 'medical_history.updated_by')
    .selectAll('medical_history')
    .select(['recorder.name as recorded_by_name', 'recorder.role as recorded_by_role', 'updater.name as updated_by_name', 'updater.role as updated_by_role']);
}

/** The entry of that patient, deleted or not. */
export async function findEntry(db: Executor, patientId: string, entryId: string): Promise<EntryRow | undefined> {
  return selectEntries(db).where('medical_history.id', '=', entryId).where('medical_history.patient_id', '=', patientId).executeTakeFirst();
}

export interface EntryFilter {
  kind?: HistoryKind | undefined;
  /** Entries before this (recorded_at, id), newest first: the page cursor. */
  before?: { recordedAt: string; id: string } | null | undefined;
}

/** The patient's entries that are not deleted, newest first. */
export async function listEntries(db: Executor, patientId: string, filter: EntryFilter, limit: number): Promise<EntryRow[]> {
  let query = selectEntries(db).where('medical_history.patient_id', '=', patientId).where('medical_history.deleted_at', 'is', null);
  if (filter.kind !== undefined) query = query.where('medical_history.kind', '=', filter.kind);
  const before = filter.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('medical_history.recorded_at', '<', before.recordedAt),
        eb.and([eb('medical_history.recorded_at', '=', before.recordedAt), eb('medical_history.id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('medical_history.recorded_at', 'desc').orderBy('medical_history.id', 'desc').limit(limit).execute();
}

export async function insertEntry(db: Executor, row: MedicalHistoryTable): Promise<void> {
  await db.insertInto('medical_history').values(row).execute();
}

export async function insertVersion(db: Executor, row: MedicalHistoryVersionsTable): Promise<void> {
  await db.insertInto('medical_history_versions').values(row).execute();
}

export type EntryChanges = Partial<Omit<MedicalHistoryTable, 'id' | 'patient_id'>>;

/** Applies the changes only if the entry is still at `version`; answers whether it was. */
export async function updateEntryAtVersion(db: Executor, id: string, version: number, changes: EntryChanges): Promise<boolean> {
  const result = await db.updateTable('medical_history').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Earlier versions of an entry, newest first, with who wrote each. */
export async function listVersions(db: Executor, entryId: string, beforeVersion: number | null, limit: number): Promise<VersionRow[]> {
  let query = db
    .selectFrom('medical_history_versions')
    .innerJoin('users', 'users.id', 'medical_history_versions.changed_by')
    .selectAll('medical_history_versions')
    .select(['users.name as changed_by_name', 'users.role as changed_by_role'])
    .where('medical_history_versions.entry_id', '=', entryId);
  if (beforeVersion !== null) query = query.where('medical_history_versions.version', '<', beforeVersion);
  return query.orderBy('medical_history_versions.version', 'desc').limit(limit).execute();
}
