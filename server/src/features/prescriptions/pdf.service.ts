import type { Deps } from '../../deps.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { documentHospital, type DocumentFile } from '../documents/documents.service.ts';
import { renderPrescriptionPdf, type PrescriptionDocumentStatus } from '../documents/prescription.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { auditBy, type Caller } from '../patients/access.ts';
import { FREQUENCIES } from '#shared/prescriptions';
import { breakGlassMarker, invalidTransition, openPrescription, PRESCRIPTION_AUDIT } from './access.ts';
import { effectiveStatus, toItem } from './prescriptions.mappers.ts';
import { countPredecessors, findDocumentParties, wasPrinted } from './prescriptions.queries.ts';
import { prescriptionTransaction } from './prescriptions.service.ts';

const documentStatus = (status: string): PrescriptionDocumentStatus =>
  status === 'entered-in-error' ? 'entered_in_error' : (status as PrescriptionDocumentStatus);

/**
 * The issued prescription as PDF, for whoever may read it: entered-in-error ones print marked VOID with the reason,
 * a second print says COPY. A draft is not printed (409). The generation is audited.
 */
export async function prescriptionPdf(deps: Deps, caller: Caller, id: string): Promise<DocumentFile> {
  const now = deps.clock.now();
  const action = PRESCRIPTION_AUDIT.pdf;
  return prescriptionTransaction(deps, caller, async (trx) => {
    const { row, items, grantId } = await openPrescription(trx, caller, id, action, now);
    if (row.status === 'draft') throw invalidTransition('A draft is not printed: issue it first');
    const [settings, parties, predecessors, reprint] = await Promise.all([
      getSettings(trx), findDocumentParties(trx, row.doctor_id, row.patient_id), countPredecessors(trx, row.replaces_id), wasPrinted(trx, id, action),
    ]);
    const status = effectiveStatus(row, now);
    const body = await renderPrescriptionPdf({
      hospital: documentHospital(settings),
      generatedAt: now,
      prescription: { id, number: row.number, version: predecessors + 1, status: documentStatus(status), issuedAt: row.issued_at, statusReason: row.end_reason },
      prescriber: { name: parties.doctor.name, specialization: parties.doctor.specialization },
      patient: { name: parties.patient.name, dateOfBirth: parties.patient.date_of_birth, identifier: row.patient_id },
      items: items.map(toItem).map((item) => ({
        drug: item.checked ? item.drug : `${item.drug} (not checked)`,
        dose: item.dose,
        route: item.route,
        frequency: [`${item.frequency} (${FREQUENCIES[item.frequency].label.toLowerCase()})`, item.frequencyText].filter(Boolean).join(', '),
        duration: item.duration,
        quantity: item.quantity,
        refills: item.refills,
        instructions: item.instructions,
      })),
      reprint,
    });
    await writeAudit(trx, now, auditBy(caller, {
      action, entityType: 'prescription', entityId: id, outcome: 'success', details: { patientId: row.patient_id, number: row.number, format: 'pdf', reprint, ...breakGlassMarker(grantId) },
    }));
    return { filename: `prescription-${row.number}.pdf`, contentType: 'application/pdf', body };
  });
}
