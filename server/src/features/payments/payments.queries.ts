import type { Executor, PaymentRefundsTable, PaymentsTable, Trx } from '../../db/types.ts';
import type { AppointmentStatus } from '#shared/appointments';

export type PaymentRow = PaymentsTable;
export type RefundRow = PaymentRefundsTable;

export async function findDoctorFee(db: Executor, doctorId: string): Promise<{ fee_minor: number | null; fee_currency: string | null } | undefined> {
  return db.selectFrom('doctors').select(['fee_minor', 'fee_currency']).where('id', '=', doctorId).executeTakeFirst();
}

export async function setAppointmentFee(trx: Trx, appointmentId: string, feeMinor: number, currency: string): Promise<void> {
  await trx.updateTable('appointments').set({ fee_minor: feeMinor, fee_currency: currency }).where('id', '=', appointmentId).execute();
}

export interface AppointmentCharge {
  id: string;
  patient_id: string;
  status: AppointmentStatus;
  start_at: string;
  fee_minor: number | null;
  fee_currency: string | null;
  patient_user_id: string | null;
}

export async function findAppointmentCharge(db: Executor, appointmentId: string): Promise<AppointmentCharge | undefined> {
  return db.selectFrom('appointments')
    .innerJoin('patients', 'patients.id', 'appointments.patient_id')
    .select(['appointments.id', 'appointments.patient_id', 'appointments.status', 'appointments.start_at', 'appointments.fee_minor', 'appointments.fee_currency', 'patients.user_id as patient_user_id'])
    .where('appointments.id', '=', appointmentId)
    .executeTakeFirst();
}

export async function listPaymentsOf(db: Executor, appointmentId: string): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('appointment_id', '=', appointmentId).orderBy('created_at').orderBy('id').execute();
}

export async function listRefundsOf(db: Executor, paymentIds: string[]): Promise<RefundRow[]> {
  if (paymentIds.length === 0) return [];
  return db.selectFrom('payment_refunds').selectAll().where('payment_id', 'in', paymentIds).orderBy('created_at').orderBy('id').execute();
}

export async function findPayment(db: Executor, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPaymentByRef(db: Executor, provider: string, ref: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('provider', '=', provider).where('provider_ref', '=', ref).executeTakeFirst();
}

export async function insertPayment(trx: Trx, row: PaymentRow): Promise<void> {
  await trx.insertInto('payments').values(row).execute();
}

/** Moves a pending payment on; answers false when it was no longer pending (another delivery got there first). */
export async function settlePending(trx: Trx, id: string, status: 'succeeded' | 'failed' | 'cancelled', at: string): Promise<boolean> {
  const result = await trx.updateTable('payments')
    .set({ status, updated_at: at, succeeded_at: status === 'succeeded' ? at : null })
    .where('id', '=', id).where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function cancelPendingOf(trx: Trx, appointmentId: string, at: string): Promise<string[]> {
  const rows = await trx.updateTable('payments').set({ status: 'cancelled', updated_at: at })
    .where('appointment_id', '=', appointmentId).where('status', '=', 'pending').returning('id').execute();
  return rows.map((row) => row.id);
}

/** Adds a refund to what was refunded; the row's CHECK refuses a total above the amount paid. */
export async function addRefunded(trx: Trx, id: string, amountMinor: number, at: string): Promise<void> {
  await trx.updateTable('payments').set((eb) => ({ refunded_minor: eb('refunded_minor', '+', amountMinor), updated_at: at })).where('id', '=', id).execute();
}

export async function insertRefund(trx: Trx, row: RefundRow): Promise<void> {
  await trx.insertInto('payment_refunds').values(row).execute();
}

/** Claims a provider event; false when it was seen before. */
export async function claimEvent(trx: Trx, row: { provider: string; event_id: string; type: string; payment_id: string | null; received_at: string }): Promise<boolean> {
  const rows = await trx.insertInto('payment_events').values(row).onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing()).returning('event_id').execute();
  return rows.length === 1;
}
