import type { Kysely } from 'kysely';

// The appointment lists (a patient's upcoming, a doctor's day) are ordered by start time, then id, and a
// doctor's weekly plan by weekday, then start. With (patient_id, start_at), (doctor_id, start_at) and
// (doctor_id, weekday) the plans read every matching row and sort them for the last term (SQLite: "USE TEMP
// B-TREE FOR LAST TERM OF ORDER BY"); with that term in the index they read the rows in order and stop at the
// page's end (docs/performance.md). The wider indexes serve every query the narrow ones served, which are
// dropped so that writes maintain no more indexes than before.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appointments_doctor_start_id').on('appointments').columns(['doctor_id', 'start_at', 'id']).execute();
  await db.schema.createIndex('appointments_patient_start_id').on('appointments').columns(['patient_id', 'start_at', 'id']).execute();
  await db.schema.createIndex('availability_intervals_doctor_start').on('availability_intervals').columns(['doctor_id', 'weekday', 'start_minute']).execute();
  await db.schema.dropIndex('appointments_doctor_start').execute();
  await db.schema.dropIndex('appointments_patient_start').execute();
  await db.schema.dropIndex('availability_intervals_doctor').execute();
}
