import { Type } from 'typebox';
import { DESK_PAYMENT_METHODS, PAYMENT_VIEW_STATUSES } from '#shared/payments';

export const Payment = Type.Object({
  status: Type.Enum(PAYMENT_VIEW_STATUSES, { description: 'none: nothing paid or open; refunded / partially_refunded: paid, then (partly) returned' }),
  amountMinor: Type.Union([Type.Integer(), Type.Null()], { description: 'The fee as booked, in the currency\'s minor unit (pence, yen, fils); null when free' }),
  currency: Type.Union([Type.String(), Type.Null()], { description: 'ISO 4217 code' }),
  method: Type.Optional(Type.String({ description: 'online, cash, card or other' })),
  paidAt: Type.Optional(Type.String({ format: 'date-time' })),
  refundedMinor: Type.Integer(),
  checkoutUrl: Type.Optional(Type.String({ description: 'For the patient, while the online payment is open: where to pay' })),
  refunds: Type.Array(Type.Object({
    id: Type.String(), amountMinor: Type.Integer(), status: Type.String({ description: 'succeeded, or due_at_desk (cash to hand back)' }), reason: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  })),
});

export const AppointmentPaymentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const DeskPaymentBody = Type.Object({
  amountMinor: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'The whole fee, in the currency\'s minor unit' }),
  method: Type.Enum(DESK_PAYMENT_METHODS),
  reference: Type.Optional(Type.String({ maxLength: 120, description: 'The terminal slip or receipt book number' })),
}, { additionalProperties: false });

export const ProviderParams = Type.Object({ provider: Type.String({ minLength: 1, maxLength: 32 }) });
export const CheckoutParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 80 }) });
export const WebhookReceived = Type.Object({ received: Type.Literal(true), duplicate: Type.Boolean() });
