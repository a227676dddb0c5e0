/** Tables of migration 017 (payments). Amounts are integers in the currency's minor unit. */
export interface PaymentsTable {
  id: string;
  appointment_id: string;
  patient_id: string;
  /** 'online' | 'cash' | 'card' | 'other' */
  method: string;
  /** 'fake' | 'stripe' for online payments, null at the desk. */
  provider: string | null;
  /** The provider's checkout session id. */
  provider_ref: string | null;
  /** 'pending' | 'succeeded' | 'failed' | 'cancelled' (forward only). */
  status: string;
  amount_minor: number;
  currency: string;
  refunded_minor: number;
  /** The desk's own reference (terminal slip, receipt book number). */
  reference: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
  succeeded_at: string | null;
}

export interface PaymentRefundsTable {
  id: string;
  payment_id: string;
  amount_minor: number;
  reason: string;
  /** 'succeeded' (returned through the provider) | 'due_at_desk' (cash to hand back). */
  status: string;
  idempotency_key: string;
  created_at: string;
}

export interface PaymentEventsTable {
  provider: string;
  event_id: string;
  type: string;
  payment_id: string | null;
  received_at: string;
}
