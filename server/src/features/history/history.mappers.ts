import type { MedicalHistoryTable } from '../../db/types.ts';
import type { Role } from '#shared/roles';
import type { EntryRow, VersionRow } from './history.queries.ts';
import type { EntryContent } from './history.rules.ts';
import type { HistoryKind } from './history.schemas.ts';

const person = (id: string, name: string, role: string) => ({ id, name, role: role as Role });
const optional = <T>(value: T | null): T | undefined => value ?? undefined;

export function contentOf(row: MedicalHistoryTable): EntryContent {
  return {
    kind: row.kind as HistoryKind, title: row.title, details: row.details, onsetDate: row.onset_date, resolvedDate: row.resolved_date,
    allergenIngredient: row.allergen_ingredient, allergenClass: row.allergen_class,
  };
}

function allergenOf(row: { allergen_ingredient: string | null; allergen_class: string | null }) {
  if (row.allergen_ingredient === null && row.allergen_class === null) return undefined;
  return { ...(row.allergen_ingredient === null ? {} : { ingredient: row.allergen_ingredient }), ...(row.allergen_class === null ? {} : { class: row.allergen_class }) };
}

export function toHistoryEntry(row: EntryRow) {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind as HistoryKind,
    title: row.title,
    details: optional(row.details),
    onsetDate: optional(row.onset_date),
    resolvedDate: optional(row.resolved_date),
    allergen: allergenOf(row),
    selfReported: row.self_reported === 1,
    version: Number(row.version),
    recordedAt: row.recorded_at,
    recordedBy: person(row.recorded_by, row.recorded_by_name, row.recorded_by_role),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by && row.updated_by_name && row.updated_by_role ? person(row.updated_by, row.updated_by_name, row.updated_by_role) : undefined,
  };
}

export function toHistoryVersion(row: VersionRow) {
  return {
    version: Number(row.version),
    kind: row.kind as HistoryKind,
    title: row.title,
    details: optional(row.details),
    onsetDate: optional(row.onset_date),
    resolvedDate: optional(row.resolved_date),
    allergen: allergenOf(row),
    changedAt: row.changed_at,
    changedBy: person(row.changed_by, row.changed_by_name, row.changed_by_role),
  };
}
