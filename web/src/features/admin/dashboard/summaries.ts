import type { Overview } from './overview.api.ts';
import { formatPercent, shortDay } from './series.ts';

/** "1 appointment", "5 appointments". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The first item with the largest value (the server's order breaks ties). */
function largest<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || value(item) > value(best)) best = item;
  return best;
}

type Series = Overview['series'];

/** "5 appointments in the last 30 days (3 Oct – 1 Nov); busiest day 1 Nov with 5." or null when there were none. */
export function perDaySummary(series: Pick<Series, 'from' | 'to' | 'perDay'>): string | null {
  const total = series.perDay.reduce((sum, day) => sum + day.total, 0);
  const busiest = largest(series.perDay, (day) => day.total);
  if (total === 0 || !busiest) return null;
  const days = series.perDay.length;
  return `${plural(total, 'appointment')} in the last ${plural(days, 'day')} (${shortDay(series.from)} – ${shortDay(series.to)}); busiest day ${shortDay(busiest.date)} with ${busiest.total}.`;
}

/** "5 appointments across 2 specializations; busiest: Cardiology with 3." or null when there were none. */
export function specializationSummary(rows: Series['perSpecialization']): string | null {
  const withAppointments = rows.filter((row) => row.total > 0);
  const total = withAppointments.reduce((sum, row) => sum + row.total, 0);
  const busiest = largest(withAppointments, (row) => row.total);
  if (total === 0 || !busiest) return null;
  return `${plural(total, 'appointment')} across ${plural(withAppointments.length, 'specialization')}; busiest: ${busiest.name} with ${busiest.total}.`;
}

/** "1 of 3 completed or missed appointments were no-shows (33%); highest rate: Dr Omar Haddad, 50% (1 of 2)." */
export function noShowSummary(rows: Series['noShowRate']): string | null {
  const missed = rows.reduce((sum, row) => sum + row.noShow, 0);
  const due = rows.reduce((sum, row) => sum + row.noShow + row.completed, 0);
  const highest = largest(rows, (row) => row.rate);
  if (due === 0 || !highest) return null;
  const verb = missed === 1 ? 'was a no-show' : 'were no-shows';
  return (
    `${missed} of ${plural(due, 'completed or missed appointment')} ${verb} (${formatPercent(missed / due)}); ` +
    `highest rate: ${highest.doctorName}, ${formatPercent(highest.rate)} (${highest.noShow} of ${highest.noShow + highest.completed}).`
  );
}

/** "2 of 8 slots booked over the next 14 days (25%); busiest: Dr Lena Fischer, 25%. 2 doctors have no hours in this period." */
export function utilisationSummary(doctors: Overview['utilisation']['doctors'], days: number): string | null {
  const available = doctors.reduce((sum, doctor) => sum + doctor.availableSlots, 0);
  const booked = doctors.reduce((sum, doctor) => sum + doctor.bookedSlots, 0);
  const busiest = largest(doctors, (doctor) => doctor.rate ?? -1);
  if (available === 0 || !busiest) return null;
  const withoutHours = doctors.filter((doctor) => doctor.availableSlots === 0).length;
  const idle = withoutHours === 0 ? '' : ` ${plural(withoutHours, 'doctor has', 'doctors have')} no hours in this period.`;
  return `${booked} of ${plural(available, 'slot')} booked over the next ${plural(days, 'day')} (${formatPercent(booked / available)}); busiest: ${busiest.doctorName}, ${formatPercent(busiest.rate)}.${idle}`;
}
