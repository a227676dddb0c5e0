import type { Actor } from '../../http/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/types.ts';
import type { AppointmentStatus } from '../appointments/state-machine.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import type { Span, WeeklyInterval } from '../scheduling/slots.ts';
import { localDateOf, localDateRange } from '../scheduling/wall-clock.ts';
import {
  countActiveDoctors, countActivePatients, countAppointmentsByStartMinute, countAppointmentsBySpecialization, countAppointmentsByStatus,
  countAppointmentsStartingBetween, countOutcomesByDoctor, countRequests, listActiveAppointmentsOverlapping, listActiveDoctorsForSlots,
  listAppointmentsStartingBetween, listAvailabilityOfActiveDoctors, listRequestsCreatedBefore, listTimeOffOverlapping,
  type DoctorSpanRow, type OverviewAppointmentRow,
} from './overview.queries.ts';
import { lastDates, noShowRates, perDaySeries, perGroupSeries, slotUtilisation, statusCounts } from './stats.ts';

export const SERIES_DAYS = 30;
export const UTILISATION_DAYS = 14;
export const TODAY_LIST_MAX = 200;
export const PENDING_LIST_MAX = 50;
const DAY_MS = 86_400_000;

/** The absolute span of the calendar dates from..to in the zone, as stored instants. */
function dateSpan(from: string, to: string, timeZone: string): { start: string; end: string } {
  const range = localDateRange(from, to, timeZone);
  return { start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() };
}

const withNames = (row: OverviewAppointmentRow) => ({
  id: row.id, doctorId: row.doctor_id, doctorName: row.doctor_name, patientId: row.patient_id, patientName: row.patient_name,
});

async function countsOf(db: Executor) {
  const [patients, doctors, byStatus] = await Promise.all([countActivePatients(db), countActiveDoctors(db), countAppointmentsByStatus(db)]);
  return { patients, doctors, appointments: statusCounts(byStatus) };
}

async function todayOf(db: Executor, today: string, timeZone: string) {
  const span = dateSpan(today, today, timeZone);
  const [rows, total] = await Promise.all([
    listAppointmentsStartingBetween(db, span.start, span.end, TODAY_LIST_MAX),
    countAppointmentsStartingBetween(db, span.start, span.end),
  ]);
  const items = rows.map((row) => ({ ...withNames(row), start: row.start_at, end: row.end_at, status: row.status as AppointmentStatus }));
  return { date: today, total, items };
}

async function pendingRequestsOf(db: Executor, now: Date) {
  const createdBefore = new Date(now.getTime() - DAY_MS).toISOString();
  const [counts, rows] = await Promise.all([countRequests(db, createdBefore), listRequestsCreatedBefore(db, createdBefore, PENDING_LIST_MAX)]);
  const items = rows.map((row) => ({ ...withNames(row), start: row.start_at, createdAt: row.created_at }));
  return { total: counts.total, olderThanADay: counts.older, items };
}

async function seriesOf(db: Executor, today: string, timeZone: string) {
  const dates = lastDates(today, SERIES_DAYS);
  const from = dates[0] ?? today;
  const span = dateSpan(from, today, timeZone);
  const [minutes, specializations, outcomes] = await Promise.all([
    countAppointmentsByStartMinute(db, span.start, span.end),
    countAppointmentsBySpecialization(db, span.start, span.end),
    countOutcomesByDoctor(db, span.start, span.end),
  ]);
  return {
    from, to: today,
    perDay: perDaySeries(minutes, dates, timeZone),
    perSpecialization: perGroupSeries(specializations),
    noShowRate: noShowRates(outcomes),
  };
}

function groupByDoctor<Row extends { doctor_id: string }, Item>(rows: readonly Row[], map: (row: Row) => Item): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const row of rows) {
    const list = groups.get(row.doctor_id) ?? [];
    list.push(map(row));
    groups.set(row.doctor_id, list);
  }
  return groups;
}

const toSpan = (row: DoctorSpanRow): Span => ({ start: new Date(row.start_at), end: new Date(row.end_at) });

async function utilisationOf(db: Executor, now: Date, timeZone: string) {
  const start = now;
  const end = new Date(now.getTime() + UTILISATION_DAYS * DAY_MS);
  const [doctors, intervals, timeOff, busy] = await Promise.all([
    listActiveDoctorsForSlots(db),
    listAvailabilityOfActiveDoctors(db),
    listTimeOffOverlapping(db, start.toISOString(), end.toISOString()),
    listActiveAppointmentsOverlapping(db, start.toISOString(), end.toISOString()),
  ]);
  const plans = groupByDoctor(intervals, (row): WeeklyInterval => ({ weekday: row.weekday, startMinute: row.start_minute, endMinute: row.end_minute }));
  const timeOffOf = groupByDoctor(timeOff, toSpan);
  const busyOf = groupByDoctor(busy, toSpan);
  return {
    from: start.toISOString(),
    to: end.toISOString(),
    doctors: doctors.map((doctor) => ({
      doctorId: doctor.id,
      doctorName: doctor.name,
      ...slotUtilisation(
        { plan: plans.get(doctor.id) ?? [], slotMinutes: doctor.slot_minutes, timeOff: timeOffOf.get(doctor.id) ?? [], busy: busyOf.get(doctor.id) ?? [] },
        { timeZone, start, end },
      ),
    })),
  };
}

/** The administrator's dashboard, as of the clock's now, in the hospital's time zone. */
export async function getOverview(deps: Deps, actor: Actor, ip: string | null = null) {
  const db = deps.db;
  const now = deps.clock.now();
  const { time_zone: timeZone } = await getSettings(db);
  const today = localDateOf(now.getTime(), timeZone);
  const [counts, todayList, pendingRequests, series, utilisation] = await Promise.all([
    countsOf(db), todayOf(db, today, timeZone), pendingRequestsOf(db, now), seriesOf(db, today, timeZone), utilisationOf(db, now, timeZone),
  ]);
  // Today's list names patients: the read is audited (one row per overview).
  await recordAudit(db, now, {
    actorId: actor.userId, actorRole: actor.role, action: 'admin.overview.read', entityType: 'overview', outcome: 'success', ip,
    details: { todayAppointments: todayList.items.length, pendingRequests: pendingRequests.items.length },
  });
  return { generatedAt: now.toISOString(), timeZone, counts, today: todayList, pendingRequests, series, utilisation };
}
