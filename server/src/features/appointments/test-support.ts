import type { Db, SettingsTable } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { startTestApp, type TestApp, type TestDialect } from '../../test/harness.ts';
import { call, login, uniqueEmail, type Caller } from '../../test/http.ts';

/** Friday 1 March 2030, 08:00 UTC: "now" in the appointment tests (the hospital runs on UTC). */
export const NOW = new Date('2030-03-01T08:00:00.000Z');
/** A Monday three days later: far enough for every notice window. */
export const MONDAY = '2030-03-04';
export const TUESDAY = '2030-03-05';

export const at = (date: string, time: string): string => `${date}T${time}:00.000Z`;

/** A test app whose sessions outlive the clock moves of the tests, with "now" at NOW. */
export async function startAppointmentsApp(dialect: TestDialect): Promise<TestApp> {
  const t = await startTestApp(dialect, { HMS_SESSION_IDLE_MINUTES: '1440', HMS_SESSION_ABSOLUTE_HOURS: '720' });
  t.clock.set(NOW);
  return t;
}

/** Moves "now", keeping every signed-in test caller's session alive across the jump. */
export async function moveClock(t: TestApp, to: string | Date): Promise<void> {
  const now = new Date(to);
  t.clock.set(now);
  await t.deps.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('revoked_at', 'is', null).execute();
}

/** Monday to Friday, 09:00–17:00 hospital time. */
export async function giveWeekdayHours(t: TestApp, doctorId: string): Promise<void> {
  const rows = [1, 2, 3, 4, 5].map((weekday) => ({ id: newId(), doctor_id: doctorId, weekday, start_minute: 9 * 60, end_minute: 17 * 60 }));
  await t.deps.db.insertInto('availability_intervals').values(rows).execute();
}

export async function changeSettings(t: TestApp, changes: Partial<Omit<SettingsTable, 'id'>>): Promise<void> {
  await t.deps.db.updateTable('settings').set(changes).where('id', '=', 1).execute();
}

const STAFF_PASSWORD = 'front desk passphrase 2026';
let staffHash: Promise<string> | null = null;

export async function createReceptionist(t: TestApp): Promise<Caller> {
  staffHash ??= hashPassword(STAFF_PASSWORD);
  const email = uniqueEmail('desk');
  const at = t.clock.now().toISOString();
  await t.deps.db.insertInto('users').values({
    id: newId(), email, name: 'Sam Desk', role: 'receptionist', password_hash: await staffHash, active: 1, must_change_password: 0, created_at: at, updated_at: at,
  }).execute();
  return login(t.app, email, STAFF_PASSWORD);
}

export interface BookArgs {
  doctorId: string;
  start: string;
  reason?: string;
  patientId?: string;
}

export function book(t: TestApp, as: Caller | null, args: BookArgs, headers: Record<string, string> = {}) {
  return call(t.app, { method: 'POST', url: '/api/appointments', as, body: { reason: 'Persistent cough', ...args }, headers });
}

export function act(t: TestApp, as: Caller | null, id: string, action: string, body?: unknown) {
  return call(t.app, { method: 'POST', url: `/api/appointments/${id}/${action}`, as, ...(body === undefined ? {} : { body }) });
}

export async function historyOf(t: TestApp, id: string) {
  return t.deps.db.selectFrom('appointment_history').selectAll().where('appointment_id', '=', id).orderBy('at').orderBy('id').execute();
}

export async function notificationsOf(t: TestApp, userId: string) {
  return t.deps.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

/**
 * `count` patients with a login, signed in, written straight into the database: cheap enough for race tests
 * that need dozens of different patients (registering each would hash a password each time).
 */
export async function signedInPatients(db: Db, now: Date, count: number): Promise<Caller[]> {
  const at = now.toISOString();
  const callers: Caller[] = [];
  for (let index = 0; index < count; index += 1) {
    const userId = newId();
    const patientId = newId();
    const email = uniqueEmail('racer');
    await db.insertInto('users').values({ id: userId, email, name: `Racer ${index}`, role: 'patient', password_hash: null, active: 1, must_change_password: 0, created_at: at, updated_at: at }).execute();
    await db.insertInto('patients').values({
      id: patientId, user_id: userId, name: `Racer ${index}`, date_of_birth: '1990-01-01', gender: 'other', phone: '+44 20 7946 0000', email, address: null,
      emergency_contact_name: null, emergency_contact_phone: null, blood_group: null, active: 1, search_text: `racer ${index}`, created_at: at, updated_at: at,
    }).execute();
    const session = await createSession(db, now, userId, { ip: null, userAgent: 'race test' });
    callers.push({ cookie: `${SESSION_COOKIE}=${session.token}`, csrfToken: session.csrfToken, userId, patientId });
  }
  return callers;
}

/** Every day of the week, 09:00–17:00 hospital time. */
export async function giveDailyHours(db: Db, doctorId: string): Promise<void> {
  const rows = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ id: newId(), doctor_id: doctorId, weekday, start_minute: 9 * 60, end_minute: 17 * 60 }));
  await db.insertInto('availability_intervals').values(rows).execute();
}

/** A doctor without a login session, written straight into the database. */
export async function insertDoctor(db: Db, now: Date): Promise<string> {
  const at = now.toISOString();
  const userId = newId();
  const doctorId = newId();
  const specialization = await db.selectFrom('specializations').select('id').orderBy('name').executeTakeFirstOrThrow();
  await db.insertInto('users').values({ id: userId, email: uniqueEmail('doctor'), name: 'Dr Race', role: 'doctor', password_hash: null, active: 1, must_change_password: 0, created_at: at, updated_at: at }).execute();
  await db.insertInto('doctors').values({
    id: doctorId, user_id: userId, name: 'Dr Race', phone: '+44 20 7946 0100', specialization_id: specialization.id, department: null, bio: null,
    years_experience: null, fee_minor: null, fee_currency: null, languages: '[]', public_email: 0, public_phone: 0, slot_minutes: 30,
    photo_content_type: null, photo_base64: null, active: 1, created_at: at, updated_at: at,
  }).execute();
  return doctorId;
}
