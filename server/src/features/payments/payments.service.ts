import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Executor, SettingsTable, Trx } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { formatMinor, type DeskPaymentMethod, type PaymentViewStatus } from '#shared/payments';
import { writeAudit } from '../audit/audit.service.ts';
import { findVisibleAppointment } from '../appointments/appointments.service.ts';
import { insertHistory } from '../appointments/appointments.queries.ts';
import {
  cancelPendingOf, findAppointmentCharge, findDoctorFee, insertPayment, listPaymentsOf, listRefundsOf, setAppointmentFee,
  type PaymentRow, type RefundRow,
} from './payments.queries.ts';
import { checkoutPath } from './fake-provider.ts';

export interface PaymentView {
  status: PaymentViewStatus;
  amountMinor: number | null;
  currency: string | null;
  method?: string;
  paidAt?: string;
  refundedMinor: number;
  checkoutUrl?: string;
  refunds: { id: string; amountMinor: number; status: string; reason: string; createdAt: string }[];
}

const SETTLED_ORDER = ['succeeded', 'pending', 'failed', 'cancelled'];

/** The payment that speaks for the appointment: the succeeded one, else the pending one, else the latest. */
function currentPayment(payments: PaymentRow[]): PaymentRow | undefined {
  return [...payments].sort((a, b) => SETTLED_ORDER.indexOf(a.status) - SETTLED_ORDER.indexOf(b.status) || b.created_at.localeCompare(a.created_at))[0];
}

function viewStatus(payment: PaymentRow | undefined): PaymentViewStatus {
  if (!payment || payment.status === 'cancelled') return 'none';
  if (payment.status !== 'succeeded') return payment.status === 'pending' ? 'pending' : 'failed';
  if (payment.refunded_minor === 0) return 'succeeded';
  return payment.refunded_minor >= payment.amount_minor ? 'refunded' : 'partially_refunded';
}

export function toPaymentView(fee: { fee_minor: number | null; fee_currency: string | null }, payments: PaymentRow[], refunds: RefundRow[], forPatient: boolean): PaymentView {
  const payment = currentPayment(payments);
  const view: PaymentView = {
    status: viewStatus(payment),
    amountMinor: payment?.amount_minor ?? fee.fee_minor,
    currency: payment?.currency ?? fee.fee_currency,
    refundedMinor: payment?.refunded_minor ?? 0,
    refunds: refunds.filter((refund) => refund.payment_id === payment?.id)
      .map((refund) => ({ id: refund.id, amountMinor: refund.amount_minor, status: refund.status, reason: refund.reason, createdAt: refund.created_at })),
  };
  if (payment && payment.status !== 'cancelled') view.method = payment.method;
  if (payment?.succeeded_at) view.paidAt = payment.succeeded_at;
  if (forPatient && payment?.status === 'pending' && payment.provider === 'fake' && payment.provider_ref) view.checkoutUrl = checkoutPath(payment.provider_ref);
  return view;
}

async function paymentViewOf(db: Executor, appointmentId: string, fee: { fee_minor: number | null; fee_currency: string | null }, forPatient: boolean): Promise<PaymentView> {
  const payments = await listPaymentsOf(db, appointmentId);
  return toPaymentView(fee, payments, await listRefundsOf(db, payments.map((p) => p.id)), forPatient);
}

/** What was paid and what is due on an appointment the actor may see; anyone else's answers 404. */
export async function getPayment(deps: Deps, actor: Actor, appointmentId: string, ip: string | null): Promise<PaymentView> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleAppointment(trx, actor, appointmentId);
    const charge = await findAppointmentCharge(trx, row.id);
    const view = await paymentViewOf(trx, row.id, { fee_minor: charge?.fee_minor ?? null, fee_currency: charge?.fee_currency ?? null }, actor.role === 'patient');
    await writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'payment.read', entityType: 'appointment', entityId: row.id, outcome: 'success', ip,
      details: { patientId: row.patient_id, status: view.status },
    });
    return view;
  });
}

export interface NewCharge {
  appointmentId: string;
  doctorId: string;
  patientId: string;
  actor: Actor;
  settings: SettingsTable;
  provider: 'fake';
  /** Walk-ins pay at the desk: no online checkout is opened for them. */
  online: boolean;
  now: Date;
  ip: string | null;
}

