import type { TestApp } from './harness.ts';
import { login, registerPatient, uniqueEmail, type Caller } from './http.ts';
import { hashPassword } from '../features/auth/passwords.ts';
import { newId } from '../ids.ts';

export const DOCTOR_PASSWORD = 'doctor passphrase 2026';
let doctorHash: Promise<string> | null = null;

/**
 * A doctor with a login, written straight into the database (the fixture every scheduling test needs),
 * signed in. Prefer the admin API (POST /api/doctors) in tests of the doctors feature itself.
 */
export async function createDoctor(t: TestApp, overrides: { name?: string; specializationId?: string; slotMinutes?: number } = {}): Promise<Caller & { doctorId: string; email: string }> {
  doctorHash ??= hashPassword(DOCTOR_PASSWORD);
  const db = t.deps.db;
  const at = t.clock.now().toISOString();
  const userId = newId();
  const doctorId = newId();
  const email = uniqueEmail('doctor');
  const specializationId = overrides.specializationId ?? (await db.selectFrom('specializations').select('id').orderBy('name').executeTakeFirstOrThrow()).id;
  const name = overrides.name ?? 'Dr Grace Hopper';
  await db.insertInto('users').values({ id: userId, email, name, role: 'doctor', password_hash: await doctorHash, active: 1, must_change_password: 0, created_at: at, updated_at: at }).execute();
  await db.insertInto('doctors').values({
    id: doctorId, user_id: userId, name, phone: '+44 20 7946 0100', specialization_id: specializationId, department: 'Outpatients',
    bio: null, years_experience: 10, fee_minor: 5000, fee_currency: 'GBP', languages: '["English"]', public_email: 0, public_phone: 0,
    slot_minutes: overrides.slotMinutes ?? 30, photo_content_type: null, photo_base64: null, active: 1, created_at: at, updated_at: at,
  }).execute();
  const caller = await login(t.app, email, DOCTOR_PASSWORD);
  return { ...caller, doctorId, email };
}

export { registerPatient };
