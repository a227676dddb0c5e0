import type { Deps } from '../../deps.ts';
import { constraintViolation } from '../../db/constraint.ts';
import type { Trx } from '../../db/types.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { newId } from '../../ids.ts';
import { formatMinor } from '#shared/payments';
import type { AppointmentStatus } from '#shared/appointments';
import { writeAudit } from '../audit/audit.service.ts';
import { insertHistory } from '../appointments/appointments.queries.ts';
import { notify } from '../notifications/notifications.service.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { checkoutPage, checkoutToken, parseFakeEvent, sameToken, signFakeEvent, verifyFakeSignature, type FakeEvent } from './fake-provider.ts';
import { claimEvent, findAppointmentCharge, findPaymentByRef, settlePending, type PaymentRow } from './payments.queries.ts';

export interface WebhookOutcome {
  received: true;
  /** The event was seen before and changed nothing. */
  duplicate: boolean;
}

const signatureInvalid = () => new AppError(400, 'WEBHOOK_SIGNATURE_INVALID', 'The callback\'s signature does not match its body, or it is too old');

/**
 * A provider's callback: the signature is checked over the raw body before anything is read. Deliveries come at
 * least once and in any order: an event id is applied once, and a payment only moves forward from pending.
 */
export async function receiveWebhook(deps: Deps, provider: string, rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
  if (provider !== deps.config.paymentProvider) throw notFound('Payment provider');
  const now = deps.clock.now();
  if (!verifyFakeSignature(deps.config.paymentWebhookSecret, rawBody, signature, now)) throw signatureInvalid();
  const event = parseFakeEvent(rawBody);
  if (!event) throw new AppError(400, 'VALIDATION_FAILED', 'The callback\'s body is not a payment event');
  try {
    return await deps.db.transaction().execute((trx) => applyEvent(trx, provider, event, now));
  } catch (error) {
    // A concurrent delivery of the same event claimed it first.
    if (constraintViolation(error)?.kind === 'unique') return { received: true, duplicate: true };
    throw error;
  }
}

async function applyEvent(trx: Trx, provider: string, event: FakeEvent, now: Date): Promise<WebhookOutcome> {
  const at = now.toISOString();
  const payment = await findPaymentByRef(trx, provider, event.checkoutRef);
  const fresh = await claimEvent(trx, { provider, event_id: event.id, type: event.type, payment_id: payment?.id ?? null, received_at: at });
  if (!fresh) return { received: true, duplicate: true };
  if (!payment) return { received: true, duplicate: false };
  const status = event.type === 'checkout.succeeded' ? 'succeeded' : 'failed';
  const moved = await settlePending(trx, payment.id, status, at);
  const charge = await findAppointmentCharge(trx, payment.appointment_id);
  if (!moved) {
    // Already settled (or closed because the desk took the fee): the state never goes backwards.
    await writeAudit(trx, now, {
      actorId: null, actorRole: null, action: status === 'succeeded' && payment.status !== 'succeeded' ? 'payment.late_success' : 'payment.read',
      entityType: 'payment', entityId: payment.id, outcome: 'success', ip: null,
      details: { appointmentId: payment.appointment_id, patientId: payment.patient_id, eventId: event.id, eventType: event.type, currentStatus: payment.status },
    });
    return { received: true, duplicate: false };
  }
  await settled(trx, payment, status, charge?.patient_user_id ?? null, charge?.status ?? null, event.id, now);
  return { received: true, duplicate: false };
}

async function settled(trx: Trx, payment: PaymentRow, status: 'succeeded' | 'failed', patientUserId: string | null, appointmentStatus: AppointmentStatus | null, eventId: string, now: Date) {
  const at = now.toISOString();
  const amount = formatMinor(payment.amount_minor, payment.currency, 'en-GB');
  await writeAudit(trx, now, {
    actorId: null, actorRole: null, action: status === 'succeeded' ? 'payment.succeed' : 'payment.fail', entityType: 'payment', entityId: payment.id,
    outcome: 'success', ip: null, details: { appointmentId: payment.appointment_id, patientId: payment.patient_id, eventId, amountMinor: payment.amount_minor, currency: payment.currency },
  });
  if (!patientUserId || !appointmentStatus) return;
  await insertHistory(trx, {
    id: newId(), appointment_id: payment.appointment_id, at, actor_id: patientUserId, actor_role: 'patient', from_status: appointmentStatus, to_status: appointmentStatus,
    from_start: null, to_start: null, note: status === 'succeeded' ? `Paid online: ${amount}` : 'Online payment failed',
  });
  if (status === 'succeeded') {
    await notify(trx, now, { userId: patientUserId, kind: 'payment.succeeded', title: 'Payment received', body: `We received your payment of ${amount}.`, appointmentId: payment.appointment_id });
  }
}

async function openCheckout(deps: Deps, checkoutRef: string): Promise<PaymentRow> {
  const payment = await findPaymentByRef(deps.db, deps.config.paymentProvider, checkoutRef);
  if (!payment) throw notFound('Checkout');
  return payment;
}

/** The built-in checkout page of the offline provider. */
export async function fakeCheckoutPage(deps: Deps, checkoutRef: string): Promise<string> {
  const [payment, settings] = await Promise.all([openCheckout(deps, checkoutRef), getSettings(deps.db)]);
  return checkoutPage({
    hospitalName: settings.hospital_name, checkoutRef, token: checkoutToken(deps.config.paymentWebhookSecret, checkoutRef),
    amountMinor: payment.amount_minor, currency: payment.currency, open: payment.status === 'pending',
  });
}

/**
 * The checkout page's form: the offline provider signs its callback and delivers it like a real provider would,
 * through the webhook's own check. Answers where to send the browser back to (no patient data in it).
 */
export async function submitFakeCheckout(deps: Deps, checkoutRef: string, token: string, outcome: string): Promise<string> {
  if (!sameToken(token, checkoutToken(deps.config.paymentWebhookSecret, checkoutRef))) throw new AppError(400, 'CHECKOUT_INVALID', 'This checkout form is not valid: open the checkout again');
  const payment = await openCheckout(deps, checkoutRef);
  const body = JSON.stringify({ id: `evt_${newId()}`, type: outcome === 'pay' ? 'checkout.succeeded' : 'checkout.failed', checkoutRef });
  const signature = signFakeEvent(deps.config.paymentWebhookSecret, body, deps.clock.now());
  await receiveWebhook(deps, deps.config.paymentProvider, Buffer.from(body), signature);
  return `/appointments/${encodeURIComponent(payment.appointment_id)}`;
}