/**
 * Inside the booking's transaction: the doctor's fee is copied onto the appointment (later fee changes leave it as
 * booked) and, when the hospital takes payments online, a pending payment with its checkout is opened.
 */
export async function chargeForBooking(trx: Trx, charge: NewCharge): Promise<void> {
  const fee = await findDoctorFee(trx, charge.doctorId);
  if (!fee || fee.fee_minor === null || fee.fee_currency === null || fee.fee_minor <= 0) return;
  await setAppointmentFee(trx, charge.appointmentId, fee.fee_minor, fee.fee_currency);
  if (!charge.online || charge.settings.payment_mode === 'off') return;
  const at = charge.now.toISOString();
  const id = newId();
  await insertPayment(trx, {
    id, appointment_id: charge.appointmentId, patient_id: charge.patientId, method: 'online', provider: charge.provider, provider_ref: `cs_${newId()}`,
    status: 'pending', amount_minor: fee.fee_minor, currency: fee.fee_currency, refunded_minor: 0, reference: null, recorded_by: null,
    created_at: at, updated_at: at, succeeded_at: null,
  });
  await writeAudit(trx, charge.now, {
    actorId: charge.actor.userId, actorRole: charge.actor.role, action: 'payment.open', entityType: 'payment', entityId: id, outcome: 'success', ip: charge.ip,
    details: { appointmentId: charge.appointmentId, patientId: charge.patientId, amountMinor: fee.fee_minor, currency: fee.fee_currency },
  });
}

export interface DeskPaymentInput {
  amountMinor: number;
  method: DeskPaymentMethod;
  reference?: string | undefined;
}

const alreadyPaid = () => new AppError(409, 'ALREADY_PAID', 'This appointment is already paid');

/** A receptionist or admin records the fee taken at the desk (cash or card terminal); an open online checkout is closed. */
export async function recordDeskPayment(deps: Deps, actor: Actor, appointmentId: string, input: DeskPaymentInput, ip: string | null): Promise<PaymentView> {
  const now = deps.clock.now();
  const at = now.toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await findVisibleAppointment(trx, actor, appointmentId);
      const charge = await findAppointmentCharge(trx, row.id);
      if (!charge || charge.fee_minor === null || charge.fee_currency === null) {
        throw new AppError(409, 'PAYMENT_NOT_DUE', 'This appointment has no fee to pay: its doctor had no fee when it was booked');
      }
      if (charge.status === 'cancelled' || charge.status === 'rejected') throw new AppError(409, 'PAYMENT_NOT_DUE', `This appointment is ${charge.status}: nothing is due`);
      if (input.amountMinor !== charge.fee_minor) {
        throw invalid('/amountMinor', `The fee for this appointment is ${formatMinor(charge.fee_minor, charge.fee_currency, 'en-GB')} (${charge.fee_minor} in minor units): record the whole fee`);
      }
      const existing = await listPaymentsOf(trx, row.id);
      if (existing.some((payment) => payment.status === 'succeeded')) throw alreadyPaid();
      const closed = await cancelPendingOf(trx, row.id, at);
      const id = newId();
      const reference = input.reference?.trim() || null;
      await insertPayment(trx, {
        id, appointment_id: row.id, patient_id: charge.patient_id, method: input.method, provider: null, provider_ref: null, status: 'succeeded',
        amount_minor: charge.fee_minor, currency: charge.fee_currency, refunded_minor: 0, reference, recorded_by: actor.userId,
        created_at: at, updated_at: at, succeeded_at: at,
      });
      await insertHistory(trx, {
        id: newId(), appointment_id: row.id, at, actor_id: actor.userId, actor_role: actor.role, from_status: row.status, to_status: row.status,
        from_start: null, to_start: null, note: `Paid at the desk (${input.method}): ${formatMinor(charge.fee_minor, charge.fee_currency, 'en-GB')}`,
      });
      await writeAudit(trx, now, {
        actorId: actor.userId, actorRole: actor.role, action: 'payment.desk_record', entityType: 'payment', entityId: id, outcome: 'success', ip,
        details: { appointmentId: row.id, patientId: charge.patient_id, amountMinor: charge.fee_minor, currency: charge.fee_currency, method: input.method, reference, closedCheckouts: closed },
      });
      return paymentViewOf(trx, row.id, charge, false);
    });
  } catch (error) {
    if (constraintViolation(error)?.kind === 'unique') throw alreadyPaid();
    throw error;
  }
}
