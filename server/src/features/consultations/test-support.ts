import { expect } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import type { TestApp, TestDialect } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { MONDAY, NOW, act, at, book, createReceptionist, giveWeekdayHours, moveClock, startAppointmentsApp } from '../appointments/test-support.ts';

export { MONDAY, NOW, act, at, moveClock };

/** The appointment starts Monday 10:00; the visit is under way at 10:05. */
export const VISIT_START = at(MONDAY, '10:00');
export const DURING_VISIT = at(MONDAY, '10:05');

export interface World {
  t: TestApp;
  admin: Caller;
  desk: Caller;
}

export async function startConsultationsWorld(dialect: TestDialect): Promise<World> {
  const t = await startAppointmentsApp(dialect);
  return { t, admin: await loginAdmin(t.app), desk: await createReceptionist(t) };
}

export type Doctor = Awaited<ReturnType<typeof createDoctor>>;
export type Patient = Awaited<ReturnType<typeof registerPatient>>;

/** A doctor with weekday hours, a patient, and the patient's confirmed appointment at `start`. */
export async function confirmedVisit(w: World, start = VISIT_START): Promise<{ doctor: Doctor; patient: Patient; id: string }> {
  await moveClock(w.t, NOW);
  const doctor = await createDoctor(w.t, { name: 'Dr Lin Okafor' });
  await giveWeekdayHours(w.t, doctor.doctorId);
  const patient = await registerPatient(w.t.app, { name: 'Noor Haddad' });
  const booked = await book(w.t, patient, { doctorId: doctor.doctorId, start });
  expect(booked.status).toBe(201);
  const id = booked.json.id as string;
  expect((await act(w.t, doctor, id, 'confirm')).status).toBe(200);
  return { doctor, patient, id };
}

export const draftBody = {
  complaint: 'Cough for two weeks',
  notes: { history: 'Dry cough, worse at night', examination: 'Chest clear', assessment: 'Post-viral cough', plan: 'Honey and fluids; review if not better' },
  vitals: { systolic: 128, diastolic: 82, pulse: 76, temperatureC: 36.6, respiratoryRate: 16, spo2: 98, weightKg: 70.55, heightCm: 172.5 },
  diagnoses: [{ text: 'Cough', code: 'R05', primary: true, status: 'confirmed' }, { text: 'Asthma to rule out', code: 'j45.9', status: 'provisional' }],
  followUp: 'Come back in two weeks if the cough persists',
};

export const consultationUrl = (id: string, suffix = '') => `/api/appointments/${id}/consultation${suffix}`;

export function putDraft(w: World, as: Caller | null, id: string, body: unknown = draftBody) {
  return call(w.t.app, { method: 'PUT', url: consultationUrl(id), as, body });
}

export function getConsultation(w: World, as: Caller | null, id: string) {
  return call(w.t.app, { url: consultationUrl(id), as });
}

export function sign(w: World, as: Caller | null, id: string) {
  return call(w.t.app, { method: 'POST', url: consultationUrl(id, '/sign'), as });
}

/** A confirmed visit whose doctor drafted and signed the consultation during the visit. */
export async function signedVisit(w: World) {
  const visit = await confirmedVisit(w);
  expect((await putDraft(w, visit.doctor, visit.id)).status).toBe(200);
  await moveClock(w.t, DURING_VISIT);
  const signed = await sign(w, visit.doctor, visit.id);
  expect(signed.status).toBe(200);
  return visit;
}

export async function auditActions(w: World, entityId: string) {
  return w.t.deps.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_role', 'details']).where('entity_id', '=', entityId).orderBy('seq').execute();
}
