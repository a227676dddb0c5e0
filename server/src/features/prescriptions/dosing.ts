import { DECIMAL_PATTERN, DURATION_UNIT_DAYS, FREQUENCIES, type DoseUnit, type DurationUnit, type FrequencyCode } from '#shared/prescriptions';

// Exact arithmetic on the decimal strings of doses and quantities (no floats), the quantity check and the
// length of a course.

const DECIMAL = new RegExp(DECIMAL_PATTERN);
const SCALE = 1000n;

/** The decimal as an integer number of thousandths ("0.5" → 500n), or null when it is not a decimal of the pattern. */
export function thousandths(value: string): bigint | null {
  if (!DECIMAL.test(value)) return null;
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(3, '0'));
}

/** Thousandths back to the shortest decimal string (1500n → "1.5"). */
export function formatThousandths(value: bigint): string {
  const whole = value / SCALE;
  const fraction = (value % SCALE).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
}

export const durationDays = (duration: { value: number; unit: DurationUnit }): number => duration.value * DURATION_UNIT_DAYS[duration.unit];

export interface DosingItem {
  dose: { value: string; unit: DoseUnit };
  frequency: FrequencyCode;
  duration?: { value: number; unit: DurationUnit } | null | undefined;
  quantity?: { value: string; unit: DoseUnit } | null | undefined;
}

/**
 * The quantity a course needs (dose × administrations a day × days), in the dose's unit, when it can be worked out:
 * a fixed-schedule frequency, a duration, and a quantity counted in the same unit as the dose.
 */
export function expectedQuantity(item: DosingItem): bigint | null {
  const perDay = FREQUENCIES[item.frequency].perDay;
  const dose = thousandths(item.dose.value);
  if (perDay === null || !item.duration || dose === null) return null;
  return dose * BigInt(perDay) * BigInt(durationDays(item.duration));
}

/** A person-readable warning when the quantity does not cover exactly the course it is for; null when it does or cannot be told. */
export function quantityWarning(item: DosingItem): string | null {
  if (!item.quantity || item.quantity.unit !== item.dose.unit || !item.duration) return null;
  const expected = expectedQuantity(item);
  const quantity = thousandths(item.quantity.value);
  if (expected === null || quantity === null || expected === quantity) return null;
  const days = durationDays(item.duration);
  const perDay = FREQUENCIES[item.frequency].perDay ?? 0;
  const course = `${item.dose.value} ${item.dose.unit} × ${perDay} a day × ${days} day${days === 1 ? '' : 's'} = ${formatThousandths(expected)} ${item.dose.unit}`;
  const side = quantity < expected ? 'less than' : 'more than';
  return `Quantity ${item.quantity.value} ${item.quantity.unit} is ${side} the course needs (${course})`;
}

/** When a course issued at `issuedAt` ends: after its longest item; null when an item has no duration (open-ended). */
export function courseEnd(issuedAt: Date, items: readonly Pick<DosingItem, 'duration'>[]): Date | null {
  let days = 0;
  for (const item of items) {
    if (!item.duration) return null;
    days = Math.max(days, durationDays(item.duration));
  }
  return new Date(issuedAt.getTime() + days * 86_400_000);
}
