import type { SpecializationsTable } from '../../db/types.ts';

/** What anyone may see of a specialization. */
export function toPublicSpecialization(row: SpecializationsTable) {
  return { id: row.id, name: row.name, ...(row.description ? { description: row.description } : {}) };
}

/** What administrators see: also whether it is retired. */
export function toAdminSpecialization(row: SpecializationsTable) {
  return { ...toPublicSpecialization(row), active: row.active === 1 };
}
