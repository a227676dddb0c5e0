import { sql } from 'kysely';
import type { Executor, PrescriptionItemsTable, PrescriptionsTable } from '../../db/types.ts';
import type { PrescriptionStatus } from '#shared/prescriptions';

export type PrescriptionRow = PrescriptionsTable & { patient_name: string; doctor_name: string; replaced_by_id: string | null };

function selectPrescriptions(db: Executor) {
  return db
    .selectFrom('prescriptions')
    .innerJoin('patients', 'patients.id', 'prescriptions.patient_id')
    .innerJoin('doctors', 'doctors.id', 'prescriptions.doctor_id')
    .selectAll('prescriptions')
    .select(['patients.name as patient_name', 'doctors.name as doctor_name'])
    .select((eb) =>
      eb.selectFrom('prescriptions as successor').select('successor.id')
        .whereRef('successor.replaces_id', '=', 'prescriptions.id').where('successor.status', '<>', 'draft').limit(1).as('replaced_by_id'),
    );
}

export async function findPrescription(db: Executor, id: string): Promise<PrescriptionRow | undefined> {
  return selectPrescriptions(db).where('prescriptions.id', '=', id).executeTakeFirst();
}

export interface PrescriptionFilter {
  patientId: string;
  /** The statuses the caller may list; a doctor's drafts only when `draftsOf` is their doctor id. */
  status: PrescriptionStatus | undefined;
  draftsOf: string | null;
  now: string;
  before: { createdAt: string; id: string } | null;
}

/**
 * The patient's prescriptions, newest first. An active one whose course has ended counts as completed, so the
 * status filter follows what the answers say.
 */
export async function listPrescriptions(db: Executor, filter: PrescriptionFilter, limit: number): Promise<PrescriptionRow[]> {
  let query = selectPrescriptions(db).where('prescriptions.patient_id', '=', filter.patientId);
  const draftsOf = filter.draftsOf;
  query = draftsOf === null
    ? query.where('prescriptions.status', '<>', 'draft')
    : query.where((eb) => eb.or([eb('prescriptions.status', '<>', 'draft'), eb('prescriptions.doctor_id', '=', draftsOf)]));
  if (filter.status === 'active') {
    query = query.where('prescriptions.status', '=', 'active')
      .where((eb) => eb.or([eb('prescriptions.ends_at', 'is', null), eb('prescriptions.ends_at', '>', filter.now)]));
  } else if (filter.status === 'completed') {
    query = query.where((eb) => eb.or([
      eb('prescriptions.status', '=', 'completed'),
      eb.and([eb('prescriptions.status', '=', 'active'), eb('prescriptions.ends_at', '<=', filter.now)]),
    ]));
  } else if (filter.status) {
    query = query.where('prescriptions.status', '=', filter.status);
  }
  const before = filter.before;
  if (before) {
    query = query.where((eb) => eb.or([
      eb('prescriptions.created_at', '<', before.createdAt),
      eb.and([eb('prescriptions.created_at', '=', before.createdAt), eb('prescriptions.id', '<', before.id)]),
    ]));
  }
  return query.orderBy('prescriptions.created_at', 'desc').orderBy('prescriptions.id', 'desc').limit(limit).execute();
}

/** The prescriptions issued at a visit (not drafts, not entered in error), oldest first. */
export async function listIssuedPrescriptionsOfAppointment(db: Executor, appointmentId: string): Promise<PrescriptionRow[]> {
  return selectPrescriptions(db)
    .where('prescriptions.appointment_id', '=', appointmentId)
    .where('prescriptions.status', 'not in', ['draft', 'entered-in-error'])
    .orderBy('prescriptions.created_at').orderBy('prescriptions.id')
    .execute();
}

/** The items of the prescriptions, in position order. */
export async function listItems(db: Executor, prescriptionIds: readonly string[]): Promise<PrescriptionItemsTable[]> {
  if (prescriptionIds.length === 0) return [];
  return db.selectFrom('prescription_items').selectAll().where('prescription_id', 'in', [...prescriptionIds]).orderBy('prescription_id').orderBy('position').execute();
}

