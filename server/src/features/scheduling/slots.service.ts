import type { Deps } from '../../deps.ts';
import { invalid } from '../../http/app-error.ts';
import { getSettings } from '../hospital/hospital.service.ts';
import { requireDoctor } from './doctor-access.ts';
import { canListSlots } from './scheduling.policy.ts';
import { SLOT_RANGE_MAX_DAYS } from './scheduling.schemas.ts';
import { readSlotSpans, toSlotQuery } from './slot-inputs.ts';
import { freeSlotRanges } from './slots.ts';
import { daysBetween, isoWriter } from './wall-clock.ts';

/** The doctor's free, bookable slots on the calendar dates from..to in the hospital's zone. */
export async function listDoctorSlots(deps: Deps, doctorId: string, from: string, to: string) {
  const span = daysBetween(from, to);
  if (span < 0) throw invalid('/to', 'The end date must not be before the start date');
  if (span > SLOT_RANGE_MAX_DAYS) throw invalid('/to', `Ask for at most ${SLOT_RANGE_MAX_DAYS} days at a time`);
  const window = { from, to, now: deps.clock.now() };
  const [doctor, settings, spans] = await Promise.all([
    requireDoctor(deps.db, doctorId, canListSlots),
    getSettings(deps.db),
    readSlotSpans(deps.db, doctorId, window),
  ]);
  const iso = isoWriter();
  return {
    timeZone: settings.time_zone,
    slots: freeSlotRanges(toSlotQuery(doctor, settings, window, spans)).map((slot) => ({ start: iso(slot.start), end: iso(slot.end) })),
  };
}
