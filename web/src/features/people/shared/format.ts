import type { ConsultationFee } from '../types.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-03-01` → `1 Mar 2026` (a calendar date has no time zone). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return dateFormat.format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant in the hospital's time zone: `1 Mar 2026, 09:30`. */
export function formatInstant(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units to a decimal amount string for an input: 4500 GBP → `45.00`. */
export function feeAmount(fee: ConsultationFee): string {
  const digits = fractionDigits(fee.currency);
  return (fee.amountMinor / 10 ** digits).toFixed(digits);
}

/** A decimal amount typed by a person → minor units, or null when it is not a valid amount. */
export function toMinorUnits(amount: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  if (!/^\d+([.,]\d+)?$/.test(amount)) return null;
  const [whole = '0', fraction = ''] = amount.replace(',', '.').split('.');
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function formatFee(fee: ConsultationFee | null | undefined): string {
  if (!fee) return 'Not set';
  const digits = fractionDigits(fee.currency);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: fee.currency }).format(fee.amountMinor / 10 ** digits);
  } catch {
    return `${feeAmount(fee)} ${fee.currency}`;
  }
}

export const genderLabels = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  undisclosed: 'Prefer not to say',
} as const;

/** Initials for an avatar: `Dr Lena Fischer` → `LF`. */
export function initials(name: string): string {
  const words = name.replace(/^(Dr|Prof)\.?\s+/i, '').split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')).toUpperCase();
}
