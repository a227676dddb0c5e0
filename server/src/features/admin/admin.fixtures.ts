import { newId } from '../../ids.ts';
import { ADMIN_EMAIL, type TestApp } from '../../test/harness.ts';
import { login, uniqueEmail, type Caller } from '../../test/http.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppointmentStatus } from '#shared/appointments';

const STAFF_PASSWORD = 'front desk passphrase 2026';

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

export async function adminUserId(t: TestApp): Promise<string> {
  return (await t.deps.db.selectFrom('users').select('id').where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow()).id;
}

export async function specializationId(t: TestApp, nameKey: string): Promise<string> {
  return (await t.deps.db.selectFrom('specializations').select('id').where('name_key', '=', nameKey).executeTakeFirstOrThrow()).id;
}

/** A doctor without a login session, in the given specialization. */
export async function insertDoctor(
  t: TestApp,
  input: { name: string; specializationId: string; slotMinutes?: number; active?: boolean; phone?: string; hasPhoto?: boolean },
): Promise<{ id: string; email: string }> {
  const at = t.clock.now().toISOString();
  const userId = newId();
  const id = newId();
  const email = uniqueEmail('doctor');
  const active = input.active === false ? 0 : 1;
  await t.deps.db.insertInto('users').values({
    id: userId, email, name: input.name, role: 'doctor', password_hash: null, active, must_change_password: 0, created_at: at, updated_at: at,
  }).execute();
  await t.deps.db.insertInto('doctors').values({
    id, user_id: userId, name: input.name, phone: input.phone ?? '+44 20 7946 0100', specialization_id: input.specializationId, department: null,
    bio: null, years_experience: null, fee_minor: null, fee_currency: null, languages: '[]', public_email: 0, public_phone: 0,
    slot_minutes: input.slotMinutes ?? 30, photo_content_type: input.hasPhoto ? 'image/png' : null, photo_base64: input.hasPhoto ? 'iVBORw0KGgo=' : null,
    active, created_at: at, updated_at: at,
  }).execute();
  return { id, email };
}

/** A patient without a login. */
export async function insertPatient(t: TestApp, input: { name: string; active?: boolean; address?: string | null; phone?: string }): Promise<string> {
  const at = t.clock.now().toISOString();
  const id = newId();
  await t.deps.db.insertInto('patients').values({
    id, user_id: null, name: input.name, date_of_birth: '1980-05-17', gender: 'undisclosed', phone: input.phone ?? '020 7946 0000',
    email: null, address: input.address ?? null, emergency_contact_name: null, emergency_contact_phone: null, blood_group: null,
    active: input.active === false ? 0 : 1, search_text: input.name.toLowerCase(), created_at: at, updated_at: at,
  }).execute();
  return id;
}

export async function insertAppointment(
  t: TestApp,
  input: { doctorId: string; patientId: string; start: string; minutes: number; status: AppointmentStatus; createdAt?: string; createdBy: string; reason?: string },
): Promise<string> {
  const id = newId();
  const end = new Date(new Date(input.start).getTime() + input.minutes * 60_000).toISOString();
  const created = input.createdAt ?? t.clock.now().toISOString();
  await t.deps.db.insertInto('appointments').values({
    id, doctor_id: input.doctorId, patient_id: input.patientId, start_at: input.start, end_at: end, status: input.status,
    reason: input.reason ?? 'Check-up', decision_note: null, sequence: 0, created_by: input.createdBy, created_at: created, updated_at: created,
  }).execute();
  return id;
}

/** The same hours on each of the weekdays (1 = Monday), in minutes after local midnight. */
export async function insertAvailability(t: TestApp, doctorId: string, weekdays: number[], startMinute: number, endMinute: number): Promise<void> {
  await t.deps.db.insertInto('availability_intervals')
    .values(weekdays.map((weekday) => ({ id: newId(), doctor_id: doctorId, weekday, start_minute: startMinute, end_minute: endMinute })))
    .execute();
}

export async function insertTimeOff(t: TestApp, doctorId: string, start: string, end: string, createdBy: string): Promise<void> {
  await t.deps.db.insertInto('time_off').values({
    id: newId(), doctor_id: doctorId, start_at: start, end_at: end, reason: null, created_by: createdBy, created_at: t.clock.now().toISOString(),
  }).execute();
}

export async function setHospitalTimeZone(t: TestApp, timeZone: string): Promise<void> {
  await t.deps.db.updateTable('settings').set({ time_zone: timeZone }).where('id', '=', 1).execute();
}

/** The audit rows of an action, newest first, with their details parsed. */
export async function auditRowsOf(t: TestApp, action: string) {
  const rows = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute();
  return rows.map((row) => ({ ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null }));
}
