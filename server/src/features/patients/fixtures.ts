import { hashPassword } from '../auth/passwords.ts';
import { newId } from '../../ids.ts';
import type { TestApp } from '../../test/harness.ts';
import { call, login, uniqueEmail, type Caller } from '../../test/http.ts';
import type { AppointmentStatus } from '#shared/appointments';

export const STAFF_PASSWORD = 'front desk passphrase 2026';
let staffHash: Promise<string> | null = null;

/** A receptionist with a login, written straight into the database, signed in. */
export async function createReceptionist(t: TestApp): Promise<Caller & { email: string }> {
  staffHash ??= hashPassword(STAFF_PASSWORD);
  const at = t.clock.now().toISOString();
  const email = uniqueEmail('reception');
  await t.deps.db.insertInto('users').values({
    id: newId(), email, name: 'Rosa Parks', role: 'receptionist', password_hash: await staffHash, active: 1, must_change_password: 0, created_at: at, updated_at: at,
  }).execute();
  return { ...(await login(t.app, email, STAFF_PASSWORD)), email };
}

let slot = 0;

/** An appointment row written directly (booking belongs to the scheduling feature), each at its own hour. */
export async function insertAppointment(t: TestApp, doctorId: string, patientId: string, status: AppointmentStatus): Promise<string> {
  const id = newId();
  const start = new Date(Date.UTC(2031, 0, 1) + slot++ * 3_600_000);
  const doctor = await t.deps.db.selectFrom('doctors').select('user_id').where('id', '=', doctorId).executeTakeFirstOrThrow();
  const at = t.clock.now().toISOString();
  await t.deps.db.insertInto('appointments').values({
    id, doctor_id: doctorId, patient_id: patientId, start_at: start.toISOString(), end_at: new Date(start.getTime() + 1_800_000).toISOString(),
    status, reason: 'Check-up', decision_note: null, sequence: 0, created_by: doctor.user_id, created_at: at, updated_at: at,
  }).execute();
  return id;
}

export function walkIn(overrides: Record<string, unknown> = {}) {
  return { name: 'José Álvarez', dateOfBirth: '1984-06-02', gender: 'male', phone: '+34 600 123 456', ...overrides };
}

/** A patient registered at the front desk, without a login; answers the profile. */
export async function createWalkIn(t: TestApp, as: Caller, overrides: Record<string, unknown> = {}) {
  const response = await call(t.app, { method: 'POST', url: '/api/patients', as, body: walkIn(overrides) });
  if (response.status !== 201) throw new Error(`creating a walk-in failed: ${response.status} ${response.text}`);
  return response.json as { id: string; name: string };
}

/** The audit rows of an action about an entity, oldest first. */
export async function auditRows(t: TestApp, action: string, entityId?: string) {
  let query = t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (entityId !== undefined) query = query.where('entity_id', '=', entityId);
  return query.orderBy('seq').execute();
}

export const CHANGED_PASSWORD = 'my own new passphrase 77';

/** Signs in with a temporary password and replaces it, as a new user must before doing anything else. */
export async function signInFirstTime(t: TestApp, email: string, temporaryPassword: string): Promise<Caller> {
  const caller = await login(t.app, email, temporaryPassword);
  const changed = await call(t.app, { method: 'POST', url: '/api/auth/password', as: caller, body: { currentPassword: temporaryPassword, newPassword: CHANGED_PASSWORD } });
  if (changed.status !== 204) throw new Error(`changing the temporary password failed: ${changed.status} ${changed.text}`);
  return caller;
}
