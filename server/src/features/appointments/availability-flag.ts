import type { Executor } from '../../db/types.ts';
import { isOutsideAvailability, type Span, type WeeklyInterval } from '../scheduling/slots.ts';
import { listAvailabilityOfDoctors, listTimeOffOfDoctors, type AppointmentRow } from './appointments.queries.ts';

const MINUTE = 60_000;

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(value(item));
    else groups.set(key(item), [value(item)]);
  }
  return groups;
}

/**
 * For each appointment (by id): whether it lies outside its doctor's current weekly plan or inside time off —
 * what staff need to see after a doctor changes their hours. Two queries for the whole page.
 */
export async function outsideAvailabilityOf(db: Executor, rows: readonly AppointmentRow[], timeZone: string): Promise<Map<string, boolean>> {
  const flags = new Map<string, boolean>();
  if (rows.length === 0) return flags;
  const doctorIds = [...new Set(rows.map((row) => row.doctor_id))];
  const from = rows.reduce((min, row) => (row.start_at < min ? row.start_at : min), rows[0]?.start_at ?? '');
  const to = rows.reduce((max, row) => (row.end_at > max ? row.end_at : max), rows[0]?.end_at ?? '');
  const [plans, timeOff] = await Promise.all([listAvailabilityOfDoctors(db, doctorIds), listTimeOffOfDoctors(db, doctorIds, from, to)]);
  const planOf = groupBy(plans, (row) => row.doctor_id, (row): WeeklyInterval => ({ weekday: row.weekday, startMinute: row.start_minute, endMinute: row.end_minute }));
  const timeOffOf = groupBy(timeOff, (row) => row.doctor_id, (row): Span => ({ start: new Date(row.start_at), end: new Date(row.end_at) }));
  for (const row of rows) {
    const start = new Date(row.start_at);
    const end = new Date(row.end_at);
    const minutes = Math.round((end.getTime() - start.getTime()) / MINUTE);
    flags.set(row.id, isOutsideAvailability(planOf.get(row.doctor_id) ?? [], minutes, timeZone, start, end, timeOffOf.get(row.doctor_id) ?? []));
  }
  return flags;
}
