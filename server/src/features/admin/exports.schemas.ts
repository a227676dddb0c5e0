import { Type } from 'typebox';
import { Id, Instant } from '../../http/schemas.ts';
import { AppointmentStatusSchema } from '../appointments/appointments.schemas.ts';
import { APPOINTMENT_STATUSES } from '../appointments/state-machine.ts';
import { SEARCH_MAX_LENGTH } from '../patients/patients.schemas.ts';

export const PatientExportQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH, description: 'As in GET /api/patients: words of the name, email or phone, or a date of birth' })),
    active: Type.Optional(Type.Boolean({ description: 'Only active (true) or deactivated (false) patients; both when absent' })),
  },
  { additionalProperties: false },
);

export const AppointmentExportQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(AppointmentStatusSchema, { maxItems: APPOINTMENT_STATUSES.length, description: 'One or more statuses' })),
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    doctorId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
