import type { AppointmentHistoryTable, AppointmentsTable, Executor, MedicalHistoryTable, NotificationsTable } from '../../db/types.ts';

// What the documents read: an appointment with its parties for the slip, and everything held about one patient.

export interface SlipAppointmentRow extends AppointmentsTable {
  doctor_name: string;
  doctor_department: string | null;
  specialization_name: string | null;
  patient_name: string;
  patient_date_of_birth: string;
}

export async function findSlipAppointment(db: Executor, id: string): Promise<SlipAppointmentRow | undefined> {
  return db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .leftJoin('specializations', 'specializations.id', 'doctors.specialization_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .selectAll('appointments')
    .select([
      'doctors.name as doctor_name', 'doctors.department as doctor_department', 'specializations.name as specialization_name',
      'patients.name as patient_name', 'patients.date_of_birth as patient_date_of_birth',
    ])
    .where('appointments.id', '=', id)
    .executeTakeFirst();
}

export interface RecordAppointmentRow extends AppointmentsTable {
  doctor_name: string;
  doctor_user_id: string;
  patient_name: string;
  patient_user_id: string | null;
  consultation_status: string | null;
  consultation_signed_at: string | null;
}

/** Every appointment of the patient, whatever its status, by start time. */
export async function listAppointmentsOfPatient(db: Executor, patientId: string): Promise<RecordAppointmentRow[]> {
  return db
    .selectFrom('appointments')
    .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .selectAll('appointments')
    .select(['doctors.name as doctor_name', 'doctors.user_id as doctor_user_id', 'patients.name as patient_name', 'patients.user_id as patient_user_id'])
    .leftJoin('consultations', 'consultations.appointment_id', 'appointments.id')
    .select(['consultations.status as consultation_status', 'consultations.signed_at as consultation_signed_at'])
    .where('appointments.patient_id', '=', patientId)
    .orderBy('appointments.start_at')
    .orderBy('appointments.id')
    .execute();
}

export interface RecordAppointmentChangeRow extends AppointmentHistoryTable {
  actor_name: string;
}

/** The changes of every appointment of the patient, oldest first. */
export async function listAppointmentChangesOfPatient(db: Executor, patientId: string): Promise<RecordAppointmentChangeRow[]> {
  return db
    .selectFrom('appointment_history')
    .innerJoin('appointments', 'appointments.id', 'appointment_history.appointment_id')
    .innerJoin('users', 'users.id', 'appointment_history.actor_id')
    .selectAll('appointment_history')
    .select('users.name as actor_name')
    .where('appointments.patient_id', '=', patientId)
    .orderBy('appointment_history.at')
    .orderBy('appointment_history.id')
    .execute();
}

export interface RecordHistoryRow extends MedicalHistoryTable {
  recorded_by_name: string;
  recorded_by_role: string;
  updated_by_name: string | null;
  updated_by_role: string | null;
}

/** The patient's medical history entries that are not deleted, oldest first. */
export async function listHistoryOfPatient(db: Executor, patientId: string): Promise<RecordHistoryRow[]> {
  return db
    .selectFrom('medical_history')
    .innerJoin('users as recorder', 'recorder.id', 'medical_history.recorded_by')
    .leftJoin('users as updater', 'updater.id', 'medical_history.updated_by')
    .selectAll('medical_history')
    .select(['recorder.name as recorded_by_name', 'recorder.role as recorded_by_role', 'updater.name as updated_by_name', 'updater.role as updated_by_role'])
    .where('medical_history.patient_id', '=', patientId)
    .where('medical_history.deleted_at', 'is', null)
    .orderBy('medical_history.recorded_at')
    .orderBy('medical_history.id')
    .execute();
}

/** The notifications sent to one user account, oldest first. */
export async function listNotificationsOfUser(db: Executor, userId: string): Promise<NotificationsTable[]> {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}
