import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, login, registerPatient, uniqueEmail, type Caller } from '../../test/http.ts';
import { withStaffApp } from '../../test/staff-app.ts';
import { auditRows, createWalkIn, insertAppointment, walkIn } from './fixtures.ts';
import { ageOn, todayIn } from './patients.mappers.ts';

describe.each(dialectsUnderTest())('patients on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let receptionist: Caller;
  withStaffApp(dialect, (started) => ({ t, admin, receptionist } = started));

  it('a receptionist registers a walk-in patient without a login (201), with the age derived', async () => {
    const body = walkIn({ email: 'Jose.Alvarez@Example.test', address: ' 3 Calle Mayor ', emergencyContact: { name: 'Ana Álvarez', phone: '+34 600 999 000' }, bloodGroup: 'O-' });
    const response = await call(t.app, { method: 'POST', url: '/api/patients', as: receptionist, body });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      name: 'José Álvarez', dateOfBirth: '1984-06-02', gender: 'male', email: 'jose.alvarez@example.test', address: '3 Calle Mayor',
      emergencyContact: { name: 'Ana Álvarez', phone: '+34 600 999 000' }, bloodGroup: 'O-', active: true, hasAccount: false,
      age: ageOn('1984-06-02', todayIn('UTC', t.clock.now())),
    });
    expect(response.json).not.toHaveProperty('account');
    const row = await t.deps.db.selectFrom('patients').selectAll().where('id', '=', response.json.id).executeTakeFirstOrThrow();
    expect(row.user_id).toBeNull();
    expect(row.search_text).toBe('jose alvarez jose.alvarez@example.test +34 600 123 456');
    expect(await auditRows(t, 'patient.create', response.json.id)).toHaveLength(1);
  });

  it('registers a patient with a login when asked: the temporary password is shown once and must be changed', async () => {
    const email = uniqueEmail('walkin');
    const response = await call(t.app, { method: 'POST', url: '/api/patients', as: admin, body: walkIn({ email, createAccount: true }) });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ hasAccount: true, userId: expect.any(String), account: { email, mustChangePassword: true, temporaryPassword: expect.any(String) } });
    const patient = await login(t.app, email, response.json.account.temporaryPassword);
    const session = await call(t.app, { url: '/api/auth/session', as: patient });
    expect(session.json.user).toMatchObject({ role: 'patient', patientId: response.json.id, mustChangePassword: true });
    expect((await call(t.app, { url: `/api/patients/${response.json.id}`, as: patient })).json.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const noEmail = await call(t.app, { method: 'POST', url: '/api/patients', as: admin, body: walkIn({ createAccount: true }) });
    expect(noEmail.status).toBe(400);
    expect(noEmail.json.errors[0].path).toBe('/email');
  });

  it('refuses bad input and mass-assignment of role, id, patientId and userId on create (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...walkIn(), name: undefined }, '/name'],
      [walkIn({ gender: 'unknown' }), '/gender'],
      [walkIn({ bloodGroup: 'C+' }), '/bloodGroup'],
      [walkIn({ dateOfBirth: '1990-02-30' }), '/dateOfBirth'],
      [walkIn({ dateOfBirth: '2999-01-01' }), '/dateOfBirth'],
      [walkIn({ phone: 34600123456 }), '/phone'],
      [walkIn({ email: 'not-an-email' }), '/email'],
      [walkIn({ emergencyContact: { name: 'Ana' } }), '/emergencyContact/phone'],
      [walkIn({ role: 'admin' }), '/role'],
      [walkIn({ id: 'chosen-id' }), '/id'],
      [walkIn({ patientId: 'x' }), '/patientId'],
      [walkIn({ userId: admin.userId }), '/userId'],
    ];
    for (const [body, path] of cases) {
      const response = await call(t.app, { method: 'POST', url: '/api/patients', as: receptionist, body });
      expect(response.status, path).toBe(400);
      expect(response.json.errors[0].path, JSON.stringify(body)).toBe(path);
    }
  });

  it('only admins and receptionists register patients: 403 for patients and doctors, 401 when anonymous', async () => {
    const patient = await registerPatient(t.app);
    const doctor = await createDoctor(t);
    expect((await call(t.app, { method: 'POST', url: '/api/patients', as: patient, body: walkIn() })).status).toBe(403);
    expect((await call(t.app, { method: 'POST', url: '/api/patients', as: doctor, body: walkIn() })).status).toBe(403);
    expect((await call(t.app, { method: 'POST', url: '/api/patients', body: walkIn() })).status).toBe(401);
    expect((await call(t.app, { url: '/api/patients' })).status).toBe(401);
    expect((await call(t.app, { url: '/api/patients', as: patient })).status).toBe(403);
    const someone = await createWalkIn(t, receptionist);
    expect((await call(t.app, { url: `/api/patients/${someone.id}` })).status).toBe(401);
    expect((await call(t.app, { method: 'PATCH', url: `/api/patients/${someone.id}`, body: { phone: '+1 555 0100' } })).status).toBe(401);
  });

  it('a patient reads and edits their own profile', async () => {
    const patient = await registerPatient(t.app, { name: 'Grace Hopper' });
    const own = await call(t.app, { url: `/api/patients/${patient.patientId}`, as: patient });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ id: patient.patientId, name: 'Grace Hopper', email: patient.email, hasAccount: true });
    expect(own.json).not.toHaveProperty('userId');
    const body = { name: 'Grace B. Hopper', phone: '+1 212 555 0199', emergencyContact: { name: 'Vincent Hopper', phone: '+1 212 555 0100' }, bloodGroup: 'AB+', address: null };
    const edited = await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: patient, body });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ ...body, address: null });
    const session = await call(t.app, { url: '/api/auth/session', as: patient });
    expect(session.json.user.name).toBe('Grace B. Hopper');
    const row = await t.deps.db.selectFrom('patients').select('search_text').where('id', '=', patient.patientId ?? '').executeTakeFirstOrThrow();
    expect(row.search_text).toContain('grace b. hopper');
  });

  it('a patient cannot read or edit another patient (404, like a missing one) and the attempt is audited', async () => {
    const patient = await registerPatient(t.app);
    const other = await registerPatient(t.app);
    const read = await call(t.app, { url: `/api/patients/${other.patientId}`, as: patient });
    expect(read.status).toBe(404);
    const missing = await call(t.app, { url: '/api/patients/0190a0a0-0000-7000-8000-000000000000', as: patient });
    expect(read.json).toEqual(missing.json);
    expect((await call(t.app, { method: 'PATCH', url: `/api/patients/${other.patientId}`, as: patient, body: { phone: '+1 555 0100' } })).status).toBe(404);
    const denied = await auditRows(t, 'patient.read', other.patientId);
    expect(denied).toMatchObject([{ actor_id: patient.userId, outcome: 'denied' }]);
  });

  it('patients changing their email give the current password; the login email follows', async () => {
    const patient = await registerPatient(t.app);
    const url = `/api/patients/${patient.patientId}`;
    const email = uniqueEmail('moved');
    const without = await call(t.app, { method: 'PATCH', url, as: patient, body: { email } });
    expect(without.status).toBe(400);
    expect(without.json.errors[0].path).toBe('/currentPassword');
    const wrong = await call(t.app, { method: 'PATCH', url, as: patient, body: { email, currentPassword: 'not my password at all' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors[0].path).toBe('/currentPassword');
    const same = await call(t.app, { method: 'PATCH', url, as: patient, body: { email: patient.email.toUpperCase(), phone: '+44 20 7946 0999' } });
    expect(same.status).toBe(200);
    const moved = await call(t.app, { method: 'PATCH', url, as: patient, body: { email: email.toUpperCase(), currentPassword: patient.password } });
    expect(moved.status).toBe(200);
    expect(moved.json.email).toBe(email);
    await login(t.app, email, patient.password);
    expect((await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } })).status).toBe(401);
  });

  it('an email used by another account answers 409 EMAIL_TAKEN', async () => {
    const patient = await registerPatient(t.app);
    const other = await registerPatient(t.app);
    const mine = await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: patient, body: { email: other.email, currentPassword: patient.password } });
    expect(mine.status).toBe(409);
    expect(mine.json.code).toBe('EMAIL_TAKEN');
    const staff = await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: receptionist, body: { email: other.email } });
    expect(staff.status).toBe(409);
    const cleared = await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: receptionist, body: { email: null } });
    expect(cleared.status).toBe(400);
  });

  it('staff edit a profile without a password; the audit keeps before and after of the changed fields only', async () => {
    const patient = await registerPatient(t.app, { phone: '+44 20 7946 0001' });
    const email = uniqueEmail('staff-set');
    const response = await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: receptionist, body: { phone: '+44 20 7946 0002', gender: 'female', email } });
    expect(response.status).toBe(200);
    await login(t.app, email, patient.password);
    const [row] = await auditRows(t, 'patient.update', patient.patientId);
    expect(JSON.parse(row?.details ?? '{}')).toEqual({ before: { phone: '+44 20 7946 0001', email: patient.email }, after: { phone: '+44 20 7946 0002', email } });
    expect(row?.actor_id).toBe(receptionist.userId);
  });

  it('refuses mass-assignment and empty bodies on edit (400)', async () => {
    const patient = await registerPatient(t.app);
    for (const field of ['role', 'id', 'patientId', 'userId', 'active']) {
      const response = await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: patient, body: { [field]: 'x', phone: '+1 555 0100' } });
      expect(response.status, field).toBe(400);
      expect(response.json.errors[0].path).toBe(`/${field}`);
    }
    expect((await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: patient, body: {} })).status).toBe(400);
    expect((await call(t.app, { method: 'PATCH', url: `/api/patients/${patient.patientId}`, as: patient, body: { dateOfBirth: '2999-01-01' } })).status).toBe(400);
  });

  it('a doctor sees a patient only once they have an appointment that counts (not rejected or cancelled alone), and never edits', async () => {
    const doctor = await createDoctor(t);
    const patient = await registerPatient(t.app);
    const url = `/api/patients/${patient.patientId ?? ''}`;
    expect((await call(t.app, { url, as: doctor })).status).toBe(404);
    await insertAppointment(t, doctor.doctorId, patient.patientId ?? '', 'rejected');
    await insertAppointment(t, doctor.doctorId, patient.patientId ?? '', 'cancelled');
    expect((await call(t.app, { url, as: doctor })).status).toBe(404);
    expect((await call(t.app, { url: '/api/patients', as: doctor })).json.items).toEqual([]);
    await insertAppointment(t, doctor.doctorId, patient.patientId ?? '', 'requested');
    const seen = await call(t.app, { url, as: doctor });
    expect(seen.status).toBe(200);
    expect(seen.json.id).toBe(patient.patientId);
    const list = await call(t.app, { url: '/api/patients', as: doctor });
    expect(list.json.items.map((item: { id: string }) => item.id)).toEqual([patient.patientId]);
    expect((await call(t.app, { method: 'PATCH', url, as: doctor, body: { phone: '+1 555 0100' } })).status).toBe(403);
  });

  it('completed and no-show appointments make a doctor one of the patient\'s doctors too', async () => {
    for (const status of ['completed', 'no_show', 'confirmed'] as const) {
      const doctor = await createDoctor(t);
      const patient = await createWalkIn(t, receptionist);
      await insertAppointment(t, doctor.doctorId, patient.id, status);
      expect((await call(t.app, { url: `/api/patients/${patient.id}`, as: doctor })).status, status).toBe(200);
    }
  });

  it('every read of a profile is audited', async () => {
    const patient = await createWalkIn(t, receptionist);
    await call(t.app, { url: `/api/patients/${patient.id}`, as: admin });
    await call(t.app, { url: `/api/patients/${patient.id}`, as: receptionist });
    const rows = await auditRows(t, 'patient.read', patient.id);
    expect(rows.map((row) => [row.actor_id, row.outcome])).toEqual([[admin.userId, 'success'], [receptionist.userId, 'success']]);
    expect(rows[0]).toMatchObject({ entity_type: 'patient', actor_role: 'admin' });
  });

  it('the admin deactivates a patient: the record stays, the login stops working and sessions end', async () => {
    const patient = await registerPatient(t.app);
    const url = `/api/patients/${patient.patientId}`;
    expect((await call(t.app, { method: 'DELETE', url, as: receptionist })).status).toBe(403);
    expect((await call(t.app, { method: 'DELETE', url, as: patient })).status).toBe(403);
    expect((await call(t.app, { method: 'DELETE', url })).status).toBe(401);
    expect((await call(t.app, { method: 'DELETE', url: '/api/patients/0190a0a0-0000-7000-8000-000000000000', as: admin })).status).toBe(404);
    expect((await call(t.app, { method: 'DELETE', url, as: admin })).status).toBe(204);
    expect((await call(t.app, { url: '/api/auth/session', as: patient })).status).toBe(401);
    const again = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } });
    expect(again.status).toBe(401);
    const kept = await call(t.app, { url, as: admin });
    expect(kept.status).toBe(200);
    expect(kept.json.active).toBe(false);
    const inactive = await call(t.app, { url: '/api/patients?active=false', as: admin });
    expect(inactive.json.items.map((item: { id: string }) => item.id)).toContain(patient.patientId);
    expect(await auditRows(t, 'patient.deactivate', patient.patientId)).toHaveLength(1);
  });

  it('only the admin reactivates a patient (401; 403 receptionist, doctor, patient; unknown 404)', async () => {
    const patient = await createWalkIn(t, receptionist);
    const url = `/api/patients/${patient.id}/reactivate`;
    expect((await call(t.app, { method: 'DELETE', url: `/api/patients/${patient.id}`, as: admin })).status).toBe(204);
    expect((await call(t.app, { method: 'POST', url })).status).toBe(401);
    for (const caller of [receptionist, await createDoctor(t), await registerPatient(t.app)]) {
      expect((await call(t.app, { method: 'POST', url, as: caller })).status).toBe(403);
    }
    expect((await call(t.app, { method: 'POST', url: '/api/patients/0190a0a0-0000-7000-8000-000000000000/reactivate', as: admin })).status).toBe(404);
    expect((await call(t.app, { url: `/api/patients/${patient.id}`, as: admin })).json.active).toBe(false);
    expect(await auditRows(t, 'patient.reactivate', patient.id)).toHaveLength(0);
  });

  it('the admin reactivates a walk-in patient: active again and bookable, audited once; a repeat changes nothing', async () => {
    const patient = await createWalkIn(t, receptionist);
    const url = `/api/patients/${patient.id}/reactivate`;
    expect((await call(t.app, { method: 'DELETE', url: `/api/patients/${patient.id}`, as: admin })).status).toBe(204);
    const reactivated = await call(t.app, { method: 'POST', url, as: admin });
    expect(reactivated.status).toBe(200);
    expect(reactivated.json).toMatchObject({ id: patient.id, active: true, hasAccount: false });
    const active = await call(t.app, { url: `/api/patients?active=true&q=${encodeURIComponent(patient.name)}`, as: receptionist });
    expect(active.json.items.map((item: { id: string }) => item.id)).toContain(patient.id);
    expect((await call(t.app, { method: 'POST', url, as: admin })).json.active).toBe(true);
    const rows = await auditRows(t, 'patient.reactivate', patient.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.userId, actor_role: 'admin', outcome: 'success' });
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ before: { active: false }, after: { active: true } });
  });

  it('reactivating a patient with a login makes the login work again with their own password', async () => {
    const patient = await registerPatient(t.app);
    expect((await call(t.app, { method: 'DELETE', url: `/api/patients/${patient.patientId}`, as: admin })).status).toBe(204);
    expect((await call(t.app, { method: 'POST', url: `/api/patients/${patient.patientId}/reactivate`, as: admin })).status).toBe(200);
    const caller = await login(t.app, patient.email, patient.password);
    expect((await call(t.app, { url: `/api/patients/${patient.patientId}`, as: caller })).json.active).toBe(true);
    const [row] = await auditRows(t, 'patient.reactivate', patient.patientId);
    expect(JSON.parse(row?.details ?? '{}')).toEqual({ before: { active: false, loginActive: false }, after: { active: true, loginActive: true } });
  });

  it('staff give a walk-in a login: a temporary password shown once, changed at first sign-in', async () => {
    const patient = await createWalkIn(t, receptionist, { email: 'old@example.test' });
    const email = uniqueEmail('claimed');
    const url = `/api/patients/${patient.id}/account`;
    expect((await call(t.app, { method: 'POST', url, as: await registerPatient(t.app), body: { email } })).status).toBe(403);
    expect((await call(t.app, { method: 'POST', url, as: receptionist, body: { email, role: 'admin' } })).status).toBe(400);
    const response = await call(t.app, { method: 'POST', url, as: receptionist, body: { email } });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ email, mustChangePassword: true, userId: expect.any(String) });
    const caller = await login(t.app, email, response.json.temporaryPassword);
    const session = await call(t.app, { url: '/api/auth/session', as: caller });
    expect(session.json.user).toMatchObject({ patientId: patient.id, mustChangePassword: true });
    const profile = await call(t.app, { url: `/api/patients/${patient.id}`, as: admin });
    expect(profile.json).toMatchObject({ email, hasAccount: true, userId: response.json.userId });
    const twice = await call(t.app, { method: 'POST', url, as: receptionist, body: { email: uniqueEmail() } });
    expect(twice.json.code).toBe('ALREADY_HAS_ACCOUNT');
    const other = await createWalkIn(t, receptionist);
    const taken = await call(t.app, { method: 'POST', url: `/api/patients/${other.id}/account`, as: admin, body: { email } });
    expect(taken.status).toBe(409);
    expect(taken.json.code).toBe('EMAIL_TAKEN');
    expect((await call(t.app, { method: 'POST', url: '/api/patients/0190a0a0-0000-7000-8000-000000000000/account', as: admin, body: { email: uniqueEmail() } })).status).toBe(404);
    const stored = JSON.stringify(await auditRows(t, 'patient.account.create', patient.id));
    expect(stored).not.toContain(response.json.temporaryPassword);
  });
});
