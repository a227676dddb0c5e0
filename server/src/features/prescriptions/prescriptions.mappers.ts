import type { DoseUnit, DurationUnit, FrequencyCode, MedicineRoute, PrescriptionStatus } from '#shared/prescriptions';
import type { PolicyActor } from '../patients/patients.policy.ts';
import type { PrescriptionItemsTable } from '../../db/types.ts';
import { parseTerms } from '../formulary/formulary.mappers.ts';
import { quantityWarning } from './dosing.ts';
import { allowedActions, type Relation } from './prescriptions.policy.ts';
import type { PrescriptionRow } from './prescriptions.queries.ts';
import type { PrescriptionItemView, PrescriptionView } from './prescriptions.schemas.ts';

export function toItem(row: PrescriptionItemsTable): PrescriptionItemView {
  return {
    id: row.id,
    formularyId: row.formulary_id,
    drugText: row.drug_text,
    drug: row.drug_name,
    checked: row.formulary_id !== null,
    ingredients: parseTerms(row.ingredients),
    classes: parseTerms(row.classes),
    dose: { value: row.dose_value, unit: row.dose_unit as DoseUnit },
    route: row.route as MedicineRoute,
    frequency: row.frequency as FrequencyCode,
    frequencyText: row.frequency_text,
    duration: row.duration_value !== null && row.duration_unit !== null ? { value: Number(row.duration_value), unit: row.duration_unit as DurationUnit } : null,
    quantity: row.quantity_value !== null && row.quantity_unit !== null ? { value: row.quantity_value, unit: row.quantity_unit as DoseUnit } : null,
    refills: Number(row.refills),
    instructions: row.instructions,
  };
}

/** The status the answers give: an active prescription whose course has ended reads as completed. */
export function effectiveStatus(row: Pick<PrescriptionRow, 'status' | 'ends_at'>, now: Date): PrescriptionStatus {
  return row.status === 'active' && row.ends_at !== null && row.ends_at <= now.toISOString() ? 'completed' : row.status;
}

/** The quantity warnings of the items, with their paths. */
export function warningsOf(items: readonly PrescriptionItemView[]): { path: string; message: string }[] {
  return items.flatMap((item, index) => {
    const message = quantityWarning(item);
    return message ? [{ path: `/items/${index}/quantity`, message }] : [];
  });
}

function overrideOf(row: PrescriptionRow): PrescriptionView['override'] {
  if (row.override_reason === null || row.conflicts === null) return null;
  const conflicts: unknown = JSON.parse(row.conflicts);
  return { reason: row.override_reason, conflicts: Array.isArray(conflicts) ? (conflicts as { code: string; path: string; message: string }[]) : [] };
}

export function toPrescription(row: PrescriptionRow, itemRows: readonly PrescriptionItemsTable[], actor: PolicyActor, relation: Relation, now: Date): PrescriptionView {
  const items = itemRows.map(toItem);
  const status = effectiveStatus(row, now);
  return {
    id: row.id,
    number: row.number,
    status,
    patientId: row.patient_id,
    patientName: row.patient_name,
    prescriber: { doctorId: row.doctor_id, name: row.doctor_name },
    appointmentId: row.appointment_id,
    replacesId: row.replaces_id,
    replacedById: row.replaced_by_id,
    items,
    warnings: warningsOf(items),
    override: overrideOf(row),
    issuedAt: row.issued_at,
    endsAt: row.ends_at,
    endedAt: row.ended_at ?? (status === 'completed' && row.status === 'active' ? row.ends_at : null),
    endReason: row.end_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowedActions: allowedActions(actor, { patientId: row.patient_id, doctorId: row.doctor_id, status }, relation),
  };
}
