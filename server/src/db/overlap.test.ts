import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../test/harness.ts';
import { constraintViolation } from './constraint.ts';
import type { AppointmentStatus } from '#shared/appointments';

/** The database itself refuses two overlapping active appointments of one doctor, whatever the code does. */
describe.each(dialectsUnderTest())('appointment overlap guarantee on %s', (dialect) => {
  let t: TestApp;
  let doctorId: string;
  let patientId: string;
  let userId: string;
  const at = '2030-01-01T00:00:00.000Z';

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const db = t.deps.db;
    userId = newId();
    doctorId = newId();
    patientId = newId();
    const specialization = await db.selectFrom('specializations').select('id').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ id: userId, email: `${userId}@example.test`, name: 'Dr Who', role: 'doctor', password_hash: null, active: 1, must_change_password: 0, created_at: at, updated_at: at }).execute();
    await db.insertInto('doctors').values({ id: doctorId, user_id: userId, name: 'Dr Who', phone: '123', specialization_id: specialization.id, department: null, bio: null, years_experience: null, fee_minor: null, fee_currency: null, languages: '[]', public_email: 0, public_phone: 0, slot_minutes: 30, photo_content_type: null, photo_base64: null, active: 1, created_at: at, updated_at: at }).execute();
    await db.insertInto('patients').values({ id: patientId, user_id: null, name: 'Pat', date_of_birth: '1990-01-01', gender: 'other', phone: '1', email: null, address: null, emergency_contact_name: null, emergency_contact_phone: null, blood_group: null, active: 1, search_text: 'pat', created_at: at, updated_at: at }).execute();
  });
  afterAll(async () => {
    await t.close();
  });

  const insert = (start: string, end: string, status: AppointmentStatus = 'requested') =>
    t.deps.db.transaction().execute((trx) =>
      trx.insertInto('appointments').values({ id: newId(), doctor_id: doctorId, patient_id: patientId, start_at: start, end_at: end, status, reason: 'checkup', decision_note: null, sequence: 0, created_by: userId, created_at: at, updated_at: at }).execute(),
    );

  it('accepts back-to-back appointments and refuses an overlapping one', async () => {
    await insert('2030-03-01T09:00:00.000Z', '2030-03-01T09:30:00.000Z');
    await insert('2030-03-01T09:30:00.000Z', '2030-03-01T10:00:00.000Z', 'confirmed');
    const error = await insert('2030-03-01T09:15:00.000Z', '2030-03-01T09:45:00.000Z').catch((e: unknown) => e);
    expect(constraintViolation(error)?.kind).toBe('exclusion');
    const same = await insert('2030-03-01T09:00:00.000Z', '2030-03-01T09:30:00.000Z').catch((e: unknown) => e);
    expect(['exclusion', 'unique']).toContain(constraintViolation(same)?.kind);
  });

  it('lets a cancelled appointment free its time', async () => {
    await insert('2030-03-02T09:00:00.000Z', '2030-03-02T09:30:00.000Z', 'cancelled');
    await insert('2030-03-02T09:00:00.000Z', '2030-03-02T09:30:00.000Z');
  });

  it('refuses an update that moves an appointment onto another', async () => {
    await insert('2030-03-03T09:00:00.000Z', '2030-03-03T09:30:00.000Z');
    const row = await t.deps.db.selectFrom('appointments').select('id').where('start_at', '=', '2030-03-02T09:00:00.000Z').where('status', '=', 'requested').executeTakeFirstOrThrow();
    const error = await t.deps.db.transaction().execute((trx) =>
      trx.updateTable('appointments').set({ start_at: '2030-03-03T09:10:00.000Z', end_at: '2030-03-03T09:40:00.000Z' }).where('id', '=', row.id).execute(),
    ).catch((e: unknown) => e);
    expect(constraintViolation(error)?.kind).toBe('exclusion');
  });
});
