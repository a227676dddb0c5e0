import { DateTime } from 'luxon';
import type { AppointmentHistoryTable, AppointmentsTable, Trx } from '../../db/types.ts';
import { insertAppointment, insertHistory } from '../../features/appointments/appointments.queries.ts';
import { isActive, type AppointmentStatus } from '../../features/appointments/state-machine.ts';
import { getSettings } from '../../features/hospital/hospital.service.ts';
import { freeSlots, type Span, type WeeklyInterval } from '../../features/scheduling/slots.ts';
import { localDateOf } from '../../features/scheduling/wall-clock.ts';
import { newId } from '../../ids.ts';
import type { Random } from './random.ts';
import {
  countRows, listActiveDoctors, listAppointmentSpans, listAvailability, listPatientsWithLogin, listTimeOff, type SeedDoctor,
} from './seed.queries.ts';
import { insertInBatches, type SeedContext, type SeedModule } from './seed-module.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TARGET = 150;
const PAST_DAYS = 28;
const FUTURE_DAYS = 14;

const REASONS = [
  'Persistent cough for two weeks', 'Follow-up after blood test results', 'Recurring headaches in the mornings', 'Chest tightness when climbing stairs',
  'Itchy rash on both forearms', 'Knee pain after running', 'Annual diabetes review', 'Palpitations in the evenings', 'Lower back pain for a month',
  'Tiredness and low energy', 'Blocked ear since a cold', 'Heartburn after meals', 'Mole that has changed colour', 'Dizziness when standing up',
  'Repeat prescription review', 'Child has a high temperature and earache', 'Painful periods', 'Swollen ankle after a fall', 'Thyroid medication review',
  'Numbness in the fingers', 'Sore throat that keeps coming back', 'Blood pressure check', 'Stomach cramps and bloating', 'Second opinion on scan results',
] as const;

const CONFIRM_NOTES = [null, null, 'See you then', 'Please bring a list of your current medicines', 'Please arrive ten minutes early'] as const;
const COMPLETE_NOTES = ['Seen; follow-up in six weeks', 'Seen; blood tests requested', 'Seen; prescription issued', 'Seen; referred for imaging', 'Seen; no further action needed'] as const;
const NO_SHOW_NOTES = ['Patient did not attend', 'Did not attend; tried to call, no answer'] as const;
const REJECT_NOTES = [
  'Please see your GP first for a referral', 'This needs a different specialist: please book with Dermatology', 'I am in theatre that morning; please choose another time',
  'A phone consultation would suit this better; reception will call you',
] as const;
const PATIENT_CANCEL_NOTES = ['Feeling better, no longer needed', 'Cannot get time off work', 'Booked by mistake', 'Going away that week'] as const;
const DOCTOR_CANCEL_NOTES = ['Clinic cancelled: doctor unwell', 'Clinic moved for a training day; please book again'] as const;

interface Party {
  id: string;
  user_id: string;
}

interface Planned {
  appointment: AppointmentsTable;
  history: AppointmentHistoryTable[];
}

interface Pools {
  past: Map<SeedDoctor, Span[]>;
  future: Map<SeedDoctor, Span[]>;
}

const overlaps = (spans: readonly Span[], slot: Span) => spans.some((span) => span.start < slot.end && slot.start < span.end);
const toSpan = (row: { start_at: string; end_at: string }): Span => ({ start: new Date(row.start_at), end: new Date(row.end_at) });
const addDays = (date: string, days: number) => DateTime.fromISO(date).plus({ days }).toISODate() ?? date;

/** Every slot of each doctor's week from PAST_DAYS ago to FUTURE_DAYS ahead, split into ended and bookable ones. */
async function slotPools(context: SeedContext, doctors: readonly SeedDoctor[], timeZone: string, minNoticeMinutes: number): Promise<Pools> {
  const plans = new Map<string, WeeklyInterval[]>();
  for (const row of await listAvailability(context.db)) {
    const plan = plans.get(row.doctor_id) ?? [];
    plan.push({ weekday: row.weekday, startMinute: row.start_minute, endMinute: row.end_minute });
    plans.set(row.doctor_id, plan);
  }
  const timeOff = await listTimeOff(context.db);
  const taken = await listAppointmentSpans(context.db);
  const today = localDateOf(context.now.getTime(), timeZone);
  const now = context.now.getTime();
  const pools: Pools = { past: new Map(), future: new Map() };
  for (const doctor of doctors) {
    const slots = freeSlots({
      plan: plans.get(doctor.id) ?? [], slotMinutes: doctor.slot_minutes, timeZone, from: addDays(today, -PAST_DAYS), to: addDays(today, FUTURE_DAYS),
      now: new Date(now - (PAST_DAYS + 1) * DAY), minNoticeMinutes: 0, horizonDays: PAST_DAYS + FUTURE_DAYS + 2,
      timeOff: timeOff.filter((row) => row.doctor_id === doctor.id).map(toSpan),
      busy: taken.filter((row) => row.doctor_id === doctor.id).map(toSpan),
    });
    pools.past.set(doctor, slots.filter((slot) => slot.end.getTime() <= now));
    pools.future.set(doctor, slots.filter((slot) => slot.start.getTime() >= now + minNoticeMinutes * MINUTE));
  }
  return pools;
}

