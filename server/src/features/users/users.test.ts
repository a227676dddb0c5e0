import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { ADMIN_EMAIL, dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, login, loginAdmin, registerPatient, uniqueEmail, type Caller } from '../../test/http.ts';
import { auditRows, CHANGED_PASSWORD, createReceptionist, signInFirstTime } from '../patients/fixtures.ts';
import { updateUserAccount } from './user-update.service.ts';

describe.each(dialectsUnderTest())('users administration on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: Record<string, unknown>, as: Caller = admin) => call(t.app, { method: 'POST', url: '/api/users', as, body });
  const patch = (id: string, body: Record<string, unknown>, as: Caller = admin) => call(t.app, { method: 'PATCH', url: `/api/users/${id}`, as, body });
  const staff = <T extends Record<string, unknown>>(overrides: T = {} as T) => ({ email: uniqueEmail('staff'), name: 'Tomás Rivera', role: 'receptionist', ...overrides });

  it('only admins manage users: 403 for every other role, 401 when anonymous', async () => {
    const callers = [await registerPatient(t.app), await createReceptionist(t), await createDoctor(t)];
    for (const caller of callers) {
      expect((await call(t.app, { url: '/api/users', as: caller })).status).toBe(403);
      expect((await create(staff(), caller)).status).toBe(403);
      expect((await call(t.app, { url: `/api/users/${admin.userId}`, as: caller })).status).toBe(403);
      expect((await patch(admin.userId, { name: 'x' }, caller)).status).toBe(403);
    }
    expect((await call(t.app, { url: '/api/users' })).status).toBe(401);
    expect((await call(t.app, { method: 'POST', url: '/api/users', body: staff() })).status).toBe(401);
    expect((await call(t.app, { method: 'PATCH', url: `/api/users/${admin.userId}`, body: { name: 'x' } })).status).toBe(401);
  });

  it('creates a receptionist with a generated temporary password, to be changed at first sign-in', async () => {
    const body = staff();
    const response = await create(body);
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ email: body.email, name: body.name, role: 'receptionist', active: true, mustChangePassword: true, temporaryPassword: expect.any(String) });
    expect(response.json).not.toHaveProperty('patientId');
    const caller = await login(t.app, body.email, response.json.temporaryPassword);
    expect((await call(t.app, { url: '/api/patients', as: caller })).json.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await call(t.app, { method: 'POST', url: '/api/auth/password', as: caller, body: { currentPassword: response.json.temporaryPassword, newPassword: CHANGED_PASSWORD } });
    expect((await call(t.app, { url: '/api/patients', as: caller })).status).toBe(200);
    const audit = JSON.stringify(await auditRows(t, 'user.create', response.json.id));
    expect(audit).toContain('receptionist');
    expect(audit).not.toContain(response.json.temporaryPassword);
  });

  it('creates an admin with a chosen password, checked by the password policy', async () => {
    const weak = await create(staff({ role: 'admin', password: 'qwerty123456' }));
    expect(weak.status).toBe(400);
    expect(weak.json.errors[0].path).toBe('/password');
    const body = staff({ role: 'admin', password: 'an admin passphrase 2026' });
    const response = await create(body);
    expect(response.status).toBe(201);
    expect(response.json).not.toHaveProperty('temporaryPassword');
    await signInFirstTime(t, body.email, body.password);
  });

  it('creating a patient user also creates their patient profile, which needs date of birth, gender and phone', async () => {
    const missing = await create(staff({ role: 'patient' }));
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0].path).toBe('/dateOfBirth');
    const staffWithPatientField = await create(staff({ phone: '+1 555 0100' }));
    expect(staffWithPatientField.json.errors[0].path).toBe('/phone');
    const response = await create(staff({ role: 'patient', name: 'Chiara Rossi', dateOfBirth: '1999-09-09', gender: 'female', phone: '+39 333 000 1111' }));
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ role: 'patient', patientId: expect.any(String) });
    const profile = await call(t.app, { url: `/api/patients/${response.json.patientId}`, as: admin });
    expect(profile.json).toMatchObject({ name: 'Chiara Rossi', email: response.json.email, hasAccount: true, userId: response.json.id });
    const found = await call(t.app, { url: '/api/patients?q=chiara%20rossi', as: admin });
    expect(found.json.items.map((item: { id: string }) => item.id)).toContain(response.json.patientId);
  });

  it('sends doctors to POST /api/doctors (400)', async () => {
    const response = await create(staff({ role: 'doctor' }));
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('USE_DOCTORS_ENDPOINT');
    expect(response.json.detail).toContain('POST /api/doctors');
  });

  it('refuses a taken email (409), unknown fields and bad values (400)', async () => {
    const taken = await create(staff({ email: ADMIN_EMAIL.toUpperCase() }));
    expect(taken.status).toBe(409);
    expect(taken.json.code).toBe('EMAIL_TAKEN');
    for (const [body, path] of [[staff({ id: 'x' }), '/id'], [staff({ role: 'superuser' }), '/role'], [staff({ email: 'nope' }), '/email'], [staff({ active: false }), '/active']] as const) {
      const response = await create(body);
      expect(response.status, path).toBe(400);
      expect(response.json.errors[0].path).toBe(path);
    }
    const user = (await create(staff())).json;
    for (const body of [{}, { email: uniqueEmail() }, { id: 'x' }, { patientId: 'x' }, { unlock: false }, { mustChangePassword: false }]) {
      expect((await patch(user.id, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await patch('0190a0a0-0000-7000-8000-000000000000', { name: 'Nobody' })).status).toBe(404);
    expect((await call(t.app, { url: '/api/users/0190a0a0-0000-7000-8000-000000000000', as: admin })).status).toBe(404);
  });

  it('lists users searched by name or email, filtered by role and active, a page at a time', async () => {
    const tag = `zq${Math.random().toString(36).slice(2, 7)}`;
    const made = [];
    for (const name of ['Amy', 'Ben', 'Cal']) made.push((await create(staff({ name: `${name} ${tag}`, email: uniqueEmail(tag) }))).json);
    const list = await call(t.app, { url: `/api/users?q=${tag}&limit=2`, as: admin });
    expect(list.status).toBe(200);
    expect(list.json.items.map((u: { name: string }) => u.name)).toEqual([`Amy ${tag}`, `Ben ${tag}`]);
    expect(list.json.items[0]).not.toHaveProperty('passwordHash');
    expect(Object.keys(list.json.items[0]).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'mustChangePassword', 'name', 'role']);
    const next = await call(t.app, { url: `/api/users?q=${tag}&limit=2&cursor=${list.json.nextCursor}`, as: admin });
    expect(next.json).toMatchObject({ items: [{ name: `Cal ${tag}` }], nextCursor: null });
    expect((await call(t.app, { url: `/api/users?q=BEN%20${tag.toUpperCase()}`, as: admin })).json.items).toHaveLength(1);
    await patch(made[0].id, { active: false });
    expect((await call(t.app, { url: `/api/users?q=${tag}&active=false`, as: admin })).json.items.map((u: { id: string }) => u.id)).toEqual([made[0].id]);
    const admins = await call(t.app, { url: '/api/users?role=admin', as: admin });
    expect(admins.json.items.every((u: { role: string }) => u.role === 'admin')).toBe(true);
    const doctor = await createDoctor(t);
    const doctors = await call(t.app, { url: `/api/users?role=doctor&q=${encodeURIComponent(doctor.email)}`, as: admin });
    expect(doctors.json.items).toMatchObject([{ id: doctor.userId, doctorId: doctor.doctorId }]);
    expect((await call(t.app, { url: '/api/users?limit=201', as: admin })).status).toBe(400);
    expect((await call(t.app, { url: '/api/users?cursor=nope', as: admin })).status).toBe(400);
  });

  it('renames a user and switches staff roles, auditing before and after', async () => {
    const user = (await create(staff())).json;
    const response = await patch(user.id, { name: 'Tomás R. Rivera', role: 'admin' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ name: 'Tomás R. Rivera', role: 'admin' });
    const [row] = await auditRows(t, 'user.update', user.id);
    expect(JSON.parse(row?.details ?? '{}')).toEqual({ before: { name: 'Tomás Rivera', role: 'receptionist' }, after: { name: 'Tomás R. Rivera', role: 'admin' } });
    expect((await patch(user.id, { role: 'receptionist' })).status).toBe(200);
  });

  it('never switches patients or doctors to another role (409), nor staff to them', async () => {
    const patient = await registerPatient(t.app);
    const doctor = await createDoctor(t);
    const receptionist = (await create(staff())).json;
    for (const [id, role] of [[patient.userId, 'admin'], [doctor.userId, 'receptionist'], [receptionist.id, 'patient'], [receptionist.id, 'doctor']] as const) {
      const response = await patch(id, { role });
      expect(response.status, role).toBe(409);
      expect(response.json.code).toBe('ROLE_CHANGE_NOT_SUPPORTED');
    }
  });

  it('renaming a patient user renames the patient profile too', async () => {
    const patient = await registerPatient(t.app, { name: 'Old Name' });
    await patch(patient.userId, { name: 'Renée Newname' });
    const profile = await call(t.app, { url: `/api/patients/${patient.patientId}`, as: admin });
    expect(profile.json.name).toBe('Renée Newname');
    expect((await call(t.app, { url: '/api/patients?q=renee%20newname', as: admin })).json.items).toHaveLength(1);
  });

  it('deactivating ends the sessions and the sign-in; reactivating restores the sign-in', async () => {
    const patient = await registerPatient(t.app);
    const response = await patch(patient.userId, { active: false });
    expect(response.status).toBe(200);
    expect(response.json.active).toBe(false);
    expect((await call(t.app, { url: '/api/auth/session', as: patient })).status).toBe(401);
    expect((await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } })).status).toBe(401);
    expect((await call(t.app, { url: `/api/patients/${patient.patientId}`, as: admin })).json.active).toBe(false);
    expect((await patch(patient.userId, { active: true })).json.active).toBe(true);
    await login(t.app, patient.email, patient.password);
    expect((await call(t.app, { url: `/api/patients/${patient.patientId}`, as: admin })).json.active).toBe(true);
  });

  it('a doctor’s login is deactivated and reactivated with the doctor: 409 DOCTOR_ACCOUNT naming the doctors endpoint', async () => {
    const doctor = await createDoctor(t);
    const off = await patch(doctor.userId, { active: false });
    expect(off.status).toBe(409);
    expect(off.json).toMatchObject({ code: 'DOCTOR_ACCOUNT', errors: [{ path: '/active' }] });
    expect(off.json.detail).toContain(`DELETE /api/doctors/${doctor.doctorId}`);
    expect((await call(t.app, { url: '/api/auth/session', as: doctor })).status).toBe(200);
    expect((await patch(doctor.userId, { active: true, name: 'Dr Grace Hopper' })).status).toBe(200);

    expect((await call(t.app, { method: 'DELETE', url: `/api/doctors/${doctor.doctorId}`, as: admin })).status).toBe(204);
    const on = await patch(doctor.userId, { active: true });
    expect(on.status).toBe(409);
    expect(on.json.detail).toContain(`POST /api/doctors/${doctor.doctorId}/reactivate`);
    expect((await call(t.app, { url: `/api/users/${doctor.userId}`, as: admin })).json.active).toBe(false);
    expect((await call(t.app, { url: `/api/doctors/${doctor.doctorId}/admin`, as: admin })).json.active).toBe(false);
  });

  it('a temporary password ends the sessions, and must be changed at the next sign-in', async () => {
    const patient = await registerPatient(t.app);
    const weak = await patch(patient.userId, { temporaryPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.json.errors[0].path).toBe('/temporaryPassword');
    const temporaryPassword = 'reset passphrase 4242';
    const response = await patch(patient.userId, { temporaryPassword });
    expect(response.status).toBe(200);
    expect(response.json.mustChangePassword).toBe(true);
    expect((await call(t.app, { url: '/api/auth/session', as: patient })).status).toBe(401);
    const caller = await login(t.app, patient.email, temporaryPassword);
    expect((await call(t.app, { url: `/api/patients/${patient.patientId}`, as: caller })).json.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = JSON.stringify(await auditRows(t, 'user.update', patient.userId));
    expect(audit).not.toContain(temporaryPassword);
    expect(audit).toContain('temporaryPasswordSet');
  });

  it('unlock lifts the sign-in throttling of the account', async () => {
    const patient = await registerPatient(t.app);
    for (let i = 0; i < 5; i += 1) {
      await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: 'wrong password here' } });
    }
    const blocked = await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: patient.email, password: patient.password } });
    expect(blocked.status).toBe(429);
    expect((await patch(patient.userId, { unlock: true })).status).toBe(200);
    await login(t.app, patient.email, patient.password);
    const [row] = await auditRows(t, 'user.update', patient.userId);
    expect(JSON.parse(row?.details ?? '{}')).toMatchObject({ unlocked: true });
  });

  it('the last active admin can be neither demoted nor deactivated, not even by themself (409 LAST_ADMIN)', async () => {
    const active = await t.deps.db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    for (const row of active) if (row.id !== admin.userId) await patch(row.id, { active: false });
    for (const body of [{ role: 'receptionist' }, { active: false }]) {
      const response = await patch(admin.userId, body);
      expect(response.status, JSON.stringify(body)).toBe(409);
      expect(response.json.code).toBe('LAST_ADMIN');
    }
    expect((await auditRows(t, 'user.update', admin.userId)).filter((row) => row.outcome === 'denied')).toHaveLength(2);
    const second = staff({ role: 'admin', password: 'second admin passphrase' });
    const created = (await create(second)).json;
    const other = await signInFirstTime(t, second.email, second.password);
    expect((await patch(created.id, { role: 'receptionist' }, other)).status).toBe(200);
    expect((await patch(admin.userId, { active: false }, admin)).status).toBe(409);
    expect((await patch(created.id, { role: 'admin' })).status).toBe(200);
    expect((await patch(created.id, { active: false })).status).toBe(200);
    expect((await call(t.app, { url: '/api/auth/session', as: admin })).status).toBe(200);
  });

  it('removing two admins at the same moment still keeps one active admin', async () => {
    const active = await t.deps.db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    for (const row of active) if (row.id !== admin.userId) await patch(row.id, { active: false });
    const second = (await create(staff({ role: 'admin' }))).json;
    const caller = { actor: { userId: admin.userId, role: 'admin' as const, email: ADMIN_EMAIL, name: 'Administrator', patientId: null, doctorId: null, sessionId: 's', csrfToken: 'c', mustChangePassword: false }, ip: null };
    // Open a few pooled connections first, so neither transaction waits for a new one (on PostgreSQL they truly overlap).
    await Promise.all([1, 2, 3, 4].map(() => t.deps.db.transaction().execute((trx) => trx.selectFrom('users').select('id').limit(1).execute())));
    const results = await Promise.allSettled([
      updateUserAccount(t.deps, caller, second.id, { active: false }),
      updateUserAccount(t.deps, caller, admin.userId, { role: 'receptionist' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'LAST_ADMIN' });
    const remaining = await t.deps.db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    expect(remaining).toHaveLength(1);
    if (remaining[0]?.id !== admin.userId) await updateUserAccount(t.deps, { ...caller, actor: { ...caller.actor, userId: second.id } }, admin.userId, { role: 'admin' });
  });
});
