import type { Kysely } from 'kysely';

// Booking counts a patient's open requests on every request; without this index that walked
// every requested appointment of the hospital (docs/performance.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('appointments_patient_status').on('appointments').columns(['patient_id', 'status']).execute();
}
