import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, registerPatient, type Caller } from '../../test/http.ts';
import { withStaffApp } from '../../test/staff-app.ts';
import { auditRows, createWalkIn, insertAppointment } from './fixtures.ts';

const ids = (response: { json: { items: { id: string }[] } }) => response.json.items.map((item) => item.id);

describe.each(dialectsUnderTest())('patient search on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let receptionist: Caller;
  withStaffApp(dialect, (started) => ({ t, admin, receptionist } = started));

  /** A surname no other test uses, so searches see only this test's patients. */
  const tag = () => `Qx${Math.random().toString(36).slice(2, 8)}`;
  const search = (q: string, as: Caller = receptionist, extra = '') => call(t.app, { url: `/api/patients?q=${encodeURIComponent(q)}${extra}`, as });

  it('is case- and accent-insensitive: "jose" finds "José", "ÁLVAREZ" finds "Alvarez"', async () => {
    const surname = tag();
    const jose = await createWalkIn(t, receptionist, { name: `José ${surname}` });
    const alvarez = await createWalkIn(t, receptionist, { name: `Maria Alvarez ${surname}` });
    expect(ids(await search(`jose ${surname.toLowerCase()}`))).toEqual([jose.id]);
    expect(ids(await search(`JOSÉ ${surname.toUpperCase()}`))).toEqual([jose.id]);
    expect(ids(await search(`ÁLVAREZ ${surname}`))).toEqual([alvarez.id]);
    expect(ids(await search(surname))).toEqual([jose.id, alvarez.id]);
  });

  it('finds by phone, by email and by exact date of birth', async () => {
    const surname = tag();
    const patient = await createWalkIn(t, receptionist, { name: `Ines ${surname}`, phone: '+351 912 345 678', email: `${surname}@clinic.example`, dateOfBirth: '1977-03-14' });
    await createWalkIn(t, receptionist, { name: `Other ${surname}`, dateOfBirth: '1977-03-15' });
    expect(ids(await search(`912 345 ${surname}`))).toEqual([patient.id]);
    expect(ids(await search(`${surname}@clinic.example`))).toEqual([patient.id]);
    expect(ids(await search(`1977-03-14 ${surname}`))).toEqual([patient.id]);
    expect(ids(await search('1977-03-14'))).toContain(patient.id);
    expect((await search('1977-03-14')).json.items.every((item: { dateOfBirth: string }) => item.dateOfBirth === '1977-03-14')).toBe(true);
  });

  it('answers the list fields, with the age', async () => {
    const surname = tag();
    await createWalkIn(t, receptionist, { name: `Li ${surname}`, address: '1 Main St' });
    const [item] = (await search(surname)).json.items;
    expect(Object.keys(item).sort()).toEqual(['active', 'address', 'age', 'dateOfBirth', 'email', 'gender', 'hasAccount', 'id', 'name', 'phone']);
    expect(item).toMatchObject({ address: '1 Main St', email: null, age: expect.any(Number) });
  });

  it('takes wildcard characters literally', async () => {
    const surname = tag();
    await createWalkIn(t, receptionist, { name: `Ana ${surname}` });
    expect((await search(`${surname}%`)).json.items).toEqual([]);
    expect((await search(`${surname.slice(0, 3)}_${surname.slice(4)}`)).json.items).toEqual([]);
  });

  it('pages with a cursor, in name order, without repeats', async () => {
    const surname = tag();
    const created = [];
    for (const first of ['Carla', 'Ada', 'Bea', 'Dina', 'Eva']) created.push(await createWalkIn(t, receptionist, { name: `${first} ${surname}` }));
    const first = await search(surname, receptionist, '&limit=2');
    expect(first.json.items.map((item: { name: string }) => item.name)).toEqual([`Ada ${surname}`, `Bea ${surname}`]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await search(surname, receptionist, `&limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((item: { name: string }) => item.name)).toEqual([`Carla ${surname}`, `Dina ${surname}`]);
    const third = await search(surname, receptionist, `&limit=2&cursor=${second.json.nextCursor}`);
    expect(third.json.items.map((item: { name: string }) => item.name)).toEqual([`Eva ${surname}`]);
    expect(third.json.nextCursor).toBeNull();
  });

  it('is bounded: limit over 200, a query over 100 characters, a foreign cursor or an unknown parameter answer 400', async () => {
    expect((await call(t.app, { url: '/api/patients?limit=201', as: admin })).status).toBe(400);
    expect((await call(t.app, { url: '/api/patients?limit=0', as: admin })).status).toBe(400);
    expect((await call(t.app, { url: '/api/patients?limit=200', as: admin })).status).toBe(200);
    expect((await search('a'.repeat(101), admin)).status).toBe(400);
    expect((await search('a'.repeat(100), admin)).status).toBe(200);
    const bad = await call(t.app, { url: '/api/patients?cursor=not-a-cursor', as: admin });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('/cursor');
    expect((await call(t.app, { url: '/api/patients?role=admin', as: admin })).status).toBe(400);
  });

  it('a doctor searches only their own patients', async () => {
    const surname = tag();
    const doctor = await createDoctor(t);
    const mine = await createWalkIn(t, receptionist, { name: `Mine ${surname}` });
    const rejected = await createWalkIn(t, receptionist, { name: `Rejected ${surname}` });
    await createWalkIn(t, receptionist, { name: `Stranger ${surname}` });
    await insertAppointment(t, doctor.doctorId, mine.id, 'completed');
    await insertAppointment(t, doctor.doctorId, rejected.id, 'rejected');
    expect(ids(await search(surname, doctor))).toEqual([mine.id]);
    expect(ids(await search(surname, admin))).toHaveLength(3);
  });

  it('patients may not search (403); anonymous callers are asked to sign in (401)', async () => {
    expect((await search('a', await registerPatient(t.app))).status).toBe(403);
    expect((await call(t.app, { url: '/api/patients?q=a' })).status).toBe(401);
  });

  it('every search is audited with the patients it showed', async () => {
    const surname = tag();
    const patient = await createWalkIn(t, receptionist, { name: `Audited ${surname}` });
    await search(surname, admin);
    const rows = await auditRows(t, 'patient.search');
    const last = rows[rows.length - 1];
    expect(last).toMatchObject({ actor_id: admin.userId, outcome: 'success' });
    expect(JSON.parse(last?.details ?? '{}')).toEqual({ results: 1, patientIds: [patient.id] });
  });
});
