import type { NotificationKind } from './api.ts';

export const kindLabels: Record<NotificationKind, string> = {
  'appointment.requested': 'Appointment requested',
  'appointment.booked': 'Appointment booked',
  'appointment.confirmed': 'Appointment confirmed',
  'appointment.rejected': 'Appointment declined',
  'appointment.cancelled': 'Appointment cancelled',
  'appointment.rescheduled': 'Appointment rescheduled',
  'appointment.reminder': 'Appointment reminder',
  'doctor.deactivated': 'Doctor no longer available',
  'payment.succeeded': 'Payment received',
  'payment.refunded': 'Payment refunded',
};

/** A readable name for a notification kind, also for kinds this page does not know yet. */
export function kindLabel(kind: string): string {
  const labels: Partial<Record<string, string>> = kindLabels;
  return labels[kind] ?? kind;
}
