import { Type } from 'typebox';
import { Id, Instant, LocalDate } from '../../http/schemas.ts';
import { AppointmentStatusSchema } from '../appointments/appointments.schemas.ts';

const Count = Type.Integer({ minimum: 0 });
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'A share from 0 to 1; null when there is nothing to divide by' });

const statusCountFields = {
  requested: Count,
  confirmed: Count,
  rejected: Count,
  cancelled: Count,
  completed: Count,
  no_show: Count,
  total: Count,
};

export const StatusCounts = Type.Object(statusCountFields, { description: 'Appointments per status, and all of them' });

const TodayAppointment = Type.Object({
  id: Id,
  start: Instant,
  end: Instant,
  status: AppointmentStatusSchema,
  doctorId: Id,
  doctorName: Type.String(),
  patientId: Id,
  patientName: Type.String(),
});

const PendingRequest = Type.Object({
  id: Id,
  start: Instant,
  createdAt: Instant,
  doctorId: Id,
  doctorName: Type.String(),
  patientId: Id,
  patientName: Type.String(),
});

const DaySeries = Type.Object({ date: LocalDate, ...statusCountFields });
const SpecializationSeries = Type.Object({ id: Id, name: Type.String(), ...statusCountFields });

const DoctorNoShowRate = Type.Object({
  doctorId: Id,
  doctorName: Type.String(),
  completed: Count,
  noShow: Count,
  rate: Type.Number({ minimum: 0, maximum: 1, description: 'no_show / (completed + no_show)' }),
});

const DoctorUtilisation = Type.Object({
  doctorId: Id,
  doctorName: Type.String(),
  availableSlots: Type.Integer({ minimum: 0, description: 'Slots of the weekly plan starting in the window, outside time off' }),
  bookedSlots: Type.Integer({ minimum: 0, description: 'Of those, the slots a requested or confirmed appointment holds' }),
  rate: Rate,
});

export const Overview = Type.Object({
  generatedAt: Instant,
  timeZone: Type.String({ description: 'The hospital time zone: "today" and the days of the series are its calendar dates' }),
  counts: Type.Object({
    patients: Type.Integer({ minimum: 0, description: 'Active patients' }),
    doctors: Type.Integer({ minimum: 0, description: 'Active doctors' }),
    appointments: StatusCounts,
  }),
  today: Type.Object({
    date: LocalDate,
    total: Count,
    items: Type.Array(TodayAppointment, { description: 'Today\'s appointments of every status by start time (at most 200)' }),
  }),
  pendingRequests: Type.Object({
    total: Type.Integer({ minimum: 0, description: 'Requests waiting for a decision' }),
    olderThanADay: Type.Integer({ minimum: 0, description: 'Of those, requests made more than 24 hours ago' }),
    items: Type.Array(PendingRequest, { description: 'The requests made more than 24 hours ago, oldest first (at most 50)' }),
  }),
  series: Type.Object({
    from: LocalDate,
    to: LocalDate,
    perDay: Type.Array(DaySeries, { description: 'Each of the last 30 days, by the start of the appointment' }),
    perSpecialization: Type.Array(SpecializationSeries, { description: 'Appointments starting in the 30 days, per specialization of the doctor, busiest first' }),
    noShowRate: Type.Array(DoctorNoShowRate, { description: 'Doctors with completed or missed appointments in the 30 days, highest rate first' }),
  }, { description: 'Chart series over the last 30 days, today included' }),
  utilisation: Type.Object({
    from: Instant,
    to: Instant,
    doctors: Type.Array(DoctorUtilisation, { description: 'Every active doctor, by name' }),
  }, { description: 'Booked share of each active doctor\'s slots over the next 14 days' }),
});
