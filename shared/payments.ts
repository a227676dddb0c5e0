/** Payment vocabularies and money arithmetic, shared by the server and the web. Dependency-free. */

/** Whether patients pay online: not at all, if they wish, or before the request reaches the doctor. */
export const PAYMENT_MODES = ['off', 'optional', 'required'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** A payment row's status: pending may become succeeded, failed or cancelled; nothing else ever changes. */
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What the patient is told about an appointment's payment. */
export const PAYMENT_VIEW_STATUSES = ['none', 'pending', 'succeeded', 'failed', 'refunded', 'partially_refunded'] as const;
export type PaymentViewStatus = (typeof PAYMENT_VIEW_STATUSES)[number];

/** How a payment was taken: online through the provider, or at the desk. */
export const PAYMENT_METHODS = ['online', 'cash', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const DESK_PAYMENT_METHODS = ['cash', 'card', 'other'] as const;
export type DeskPaymentMethod = (typeof DESK_PAYMENT_METHODS)[number];

export const PAYMENT_PROVIDERS = ['fake', 'stripe'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** The number of minor-unit digits of an ISO 4217 currency (GBP 2, JPY 0, KWD 3), from the platform's currency data. */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** True when `currency` is an ISO 4217 code the platform knows. */
export function isKnownCurrency(currency: string): boolean {
  if (!/^[A-Z]{3}$/.test(currency)) return false;
  try {
    return Intl.supportedValuesOf('currency').includes(currency);
  } catch {
    return false;
  }
}

/** An amount in minor units, as the locale writes it: formatMinor(1050, 'GBP', 'en-GB') → "£10.50". */
export function formatMinor(amountMinor: number, currency: string, locale?: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent })
    .format(amountMinor / 10 ** exponent);
}

/**
 * How much of a paid amount the hospital's refund policy returns when an appointment is cancelled:
 * all of it when staff cancel or the patient cancels at least `fullNoticeHours` before the start,
 * otherwise `latePercent` of it, rounded down to a whole minor unit.
 */
export function refundDue(paidMinor: number, input: { byStaff: boolean; hoursBeforeStart: number; fullNoticeHours: number; latePercent: number }): number {
  if (input.byStaff || input.hoursBeforeStart >= input.fullNoticeHours) return paidMinor;
  return Math.floor((paidMinor * input.latePercent) / 100);
}
