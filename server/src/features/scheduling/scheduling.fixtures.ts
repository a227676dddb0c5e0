import type { SettingsTable } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import type { TestApp } from '../../test/harness.ts';
import { call, login, uniqueEmail, type Caller } from '../../test/http.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppointmentStatus } from '#shared/appointments';

const STAFF_PASSWORD = 'reception desk passphrase';

/** A signed-in receptionist, written straight into the database. */
export async function createReceptionist(t: TestApp): Promise<Caller> {
  const at = t.clock.now().toISOString();
  const email = uniqueEmail('reception');
  await t.deps.db.insertInto('users').values({
    id: newId(), email, name: 'Sam Desk', role: 'receptionist', password_hash: await hashPassword(STAFF_PASSWORD),
    active: 1, must_change_password: 0, created_at: at, updated_at: at,
  }).execute();
  return login(t.app, email, STAFF_PASSWORD);
}

/** Sets booking rules directly (the settings API has its own tests). */
export async function setRules(t: TestApp, rules: Partial<Omit<SettingsTable, 'id'>>): Promise<void> {
  await t.deps.db.updateTable('settings').set(rules).where('id', '=', 1).execute();
}

export async function deactivateDoctor(t: TestApp, doctorId: string): Promise<void> {
  await t.deps.db.updateTable('doctors').set({ active: 0 }).where('id', '=', doctorId).execute();
}

/** An appointment inserted directly, in any status. */
export async function insertAppointment(
  t: TestApp,
  input: { doctorId: string; patientId: string; createdBy: string; start: string; end: string; status: AppointmentStatus },
): Promise<string> {
  const id = newId();
  const at = t.clock.now().toISOString();
  await t.deps.db.insertInto('appointments').values({
    id, doctor_id: input.doctorId, patient_id: input.patientId, start_at: input.start, end_at: input.end, status: input.status,
    reason: 'Check-up', decision_note: null, sequence: 0, created_by: input.createdBy, created_at: at, updated_at: at,
  }).execute();
  return id;
}

export const weekly = (...intervals: [number, string, string][]) =>
  intervals.map(([weekday, start, end]) => ({ weekday, start, end }));

export function putAvailability(t: TestApp, doctorId: string, body: unknown, as: Caller | null) {
  return call(t.app, { method: 'PUT', url: `/api/doctors/${doctorId}/availability`, as, body });
}