/** A time between `from` and `to` (both included, `to` clamped to now), on a whole minute. */
function between(random: Random, from: number, to: number, now: number): number {
  const end = Math.min(to, now);
  if (end <= from) return end;
  return Math.floor((from + random.next() * (end - from)) / MINUTE) * MINUTE;
}

/** The history of one appointment, from booking by the patient to `status`. */
function plan(random: Random, now: number, doctor: SeedDoctor, patient: Party, slot: Span, status: AppointmentStatus): Planned {
  const start = slot.start.getTime();
  const startAt = slot.start.toISOString();
  const bookedAt = between(random, start - random.int(2, 21) * DAY, start - 2 * HOUR, now);
  const history: AppointmentHistoryTable[] = [];
  const step = (at: number, actor: Party, role: 'patient' | 'doctor', from: AppointmentStatus | null, to: AppointmentStatus, note: string | null) => {
    history.push({
      id: newId(), appointment_id: '', at: new Date(at).toISOString(), actor_id: actor.user_id, actor_role: role, from_status: from, to_status: to,
      from_start: null, to_start: from === null ? startAt : null, note,
    });
  };
  step(bookedAt, patient, 'patient', null, 'requested', null);
  let decisionNote: string | null = null;
  let last = bookedAt;
  const next = (latest: number) => (last = between(random, last + 10 * MINUTE, latest, now));
  const doctorParty = { id: doctor.id, user_id: doctor.user_id };
  if (status === 'rejected') {
    decisionNote = random.pick(REJECT_NOTES);
    step(next(Math.min(last + 2 * DAY, start - HOUR)), doctorParty, 'doctor', 'requested', 'rejected', decisionNote);
  } else if (status !== 'requested') {
    const confirmNote = random.pick(CONFIRM_NOTES);
    const confirmedFirst = status !== 'cancelled' || random.chance(0.6);
    if (confirmedFirst) step(next(Math.min(last + 2 * DAY, start - HOUR)), doctorParty, 'doctor', 'requested', 'confirmed', confirmNote);
    const from: AppointmentStatus = confirmedFirst ? 'confirmed' : 'requested';
    if (status === 'confirmed') decisionNote = confirmNote;
    if (status === 'completed') {
      decisionNote = random.pick(COMPLETE_NOTES);
      step(between(random, slot.end.getTime(), slot.end.getTime() + 2 * HOUR, now), doctorParty, 'doctor', 'confirmed', 'completed', decisionNote);
    } else if (status === 'no_show') {
      decisionNote = random.pick(NO_SHOW_NOTES);
      step(between(random, start + 15 * MINUTE, start + 3 * HOUR, now), doctorParty, 'doctor', 'confirmed', 'no_show', decisionNote);
    } else if (status === 'cancelled') {
      const byDoctor = random.chance(0.25);
      decisionNote = random.pick(byDoctor ? DOCTOR_CANCEL_NOTES : PATIENT_CANCEL_NOTES);
      step(next(start - 15 * MINUTE), byDoctor ? doctorParty : patient, byDoctor ? 'doctor' : 'patient', from, 'cancelled', decisionNote);
    }
  }
  const id = newId();
  for (const row of history) row.appointment_id = id;
  const updatedAt = history.at(-1)?.at ?? new Date(bookedAt).toISOString();
  return {
    appointment: {
      id, doctor_id: doctor.id, patient_id: patient.id, start_at: startAt, end_at: slot.end.toISOString(), status, reason: random.pick(REASONS),
      decision_note: decisionNote, sequence: history.length - 1, created_by: patient.user_id, created_at: new Date(bookedAt).toISOString(), updated_at: updatedAt,
    },
    history,
  };
}

