import { Type } from 'typebox';
import { Id, Instant, LocalDate, WallTime } from '../../http/schemas.ts';

export const SLOT_MINUTES_MIN = 10;
export const SLOT_MINUTES_MAX = 120;
export const TIME_OFF_REASON_MAX_LENGTH = 500;
export const SLOT_RANGE_MAX_DAYS = 62;

export const DoctorParams = Type.Object({ id: Id });
export const TimeOffParams = Type.Object({ id: Id, timeOffId: Id });

const EndTime = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM, 24 h; 24:00 is the end of the day' });

export const AvailabilityInterval = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' }),
    start: WallTime,
    end: EndTime,
  },
  { additionalProperties: false },
);

export const Availability = Type.Object(
  {
    slotMinutes: Type.Integer({ minimum: SLOT_MINUTES_MIN, maximum: SLOT_MINUTES_MAX, description: 'Length of one appointment slot' }),
    weekly: Type.Array(AvailabilityInterval, {
      maxItems: 200,
      description: "Working intervals in the hospital's wall-clock time; breaks are the gaps between intervals",
    }),
  },
  { additionalProperties: false },
);

export const TimeOff = Type.Object({
  id: Id,
  start: Instant,
  end: Instant,
  reason: Type.Optional(Type.String()),
});

export const TimeOffList = Type.Array(TimeOff);

export const TimeOffQuery = Type.Object(
  { includePast: Type.Optional(Type.Boolean({ default: false, description: 'Also list time off that has ended' })) },
  { additionalProperties: false },
);

export const TimeOffBody = Type.Object(
  {
    start: Instant,
    end: Instant,
    reason: Type.Optional(Type.String({ maxLength: TIME_OFF_REASON_MAX_LENGTH })),
  },
  { additionalProperties: false },
);

export const SlotsQuery = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
  },
  { additionalProperties: false },
);

export const SlotList = Type.Object({
  timeZone: Type.String({ description: "The hospital's IANA time zone, in which the dates were read" }),
  slots: Type.Array(Type.Object({ start: Instant, end: Instant })),
});
