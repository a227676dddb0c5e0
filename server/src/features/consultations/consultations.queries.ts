import type { BreakGlassGrantsTable, ConsultationAddendaTable, ConsultationsTable, Executor, Trx } from '../../db/types.ts';

/** The appointment a consultation belongs to, with its parties, and the consultation if there is one. */
export interface VisitRow {
  appointment_id: string;
  doctor_id: string;
  patient_id: string;
  start_at: string;
  status: string;
  doctor_name: string;
  patient_name: string;
  patient_date_of_birth: string;
  specialization_name: string | null;
  doctor_department: string | null;
}

export async function findVisit(db: Executor, appointmentId: string): Promise<VisitRow | undefined> {
  return db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .leftJoin('specializations', 'specializations.id', 'doctors.specialization_id')
    .select([
      'appointments.id as appointment_id', 'appointments.doctor_id', 'appointments.patient_id', 'appointments.start_at', 'appointments.status',
      'doctors.name as doctor_name', 'patients.name as patient_name', 'patients.date_of_birth as patient_date_of_birth',
      'specializations.name as specialization_name', 'doctors.department as doctor_department',
    ])
    .where('appointments.id', '=', appointmentId)
    .executeTakeFirst();
}

export interface ConsultationRow extends ConsultationsTable {
  signed_by_name: string | null;
}

export async function findConsultationOfAppointment(db: Executor, appointmentId: string): Promise<ConsultationRow | undefined> {
  return db
    .selectFrom('consultations')
    .leftJoin('users as signer', 'signer.id', 'consultations.signed_by')
    .selectAll('consultations')
    .select('signer.name as signed_by_name')
    .where('consultations.appointment_id', '=', appointmentId)
    .executeTakeFirst();
}

export async function insertConsultation(trx: Trx, row: ConsultationsTable): Promise<void> {
  await trx.insertInto('consultations').values(row).execute();
}

export type DraftChanges = Omit<ConsultationsTable, 'id' | 'appointment_id' | 'doctor_id' | 'patient_id' | 'status' | 'created_by' | 'created_at' | 'signed_at' | 'signed_by'>;

/** Replaces the draft's content; answers false when it is no longer a draft. */
export async function updateDraft(trx: Trx, id: string, changes: DraftChanges): Promise<boolean> {
  const result = await trx.updateTable('consultations').set(changes).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Signs the draft; answers false when it was signed already. */
export async function markSigned(trx: Trx, id: string, userId: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('consultations')
    .set({ status: 'signed', signed_at: at, signed_by: userId, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface AddendumRow extends ConsultationAddendaTable {
  author_name: string;
}

export async function listAddenda(db: Executor, consultationId: string): Promise<AddendumRow[]> {
  return db
    .selectFrom('consultation_addenda')
    .innerJoin('users', 'users.id', 'consultation_addenda.author_id')
    .selectAll('consultation_addenda')
    .select('users.name as author_name')
    .where('consultation_addenda.consultation_id', '=', consultationId)
    .orderBy('consultation_addenda.at')
    .orderBy('consultation_addenda.id')
    .execute();
}

export async function insertAddendum(trx: Trx, row: ConsultationAddendaTable): Promise<void> {
  await trx.insertInto('consultation_addenda').values(row).execute();
}

export interface SignedSummaryRow extends ConsultationsTable {
  start_at: string;
  doctor_name: string;
}

/** A page of the patient's signed consultations, latest visit first (keyset on the visit's start, then id). */
export async function listSignedConsultationsOfPatient(
  db: Executor, patientId: string, after: { start: string; id: string } | undefined, limit: number,
): Promise<SignedSummaryRow[]> {
  let query = db
    .selectFrom('consultations')
    .innerJoin('appointments', 'appointments.id', 'consultations.appointment_id')
    .innerJoin('doctors', 'doctors.id', 'consultations.doctor_id')
    .selectAll('consultations')
    .select(['appointments.start_at', 'doctors.name as doctor_name'])
    .where('consultations.patient_id', '=', patientId)
    .where('consultations.status', '=', 'signed');
  if (after) {
    query = query.where((eb) => eb.or([
      eb('appointments.start_at', '<', after.start),
      eb.and([eb('appointments.start_at', '=', after.start), eb('consultations.id', '<', after.id)]),
    ]));
  }
  return query.orderBy('appointments.start_at', 'desc').orderBy('consultations.id', 'desc').limit(limit).execute();
}

export async function findActiveGrant(db: Executor, userId: string, patientId: string, now: string): Promise<BreakGlassGrantsTable | undefined> {
  return db
    .selectFrom('break_glass_grants')
    .selectAll()
    .where('user_id', '=', userId)
    .where('patient_id', '=', patientId)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertGrant(trx: Trx, row: BreakGlassGrantsTable): Promise<void> {
  await trx.insertInto('break_glass_grants').values(row).execute();
}