/** The patient's prescriptions whose course is running now (active and not past their end), with their items. */
export async function listRunningPrescriptions(db: Executor, patientId: string, now: string): Promise<PrescriptionsTable[]> {
  return db.selectFrom('prescriptions').selectAll().where('patient_id', '=', patientId).where('status', '=', 'active')
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)])).orderBy('created_at').execute();
}

/** The patient's live, unresolved allergy entries of the medical history. */
export async function listAllergies(db: Executor, patientId: string) {
  return db.selectFrom('medical_history').select(['id', 'title', 'allergen_ingredient', 'allergen_class'])
    .where('patient_id', '=', patientId).where('kind', '=', 'allergy').where('deleted_at', 'is', null).where('resolved_date', 'is', null)
    .orderBy('recorded_at').execute();
}

export async function insertPrescription(db: Executor, row: PrescriptionsTable): Promise<void> {
  await db.insertInto('prescriptions').values(row).execute();
}

export async function insertItems(db: Executor, rows: readonly PrescriptionItemsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('prescription_items').values([...rows]).execute();
}

export async function deleteItems(db: Executor, prescriptionId: string): Promise<void> {
  await db.deleteFrom('prescription_items').where('prescription_id', '=', prescriptionId).execute();
}

export async function deletePrescription(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('prescriptions').where('id', '=', id).execute();
}

/** Moves a prescription on from the status it was read in; false when it had changed meanwhile. */
export async function updatePrescriptionFrom(
  db: Executor, id: string, from: PrescriptionStatus, changes: Partial<Omit<PrescriptionsTable, 'id'>>,
): Promise<boolean> {
  const result = await db.updateTable('prescriptions').set(changes).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The next number of the year's sequence, atomically (an upsert that locks the year's row on PostgreSQL). */
export async function nextPrescriptionNumber(db: Executor, year: number): Promise<number> {
  const row = await db.insertInto('prescription_numbers').values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`prescription_numbers.last + 1` }))
    .returning('last').executeTakeFirstOrThrow();
  return Number(row.last);
}

/** The appointment, when it is between this doctor and this patient. */
export async function findAppointmentOf(db: Executor, appointmentId: string, doctorId: string, patientId: string) {
  return db.selectFrom('appointments').select(['id', 'status']).where('id', '=', appointmentId).where('doctor_id', '=', doctorId)
    .where('patient_id', '=', patientId).executeTakeFirst();
}

/** How many earlier prescriptions this one replaces, following replaces_id back. */
export async function countPredecessors(db: Executor, replacesId: string | null): Promise<number> {
  let count = 0;
  let next = replacesId;
  while (next !== null && count < 100) {
    const row = await db.selectFrom('prescriptions').select('replaces_id').where('id', '=', next).executeTakeFirst();
    if (!row) break;
    count += 1;
    next = row.replaces_id;
  }
  return count;
}

/** Whether the prescription's PDF was generated before (a reprint says COPY). */
export async function wasPrinted(db: Executor, prescriptionId: string, action: string): Promise<boolean> {
  const row = await db.selectFrom('audit_log').select('id').where('action', '=', action).where('entity_id', '=', prescriptionId)
    .where('outcome', '=', 'success').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** What the printed prescription says about the prescriber and the patient. */
export async function findDocumentParties(db: Executor, doctorId: string, patientId: string) {
  const [doctor, patient] = await Promise.all([
    db.selectFrom('doctors').leftJoin('specializations', 'specializations.id', 'doctors.specialization_id')
      .select(['doctors.name', 'specializations.name as specialization']).where('doctors.id', '=', doctorId).executeTakeFirstOrThrow(),
    db.selectFrom('patients').select(['name', 'date_of_birth']).where('id', '=', patientId).executeTakeFirstOrThrow(),
  ]);
  return { doctor, patient };
}
