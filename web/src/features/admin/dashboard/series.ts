import type { AppointmentStatus } from '../../scheduling/api.ts';
import { statusColors, statusLabels } from '../../scheduling/status.ts';
import { dayParts } from '../../scheduling/time.ts';
import type { DaySeries, DoctorNoShowRate, DoctorUtilisation, SpecializationSeries, StatusCounts } from './overview.api.ts';

/** The order of the statuses in the stacked charts and their tables: open ones first, then outcomes. */
export const CHART_STATUSES: readonly AppointmentStatus[] = ['requested', 'confirmed', 'completed', 'no_show', 'cancelled', 'rejected'];

/** Shades of each status badge's hue; the two reds (declined, no-show) get shades far apart so their bars differ. */
const shades: Record<AppointmentStatus, number> = { requested: 5, confirmed: 7, completed: 7, no_show: 9, cancelled: 5, rejected: 4 };

/** Sorts a chart legend's items into the order of the statuses (recharts would sort them by name). */
export const statusLegendOrder = (item: { dataKey?: unknown }): number => CHART_STATUSES.indexOf(item.dataKey as AppointmentStatus);

export interface ChartSeriesItem {
  name: string;
  label: string;
  color: string;
}

export const statusSeries: ChartSeriesItem[] = CHART_STATUSES.map((status) => ({
  name: status,
  label: statusLabels[status],
  color: `${statusColors[status]}.${shades[status]}`,
}));

/** A share from 0 to 1 as a whole percentage: 0.125 → "13%"; null (nothing to divide by) → null. */
export function formatPercent(rate: number | null): string | null {
  return rate === null ? null : `${Math.round(rate * 100)}%`;
}

/** A share from 0 to 1 as a chart value from 0 to 100, to one decimal place. */
export const percentValue = (rate: number): number => Math.round(rate * 1000) / 10;

/** "2026-11-03" → "3 Nov". */
export const shortDay = (date: string): string => dayParts(date).dayMonth;

export const hasAppointments = (rows: readonly { total: number }[]): boolean => rows.some((row) => row.total > 0);

type StatusValues = Record<AppointmentStatus, number>;

const statusValues = (counts: StatusCounts): StatusValues => ({
  requested: counts.requested,
  confirmed: counts.confirmed,
  completed: counts.completed,
  no_show: counts.no_show,
  cancelled: counts.cancelled,
  rejected: counts.rejected,
});

export type DayRow = StatusValues & { day: string };

export const perDayChartData = (days: readonly DaySeries[]): DayRow[] => days.map((day) => ({ day: shortDay(day.date), ...statusValues(day) }));

export type SpecializationRow = StatusValues & { specialization: string };

export const specializationChartData = (rows: readonly SpecializationSeries[]): SpecializationRow[] =>
  rows.filter((row) => row.total > 0).map((row) => ({ specialization: row.name, ...statusValues(row) }));

export interface NoShowRow {
  doctor: string;
  rate: number;
}

export const noShowChartData = (rows: readonly DoctorNoShowRate[]): NoShowRow[] =>
  rows.map((row) => ({ doctor: row.doctorName, rate: percentValue(row.rate) }));

export interface UtilisationRow {
  doctor: string;
  rate: number;
  booked: number;
  available: number;
}

/** Doctors with hours in the window; a doctor without any has no share to draw (the table still lists them). */
export function utilisationChartData(doctors: readonly DoctorUtilisation[]): UtilisationRow[] {
  return doctors.flatMap((doctor) =>
    doctor.rate === null ? [] : [{ doctor: doctor.doctorName, rate: percentValue(doctor.rate), booked: doctor.bookedSlots, available: doctor.availableSlots }],
  );
}

/** Room for one horizontal bar per row (and the legend above), so names stay readable however many rows there are. */
export const barListHeight = (rows: number, withLegend = false): number => rows * 44 + 70 + (withLegend ? 56 : 0);

/** Width of the names beside horizontal bars. */
export const BAR_LABEL_WIDTH = 150;

/** An axis label short enough for the chart; the table beside it carries the full name. */
export function shortName(name: string, max = 18): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** Whole days between two instants: the length of the utilisation window. */
export const windowDays = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
