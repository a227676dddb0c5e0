import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, login, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { addDoctor, addReceptionist, doctorBody, DOCTOR_OWN_PASSWORD, specializationIds, TEMPORARY_PASSWORD } from './doctors.fixtures.ts';

describe.each(dialectsUnderTest())('doctors on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let patient: Caller;
  let receptionist: Caller;
  let specializations: string[];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
    patient = await registerPatient(t.app);
    receptionist = await addReceptionist(t);
    specializations = await specializationIds(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const create = (body: unknown, as: Caller | null = admin) => call(t.app, { method: 'POST', url: '/api/doctors', as, body });
  const patch = (id: string, body: unknown, as: Caller | null = admin) => call(t.app, { method: 'PATCH', url: `/api/doctors/${id}`, as, body });
  const specialization = (index: number): string => specializations[index] ?? '';

  describe('creating', () => {
    it('an administrator adds a doctor with a login of role doctor (201)', async () => {
      const body = await doctorBody(t, {
        name: ' Dr Amara Okafor ', department: 'Cardiac unit', bio: 'Interventional cardiologist.', yearsOfExperience: 12,
        consultationFee: { amountMinor: 7500, currency: 'GBP' }, languages: ['English', ' Yoruba ', 'english'], specializationId: specialization(1),
      });
      const response = await create(body);
      expect(response.status).toBe(201);
      expect(response.json).toEqual({
        id: expect.any(String), userId: expect.any(String), name: 'Dr Amara Okafor', email: body.email, phone: body.phone,
        specialization: { id: specialization(1), name: expect.any(String) }, department: 'Cardiac unit', bio: 'Interventional cardiologist.',
        consultationFee: { amountMinor: 7500, currency: 'GBP' }, yearsOfExperience: 12, languages: ['English', 'Yoruba'], hasPhoto: false,
        publicEmail: false, publicPhone: false, active: true, createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      const signedIn = await login(t.app, body.email.toUpperCase(), TEMPORARY_PASSWORD);
      const session = await call(t.app, { url: '/api/auth/session', as: signedIn });
      expect(session.json.user).toMatchObject({ role: 'doctor', doctorId: response.json.id, name: 'Dr Amara Okafor', mustChangePassword: true });
    });

    it('the admin-chosen password is temporary: the doctor replaces it before anything else', async () => {
      const body = await doctorBody(t);
      const created = await create(body);
      const signedIn = await login(t.app, body.email, TEMPORARY_PASSWORD);
      const blocked = await patch(created.json.id, { bio: 'Hello' }, signedIn);
      expect(blocked.status).toBe(403);
      expect(blocked.json.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await call(t.app, { method: 'POST', url: '/api/auth/password', as: signedIn, body: { currentPassword: TEMPORARY_PASSWORD, newPassword: DOCTOR_OWN_PASSWORD } });
      expect((await patch(created.json.id, { bio: 'Hello' }, signedIn)).status).toBe(200);
    });

    it('refuses missing, malformed and unknown fields, including role, id, userId and active (400)', async () => {
      const { name: _name, ...noName } = await doctorBody(t);
      expect((await create(noName)).json.errors).toContainEqual({ path: '/name', message: 'Enter the name; it is required' });
      for (const [field, value] of [
        ['email', 'not-an-email'], ['phone', 'call me'], ['consultationFee', { amountMinor: 10, currency: 'gbp' }],
        ['consultationFee', { amountMinor: 1.5, currency: 'GBP' }], ['consultationFee', { amountMinor: -1, currency: 'GBP' }],
        ['yearsOfExperience', 81], ['yearsOfExperience', '12'], ['languages', 'English'], ['role', 'admin'], ['id', 'my-own-id'],
        ['userId', 'someone'], ['active', false], ['slotMinutes', 15],
      ] as const) {
        const response = await create(await doctorBody(t, { [field]: value }));
        expect(response.status, `${field}=${JSON.stringify(value)}`).toBe(400);
        expect(response.json.code).toBe('VALIDATION_FAILED');
      }
    });

    it('applies the password policy to the doctor\'s password (400 on /password)', async () => {
      for (const password of ['short', 'qwerty123456']) {
        const response = await create(await doctorBody(t, { password }));
        expect(response.status).toBe(400);
        expect(response.json.errors[0].path).toBe('/password');
      }
    });

    it('refuses an unknown specialization (400 on /specializationId)', async () => {
      const response = await create(await doctorBody(t, { specializationId: '0190aaaa-0000-7000-8000-000000000000' }));
      expect(response.status).toBe(400);
      expect(response.json.errors).toEqual([{ path: '/specializationId', message: expect.any(String) }]);
    });

    it('refuses an email any account already has, whatever its case (409 EMAIL_TAKEN)', async () => {
      const existing = await registerPatient(t.app);
      const response = await create(await doctorBody(t, { email: existing.email.toUpperCase() }));
      expect(response.status).toBe(409);
      expect(response.json.code).toBe('EMAIL_TAKEN');
    });

    it('only administrators add doctors (401 anonymous; 403 patient, receptionist, doctor)', async () => {
      const doctor = await addDoctor(t, admin);
      expect((await create(await doctorBody(t), null)).status).toBe(401);
      for (const caller of [patient, receptionist, doctor.caller]) {
        const response = await create(await doctorBody(t), caller);
        expect(response.status).toBe(403);
        expect(response.json.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('reading', () => {
    it('the public profile leaves out private contact details until the administrator makes them public', async () => {
      const doctor = await addDoctor(t, admin, { bio: 'Paediatrician.', languages: ['English', 'Welsh'] });
      const hidden = await call(t.app, { url: `/api/doctors/${doctor.id}` });
      expect(hidden.status).toBe(200);
      expect(hidden.json).toEqual({
        id: doctor.id, name: 'Dr Lena Fischer', specialization: { id: expect.any(String), name: expect.any(String) },
        bio: 'Paediatrician.', languages: ['English', 'Welsh'], hasPhoto: false,
      });
      await patch(doctor.id, { publicEmail: true });
      const withEmail = await call(t.app, { url: `/api/doctors/${doctor.id}` });
      expect(withEmail.json.email).toBe(doctor.email);
      expect(withEmail.json.phone).toBeUndefined();
      await patch(doctor.id, { publicEmail: false, publicPhone: true });
      const withPhone = await call(t.app, { url: `/api/doctors/${doctor.id}`, as: patient });
      expect(withPhone.json).toMatchObject({ phone: '+44 20 7946 0101' });
      expect(withPhone.json.email).toBeUndefined();
      expect(withPhone.json.userId).toBeUndefined();
      expect(withPhone.json.active).toBeUndefined();
    });

    it('answers 404 for an unknown doctor', async () => {
      expect((await call(t.app, { url: '/api/doctors/0190aaaa-0000-7000-8000-000000000000' })).status).toBe(404);
    });

    it('the full profile is for administrators and the doctor themself; another doctor is told it does not exist', async () => {
      const doctor = await addDoctor(t, admin);
      const other = await addDoctor(t, admin);
      const url = `/api/doctors/${doctor.id}/admin`;
      const asAdmin = await call(t.app, { url, as: admin });
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.json).toMatchObject({ id: doctor.id, email: doctor.email, phone: expect.any(String), publicEmail: false, publicPhone: false, active: true });
      expect((await call(t.app, { url, as: doctor.caller })).json.email).toBe(doctor.email);
      expect((await call(t.app, { url, as: other.caller })).status).toBe(404);
      expect((await call(t.app, { url, as: patient })).status).toBe(403);
      expect((await call(t.app, { url, as: receptionist })).status).toBe(403);
      expect((await call(t.app, { url })).status).toBe(401);
    });
  });

  describe('the directory', () => {
    it('filters by specialization and by part of the name, case-insensitively, with active doctors only', async () => {
      const created = await call(t.app, { method: 'POST', url: '/api/specializations', as: admin, body: { name: `Directory test ${Date.now()}` } });
      const own = created.json.id as string;
      const tag = `Quill${Date.now().toString(36)}`;
      const first = await addDoctor(t, admin, { name: `Dr Ana ${tag}`, specializationId: own, publicPhone: true });
      const second = await addDoctor(t, admin, { name: `Dr Bea ${tag}`, specializationId: own });
      const elsewhere = await addDoctor(t, admin, { name: `Dr Cy ${tag}`, specializationId: specialization(2) });
      const gone = await addDoctor(t, admin, { name: `Dr Dee ${tag}`, specializationId: own });
      expect((await call(t.app, { method: 'DELETE', url: `/api/doctors/${gone.id}`, as: admin })).status).toBe(204);

      const bySpecialization = await call(t.app, { url: `/api/doctors?specialization=${own}` });
      expect(bySpecialization.status).toBe(200);
      expect(bySpecialization.json.items.map((item: { id: string }) => item.id)).toEqual([first.id, second.id]);
      expect(bySpecialization.json.nextCursor).toBeNull();
      expect(bySpecialization.json.items[0]).toMatchObject({ phone: '+44 20 7946 0101' });
      expect(bySpecialization.json.items[0].email).toBeUndefined();
      expect(bySpecialization.json.items[1].phone).toBeUndefined();

      const byName = await call(t.app, { url: `/api/doctors?q=${tag.toUpperCase()}` });
      expect(byName.json.items.map((item: { id: string }) => item.id)).toEqual([first.id, second.id, elsewhere.id]);
      const both = await call(t.app, { url: `/api/doctors?q=bea%20${tag.toLowerCase()}&specialization=${own}` });
      expect(both.json.items.map((item: { id: string }) => item.id)).toEqual([second.id]);
      expect((await call(t.app, { url: `/api/doctors?q=%25${tag}` })).json.items).toEqual([]);
    });

    it('pages with a limit and a cursor, and refuses a bad limit or cursor (400)', async () => {
      const tag = `Page${Date.now().toString(36)}`;
      const ids: string[] = [];
      for (const letter of ['A', 'B', 'C']) ids.push((await addDoctor(t, admin, { name: `Dr ${letter} ${tag}` })).id);
      const first = await call(t.app, { url: `/api/doctors?q=${tag}&limit=2` });
      expect(first.json.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 2));
      expect(first.json.nextCursor).toEqual(expect.any(String));
      const second = await call(t.app, { url: `/api/doctors?q=${tag}&limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}` });
      expect(second.json.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(2));
      expect(second.json.nextCursor).toBeNull();
      expect((await call(t.app, { url: '/api/doctors?limit=201' })).status).toBe(400);
      expect((await call(t.app, { url: '/api/doctors?limit=0' })).status).toBe(400);
      expect((await call(t.app, { url: '/api/doctors?cursor=not-a-cursor' })).status).toBe(400);
      expect((await call(t.app, { url: '/api/doctors?unknown=1' })).status).toBe(400);
    });
  });

  describe('changing a profile', () => {
    it('an administrator changes any field (200), and the login follows name and email', async () => {
      const doctor = await addDoctor(t, admin);
      const email = `renamed.${Date.now()}@example.test`;
      const response = await patch(doctor.id, {
        name: 'Dr Lena Fischer-Braun', email, phone: '+44 20 7946 0199', specializationId: specialization(3), department: 'Outpatients',
        consultationFee: { amountMinor: 9000, currency: 'EUR' }, publicEmail: true, publicPhone: true, yearsOfExperience: 8,
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({
        name: 'Dr Lena Fischer-Braun', email, phone: '+44 20 7946 0199', specialization: { id: specialization(3) }, department: 'Outpatients',
        consultationFee: { amountMinor: 9000, currency: 'EUR' }, publicEmail: true, publicPhone: true, yearsOfExperience: 8,
      });
      const signedIn = await login(t.app, email, DOCTOR_OWN_PASSWORD);
      expect((await call(t.app, { url: '/api/auth/session', as: signedIn })).json.user).toMatchObject({ name: 'Dr Lena Fischer-Braun', email });
      const cleared = await patch(doctor.id, { consultationFee: null, department: null, yearsOfExperience: null });
      expect(cleared.status).toBe(200);
      expect(cleared.json.consultationFee).toBeUndefined();
      expect(cleared.json.department).toBeUndefined();
      expect(cleared.json.yearsOfExperience).toBeUndefined();
    });

    it('a doctor changes their own profile fields (200)', async () => {
      const doctor = await addDoctor(t, admin);
      const response = await patch(doctor.id, { bio: 'Twenty years in family medicine.', languages: ['English', 'Polish'], yearsOfExperience: 20, phone: '+44 20 7946 0555', name: 'Dr Lena F.' }, doctor.caller);
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ bio: 'Twenty years in family medicine.', languages: ['English', 'Polish'], yearsOfExperience: 20, phone: '+44 20 7946 0555', name: 'Dr Lena F.' });
      expect((await patch(doctor.id, { bio: null }, doctor.caller)).json.bio).toBeUndefined();
    });

    it('a doctor may not change their fee, specialization or other administrative fields (403 naming the field)', async () => {
      const doctor = await addDoctor(t, admin);
      const fee = await patch(doctor.id, { consultationFee: { amountMinor: 1, currency: 'GBP' } }, doctor.caller);
      expect(fee.status).toBe(403);
      expect(fee.json.detail).toContain('consultationFee');
      expect(fee.json.errors).toEqual([{ path: '/consultationFee', message: expect.any(String) }]);
      const specializationChange = await patch(doctor.id, { bio: 'ok', specializationId: specialization(4) }, doctor.caller);
      expect(specializationChange.status).toBe(403);
      expect(specializationChange.json.detail).toContain('specializationId');
      for (const field of ['department', 'publicEmail', 'publicPhone', 'email']) {
        const value = field === 'email' ? 'me@example.test' : field === 'department' ? 'Surgery' : true;
        const response = await patch(doctor.id, { [field]: value }, doctor.caller);
        expect(response.status, field).toBe(403);
        expect(response.json.detail).toContain(field);
      }
      const unchanged = await call(t.app, { url: `/api/doctors/${doctor.id}/admin`, as: admin });
      expect(unchanged.json.bio).toBeUndefined();
    });

    it('a doctor changing another doctor\'s profile is told it does not exist (404)', async () => {
      const doctor = await addDoctor(t, admin);
      const other = await addDoctor(t, admin);
      expect((await patch(other.id, { bio: 'Not mine' }, doctor.caller)).status).toBe(404);
      expect((await patch(other.id, { consultationFee: null }, doctor.caller)).status).toBe(404);
    });

    it('refuses other roles (401, 403), unknown doctors (404) and mass assignment (400)', async () => {
      const doctor = await addDoctor(t, admin);
      expect((await patch(doctor.id, { bio: 'x' }, null)).status).toBe(401);
      expect((await patch(doctor.id, { bio: 'x' }, patient)).status).toBe(403);
      expect((await patch(doctor.id, { bio: 'x' }, receptionist)).status).toBe(403);
      expect((await patch('0190aaaa-0000-7000-8000-000000000000', { bio: 'x' })).status).toBe(404);
      for (const field of ['role', 'id', 'userId', 'active', 'password', 'hasPhoto']) {
        const response = await patch(doctor.id, { [field]: field === 'active' || field === 'hasPhoto' ? true : 'x' }, doctor.caller);
        expect(response.status, field).toBe(400);
        expect(response.json.errors).toContainEqual({ path: `/${field}`, message: `"${field}" is not a field that can be sent here` });
      }
      expect((await patch(doctor.id, {})).status).toBe(400);
      expect((await patch(doctor.id, { languages: ['x'.repeat(61)] })).status).toBe(400);
    });

    it('refuses a retired specialization (400) and an email another account has (409)', async () => {
      const doctor = await addDoctor(t, admin);
      const retired = await call(t.app, { method: 'POST', url: '/api/specializations', as: admin, body: { name: `Retired ${Date.now()}` } });
      await call(t.app, { method: 'PATCH', url: `/api/specializations/${retired.json.id}`, as: admin, body: { active: false } });
      const refused = await patch(doctor.id, { specializationId: retired.json.id });
      expect(refused.status).toBe(400);
      expect(refused.json.errors[0].path).toBe('/specializationId');
      const other = await registerPatient(t.app);
      const taken = await patch(doctor.id, { email: other.email });
      expect(taken.status).toBe(409);
      expect(taken.json.code).toBe('EMAIL_TAKEN');
    });

    it('audits creation and every change with the changed fields before and after', async () => {
      const doctor = await addDoctor(t, admin, { bio: 'Old bio' });
      await patch(doctor.id, { bio: 'New bio', languages: ['English'] }, doctor.caller);
      await patch(doctor.id, { consultationFee: { amountMinor: 5000, currency: 'GBP' } });
      const audit = await call(t.app, { url: `/api/audit?entityType=doctor&entityId=${doctor.id}`, as: admin });
      const [fee, own, created] = audit.json.items;
      expect(created).toMatchObject({ action: 'doctor.create', actorId: admin.userId, details: { after: { bio: 'Old bio', email: doctor.email } } });
      expect(JSON.stringify(created.details)).not.toContain(TEMPORARY_PASSWORD);
      expect(own).toMatchObject({ action: 'doctor.update', actorId: doctor.userId, actorRole: 'doctor', details: { before: { bio: 'Old bio', languages: [] }, after: { bio: 'New bio', languages: ['English'] } } });
      expect(fee).toMatchObject({ action: 'doctor.update', actorRole: 'admin', details: { before: { consultationFee: null }, after: { consultationFee: { amountMinor: 5000, currency: 'GBP' } } } });
      expect(Object.keys(fee.details.after)).toEqual(['consultationFee']);
    });
  });
});
