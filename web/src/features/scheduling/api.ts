import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { useHospital } from '../../api/hospital.ts';
import type { paths } from '../../api/schema.gen.ts';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Appointment = JsonOf<paths['/api/appointments/{id}']['get']['responses'][200]>;
export type AppointmentStatus = Appointment['status'];
export type AppointmentQuery = NonNullable<paths['/api/appointments']['get']['parameters']['query']>;
export type AppointmentPage = JsonOf<paths['/api/appointments']['get']['responses'][200]>;
export type BookBody = JsonOf<paths['/api/appointments']['post']['requestBody']>;
export type Doctor = JsonOf<paths['/api/doctors/{id}']['get']['responses'][200]>;
export type Specialization = JsonOf<paths['/api/specializations']['get']['responses'][200]>[number];
export type Availability = JsonOf<paths['/api/doctors/{id}/availability']['get']['responses'][200]>;
export type WeeklyInterval = Availability['weekly'][number];
export type TimeOff = JsonOf<paths['/api/doctors/{id}/time-off']['get']['responses'][200]>[number];
export type TimeOffBody = JsonOf<paths['/api/doctors/{id}/time-off']['post']['requestBody']>;
export type Slots = JsonOf<paths['/api/doctors/{id}/slots']['get']['responses'][200]>;
export type Slot = Slots['slots'][number];
export type PatientSummary = JsonOf<paths['/api/patients']['get']['responses'][200]>['items'][number];

export { APPOINTMENT_STATUSES } from '#shared/appointments';

export const schedulingKeys = {
  appointments: ['appointments'] as const,
  appointmentList: (query: AppointmentQuery) => ['appointments', 'list', query] as const,
  appointment: (id: string) => ['appointments', 'one', id] as const,
  slotsOf: (doctorId: string) => ['slots', doctorId] as const,
  slots: (doctorId: string, from: string, to: string) => ['slots', doctorId, from, to] as const,
  specializations: ['specializations'] as const,
  doctors: (specializationId: string) => ['doctors', 'list', specializationId] as const,
  doctor: (id: string) => ['doctors', 'one', id] as const,
  availability: (doctorId: string) => ['availability', doctorId] as const,
  timeOff: (doctorId: string) => ['time-off', doctorId] as const,
  patients: (q: string) => ['patients', 'search', q] as const,
};

/** The hospital's IANA time zone: every date and time on these pages is shown in it. */
export function useHospitalTimeZone(): string | undefined {
  return useHospital().data?.timeZone;
}

export async function listAppointments(query: AppointmentQuery): Promise<AppointmentPage> {
  return unwrap(await api.GET('/api/appointments', { params: { query } }));
}

export function useAppointments(query: AppointmentQuery, enabled = true) {
  return useQuery({
    queryKey: schedulingKeys.appointmentList(query),
    queryFn: () => listAppointments(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Appointments page by page ("Show more"), following nextCursor. */
export function useAppointmentPages(query: AppointmentQuery) {
  return useInfiniteQuery({
    queryKey: [...schedulingKeys.appointmentList(query), 'pages'],
    queryFn: ({ pageParam }) => listAppointments({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useAppointment(id: string) {
  return useQuery({
    queryKey: schedulingKeys.appointment(id),
    queryFn: async () => unwrap(await api.GET('/api/appointments/{id}', { params: { path: { id } } })),
  });
}

export function useSlots(doctorId: string, from: string, to: string) {
  return useQuery({
    queryKey: schedulingKeys.slots(doctorId, from, to),
    queryFn: async () => unwrap(await api.GET('/api/doctors/{id}/slots', { params: { path: { id: doctorId }, query: { from, to } } })),
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
}

export function useSpecializations() {
  return useQuery({
    queryKey: schedulingKeys.specializations,
    queryFn: async () => unwrap(await api.GET('/api/specializations')),
    staleTime: 5 * 60_000,
  });
}

export function useDoctors(specializationId: string) {
  return useQuery({
    queryKey: schedulingKeys.doctors(specializationId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/doctors', {
          params: { query: { limit: 200, ...(specializationId ? { specialization: specializationId } : {}) } },
        }),
      ),
    staleTime: 60_000,
    enabled: specializationId !== '',
  });
}

/** Every active doctor, for filters. */
export function useAllDoctors() {
  return useQuery({
    queryKey: ['doctors', 'all'],
    queryFn: async () => unwrap(await api.GET('/api/doctors', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
}

export function useDoctor(id: string | null) {
  return useQuery({
    queryKey: schedulingKeys.doctor(id ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/doctors/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null && id !== '',
    staleTime: 60_000,
  });
}

export function usePatientSearch(q: string) {
  return useQuery({
    queryKey: schedulingKeys.patients(q),
    queryFn: async () => unwrap(await api.GET('/api/patients', { params: { query: { q, limit: 20 } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Everything that shows appointments or free slots is stale after any change to an appointment. */
export function useRefreshScheduling() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: schedulingKeys.appointments }),
      queryClient.invalidateQueries({ queryKey: ['slots'] }),
    ]);
}

/** A fresh Idempotency-Key; falls back to getRandomValues where randomUUID is unavailable (plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function bookAppointment(body: BookBody, idempotencyKey: string): Promise<Appointment> {
  return unwrap(await api.POST('/api/appointments', { body, params: { header: { 'idempotency-key': idempotencyKey } } }));
}

export type AppointmentAction =
  | { kind: 'confirm' }
  | { kind: 'reject'; reason: string }
  | { kind: 'cancel'; reason?: string }
  | { kind: 'reschedule'; start: string; reason?: string }
  | { kind: 'complete' }
  | { kind: 'no_show' };

export async function changeAppointment(id: string, action: AppointmentAction): Promise<Appointment> {
  const path = { id };
  switch (action.kind) {
    case 'confirm':
      return unwrap(await api.POST('/api/appointments/{id}/confirm', { params: { path }, body: {} }));
    case 'reject':
      return unwrap(await api.POST('/api/appointments/{id}/reject', { params: { path }, body: { reason: action.reason } }));
    case 'cancel':
      return unwrap(
        await api.POST('/api/appointments/{id}/cancel', { params: { path }, body: action.reason ? { reason: action.reason } : {} }),
      );
    case 'reschedule':
      return unwrap(
        await api.POST('/api/appointments/{id}/reschedule', {
          params: { path },
          body: { start: action.start, ...(action.reason ? { reason: action.reason } : {}) },
        }),
      );
    case 'complete':
      return unwrap(await api.POST('/api/appointments/{id}/complete', { params: { path }, body: {} }));
    case 'no_show':
      return unwrap(await api.POST('/api/appointments/{id}/no-show', { params: { path }, body: {} }));
  }
}

