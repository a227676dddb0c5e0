import type { PrescriptionItemsTable, PrescriptionsTable, Trx } from '../../db/types.ts';
import { medicineLabel } from '../../features/formulary/formulary.mappers.ts';
import { insertEntry } from '../../features/history/history.queries.ts';
import { courseEnd } from '../../features/prescriptions/dosing.ts';
import { insertItems, insertPrescription, nextPrescriptionNumber } from '../../features/prescriptions/prescriptions.queries.ts';
import { formatNumber } from '../../features/prescriptions/prescriptions.service.ts';
import { newId } from '../../ids.ts';
import type { DoseUnit, DurationUnit, FrequencyCode } from '#shared/prescriptions';
import { findFormularyByNames, hasCodedAllergy, listCompletedVisits, listPatientsWithLogin } from './seed.queries.ts';
import type { SeedModule } from './seed-module.ts';

// Issued prescriptions for past, completed visits, and a coded penicillin allergy on the first demo patient, so the
// record and the safety checks have something to show.

interface Regimen {
  name: string;
  strength: string;
  dose: [string, DoseUnit];
  frequency: FrequencyCode;
  duration: [number, DurationUnit];
  quantity: [string, DoseUnit];
  instructions: string | null;
}

const REGIMENS: readonly Regimen[] = [
  { name: 'Paracetamol', strength: '500 mg', dose: ['2', 'tablet'], frequency: 'QDS', duration: [5, 'd'], quantity: ['40', 'tablet'], instructions: 'At least 4 hours between doses' },
  { name: 'Ibuprofen', strength: '400 mg', dose: ['1', 'tablet'], frequency: 'TDS', duration: [7, 'd'], quantity: ['21', 'tablet'], instructions: 'Take with or after food' },
  { name: 'Omeprazole', strength: '20 mg', dose: ['1', 'capsule'], frequency: 'OD', duration: [4, 'wk'], quantity: ['28', 'capsule'], instructions: 'Before breakfast' },
  { name: 'Cetirizine', strength: '10 mg', dose: ['1', 'tablet'], frequency: 'OD', duration: [1, 'mo'], quantity: ['30', 'tablet'], instructions: null },
  { name: 'Atorvastatin', strength: '20 mg', dose: ['1', 'tablet'], frequency: 'nocte', duration: [3, 'mo'], quantity: ['90', 'tablet'], instructions: null },
  { name: 'Ramipril', strength: '2.5 mg', dose: ['1', 'capsule'], frequency: 'OD', duration: [1, 'mo'], quantity: ['30', 'capsule'], instructions: 'Blood test in two weeks' },
  { name: 'Amoxicillin', strength: '500 mg', dose: ['1', 'capsule'], frequency: 'TDS', duration: [7, 'd'], quantity: ['21', 'capsule'], instructions: 'Finish the course' },
  { name: 'Salbutamol', strength: '100 micrograms/dose', dose: ['2', 'puff'], frequency: 'PRN', duration: [3, 'mo'], quantity: ['200', 'puff'], instructions: 'Up to 4 times a day when wheezy' },
];
const PRESCRIPTIONS = 12;

export const prescriptionsSeed: SeedModule = {
  name: 'prescriptions',
  async run({ db, now, random }) {
    const [visits, patients, medicines] = await Promise.all([
      listCompletedVisits(db), listPatientsWithLogin(db), findFormularyByNames(db, REGIMENS.map((regimen) => regimen.name)),
    ]);
    const first = patients[0];
    const allergic = first && !(await hasCodedAllergy(db, first.id, 'penicillins')) ? first : undefined;
    const at = now.toISOString();
    let issued = 0;
    await db.transaction().execute(async (trx: Trx) => {
      if (allergic) {
        await insertEntry(trx, {
          id: newId(), patient_id: allergic.id, kind: 'allergy', title: 'Penicillin allergy', details: 'Hives and lip swelling after amoxicillin as a child',
          onset_date: null, resolved_date: null, allergen_ingredient: null, allergen_class: 'penicillins', self_reported: 0, version: 1,
          recorded_by: visits.find((visit) => visit.patient_id === allergic.id)?.doctor_user_id ?? allergic.user_id, recorded_at: at,
          updated_by: null, updated_at: at, deleted_at: null, deleted_by: null,
        });
      }
      for (const visit of visits.slice(0, PRESCRIPTIONS)) {
        const choices = REGIMENS.filter((regimen) => !(visit.patient_id === first?.id && regimen.name === 'Amoxicillin'));
        const regimen = random.pick(choices);
        const medicine = medicines.find((row) => row.name === regimen.name && row.strength === regimen.strength);
        if (!medicine) continue;
        const issuedAt = new Date(visit.end_at);
        const id = newId();
        const year = Number(visit.end_at.slice(0, 4));
        const duration = { value: regimen.duration[0], unit: regimen.duration[1] };
        const row: PrescriptionsTable = {
          id, number: formatNumber(year, await nextPrescriptionNumber(trx, year)), patient_id: visit.patient_id, doctor_id: visit.doctor_id,
          appointment_id: visit.id, replaces_id: null, status: 'draft', override_reason: null, conflicts: null, issued_at: null, ends_at: null,
          ended_at: null, end_reason: null, ended_by: null, created_by: visit.doctor_user_id, created_at: visit.end_at, updated_at: visit.end_at,
        };
        const item: PrescriptionItemsTable = {
          id: newId(), prescription_id: id, position: 0, formulary_id: medicine.id, drug_name: medicineLabel(medicine), drug_text: null,
          ingredients: medicine.ingredients, classes: medicine.classes, dose_value: regimen.dose[0], dose_unit: regimen.dose[1], route: medicine.route,
          frequency: regimen.frequency, frequency_text: null, duration_value: duration.value, duration_unit: duration.unit,
          quantity_value: regimen.quantity[0], quantity_unit: regimen.quantity[1], refills: 0, instructions: regimen.instructions,
        };
        // Written as a draft with its items, then issued: the items are locked from then on, as in the API.
        await insertPrescription(trx, row);
        await insertItems(trx, [item]);
        await trx.updateTable('prescriptions')
          .set({ status: 'active', issued_at: visit.end_at, ends_at: courseEnd(issuedAt, [{ duration }])?.toISOString() ?? null })
          .where('id', '=', id).execute();
        issued += 1;
      }
    });
    return { created: [`${issued} prescriptions`, ...(allergic ? ['1 coded penicillin allergy'] : [])], signIns: [] };
  },
};