const PAST_MIX: readonly (readonly [AppointmentStatus, number])[] = [['completed', 62], ['no_show', 12], ['cancelled', 14], ['rejected', 12]];
const FUTURE_MIX: readonly (readonly [AppointmentStatus, number])[] = [['confirmed', 45], ['requested', 30], ['cancelled', 15], ['rejected', 10]];

/**
 * About 150 appointments in every status: finished ones over the past four weeks and open ones over the next
 * two, on each doctor's slot grid. Active appointments never overlap for a doctor or for a patient, and no
 * patient holds more open requests than the hospital allows. Skipped when appointments exist, unless --force.
 */
export const appointmentsSeed: SeedModule = {
  name: 'appointments',
  async run(context) {
    if ((await countRows(context.db, 'appointments')) > 0 && !context.options.force) return { created: [], signIns: [] };
    const doctors = await listActiveDoctors(context.db);
    const patients = await listPatientsWithLogin(context.db);
    if (doctors.length === 0 || patients.length === 0) return { created: [], signIns: [] };
    const settings = await getSettings(context.db);
    const random = context.random;
    const now = context.now.getTime();
    const pools = await slotPools(context, doctors, settings.time_zone, settings.min_notice_minutes);
    const patientSpans = new Map<string, Span[]>();
    const openRequests = new Map<string, number>();
    for (const row of await listAppointmentSpans(context.db)) {
      if (isActive(row.status as AppointmentStatus)) patientSpans.set(row.patient_id, [...(patientSpans.get(row.patient_id) ?? []), toSpan(row)]);
      if (row.status === 'requested') openRequests.set(row.patient_id, (openRequests.get(row.patient_id) ?? 0) + 1);
    }
    const planned: Planned[] = [];
    const target = Math.min(TARGET, patients.length * 6);
    // Make sure every status occurs, then fill the rest from the mixes: 60% past, 40% future.
    const statuses: ['past' | 'future', AppointmentStatus][] = [
      ['past', 'completed'], ['past', 'no_show'], ['past', 'rejected'], ['past', 'cancelled'], ['future', 'confirmed'], ['future', 'requested'],
      ['future', 'rejected'], ['future', 'cancelled'],
    ];
    while (statuses.length < target) {
      const when = random.chance(0.6) ? 'past' : 'future';
      statuses.push([when, random.weighted(when === 'past' ? PAST_MIX : FUTURE_MIX)]);
    }
    for (const [when, status] of statuses) {
      const pool = when === 'past' ? pools.past : pools.future;
      const withSlots = doctors.filter((doctor) => (pool.get(doctor)?.length ?? 0) > 0);
      if (withSlots.length === 0) continue;
      const doctor = random.pick(withSlots);
      const slots = pool.get(doctor) ?? [];
      const index = random.int(0, slots.length - 1);
      const slot = slots[index];
      if (!slot) continue;
      const active = isActive(status);
      // A patient is never booked twice at once, whatever the status.
      const free = patients.filter(
        (patient) => !overlaps(patientSpans.get(patient.id) ?? [], slot) && (status !== 'requested' || (openRequests.get(patient.id) ?? 0) < settings.max_open_requests_per_patient),
      );
      if (free.length === 0) continue;
      const patient = random.pick(free);
      // A slot that stays held leaves the pool; a rejected or cancelled one may be booked again, so keep it only then.
      if (active || status === 'completed' || status === 'no_show' || random.chance(0.5)) slots.splice(index, 1);
      patientSpans.set(patient.id, [...(patientSpans.get(patient.id) ?? []), slot]);
      if (status === 'requested') openRequests.set(patient.id, (openRequests.get(patient.id) ?? 0) + 1);
      planned.push(plan(random, now, doctor, patient, slot, status));
    }
    planned.sort((a, b) => a.appointment.start_at.localeCompare(b.appointment.start_at));
    await insertInBatches(context.db, 'appointments', planned, async (trx: Trx, item) => {
      await insertAppointment(trx, item.appointment);
      for (const row of item.history) await insertHistory(trx, row);
    });
    const counts = new Map<string, number>();
    for (const item of planned) counts.set(item.appointment.status, (counts.get(item.appointment.status) ?? 0) + 1);
    const summary = [...counts].map(([status, count]) => `${count} ${status.replace('_', '-')}`).join(', ');
    return { created: planned.length > 0 ? [`${planned.length} appointments (${summary})`] : [], signIns: [] };
  },
};
