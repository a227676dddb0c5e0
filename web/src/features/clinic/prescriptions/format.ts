import { DURATION_UNIT_LABELS, FREQUENCIES } from '#shared/prescriptions';
import type { PrescriptionItem } from './prescriptions.api.ts';

/** "1 tablet oral, Three times a day (TDS), with food, for 5 days": an item's directions in words. */
export function directions(item: PrescriptionItem): string {
  const frequency = `${FREQUENCIES[item.frequency].label} (${item.frequency})`;
  return [
    `${item.dose.value} ${item.dose.unit} ${item.route}`,
    item.frequencyText ? `${frequency}, ${item.frequencyText}` : frequency,
    item.duration ? `for ${item.duration.value} ${DURATION_UNIT_LABELS[item.duration.unit]}` : null,
  ]
    .filter(Boolean)
    .join(', ');
}

export function supply(item: PrescriptionItem): string | null {
  const parts = [
    item.quantity ? `Supply ${item.quantity.value} ${item.quantity.unit}` : null,
    item.refills > 0 ? `${item.refills} refill${item.refills === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}
