import type { DaySeries, DoctorUtilisation, SpecializationSeries, StatusCounts } from './overview.api.ts';

const none: StatusCounts = { requested: 0, confirmed: 0, rejected: 0, cancelled: 0, completed: 0, no_show: 0, total: 0 };

/** Status counts with the given statuses set and the total to match. */
export function counts(values: Partial<Omit<StatusCounts, 'total'>> = {}): StatusCounts {
  const merged = { ...none, ...values };
  return { ...merged, total: merged.requested + merged.confirmed + merged.rejected + merged.cancelled + merged.completed + merged.no_show };
}

export const day = (date: string, values: Partial<Omit<StatusCounts, 'total'>> = {}): DaySeries => ({ date, ...counts(values) });

export const specialization = (name: string, values: Partial<Omit<StatusCounts, 'total'>>): SpecializationSeries => ({
  id: `id-${name}`,
  name,
  ...counts(values),
});

export const doctorUtilisation = (doctorName: string, bookedSlots: number, availableSlots: number): DoctorUtilisation => ({
  doctorId: `id-${doctorName}`,
  doctorName,
  bookedSlots,
  availableSlots,
  rate: availableSlots > 0 ? bookedSlots / availableSlots : null,
});
