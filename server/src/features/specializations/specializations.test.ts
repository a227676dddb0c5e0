import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';
import { doctorBody } from '../doctors/doctors.fixtures.ts';

let counter = 0;
const uniqueName = (prefix = 'Sports medicine') => `${prefix} ${Date.now().toString(36)}${counter++}`;

describe.each(dialectsUnderTest())('specializations on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  const add = (body: unknown, as: Caller | null = admin) => call(t.app, { method: 'POST', url: '/api/specializations', as, body });
  const change = (id: string, body: unknown, as: Caller | null = admin) => call(t.app, { method: 'PATCH', url: `/api/specializations/${id}`, as, body });

  it('lists the seeded specializations publicly, by name, without their state', async () => {
    const response = await call(t.app, { url: '/api/specializations' });
    expect(response.status).toBe(200);
    expect(response.json.length).toBeGreaterThanOrEqual(14);
    expect(response.json.map((item: { name: string }) => item.name)).toContain('Cardiology');
    expect(response.json[0]).toEqual({ id: expect.any(String), name: expect.any(String), description: expect.any(String) });
    const names = response.json.map((item: { name: string }) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('an administrator adds one (201), which everyone then sees', async () => {
    const name = uniqueName();
    const response = await add({ name: `  ${name} `, description: 'Injuries from sport and exercise.' });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({ id: expect.any(String), name, description: 'Injuries from sport and exercise.', active: true });
    const list = await call(t.app, { url: '/api/specializations' });
    expect(list.json).toContainEqual({ id: response.json.id, name, description: 'Injuries from sport and exercise.' });
  });

  it('refuses a duplicate name, whatever its case (409)', async () => {
    const name = uniqueName();
    expect((await add({ name })).status).toBe(201);
    const duplicate = await add({ name: name.toUpperCase() });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.code).toBe('SPECIALIZATION_EXISTS');
    expect((await add({ name: 'cardiology' })).status).toBe(409);
  });

  it('refuses bad input and unknown fields (400)', async () => {
    expect((await add({ name: '   ' })).status).toBe(400);
    expect((await add({})).status).toBe(400);
    expect((await add({ name: 'x'.repeat(81) })).status).toBe(400);
    const unknown = await add({ name: uniqueName(), id: 'chosen-id' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toContainEqual({ path: '/id', message: '"id" is not a field that can be sent here' });
    expect((await add({ name: uniqueName(), active: false })).status).toBe(400);
  });

  it('only administrators add or change them (401 anonymous, 403 other roles)', async () => {
    const patient = await registerPatient(t.app);
    const doctor = await createDoctor(t);
    expect((await add({ name: uniqueName() }, null)).status).toBe(401);
    expect((await add({ name: uniqueName() }, patient)).status).toBe(403);
    expect((await add({ name: uniqueName() }, doctor)).status).toBe(403);
    const created = await add({ name: uniqueName() });
    expect((await change(created.json.id, { description: 'x' }, null)).status).toBe(401);
    expect((await change(created.json.id, { description: 'x' }, patient)).status).toBe(403);
  });

  it('renames and describes one; clears the description with null; refuses a rename onto another name (409)', async () => {
    const created = await add({ name: uniqueName(), description: 'first' });
    const renamed = uniqueName('Sports and exercise medicine');
    const response = await change(created.json.id, { name: renamed, description: null });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ id: created.json.id, name: renamed, active: true });
    expect((await change(created.json.id, { name: renamed.toLowerCase() })).status).toBe(200);
    const clash = await change(created.json.id, { name: 'Dermatology' });
    expect(clash.status).toBe(409);
    expect(clash.json.code).toBe('SPECIALIZATION_EXISTS');
  });

  it('answers 404 for an unknown one and 400 for an empty or unknown change', async () => {
    expect((await change('0190aaaa-0000-7000-8000-000000000000', { description: 'x' })).status).toBe(404);
    const created = await add({ name: uniqueName() });
    expect((await change(created.json.id, {})).status).toBe(400);
    expect((await change(created.json.id, { name_key: 'x' })).status).toBe(400);
  });

  it('a retired one is hidden from the public list and from new doctors, but its doctors keep it; it can be restored', async () => {
    const created = await add({ name: uniqueName() });
    const id = created.json.id as string;
    const doctor = await createDoctor(t, { specializationId: id });
    const retired = await change(id, { active: false });
    expect(retired.status).toBe(200);
    expect(retired.json.active).toBe(false);
    expect((await call(t.app, { url: '/api/specializations' })).json.map((item: { id: string }) => item.id)).not.toContain(id);
    const all = await call(t.app, { url: '/api/specializations?all=true', as: admin });
    expect(all.status).toBe(200);
    expect(all.json).toContainEqual({ id, name: created.json.name, active: false });
    expect(all.json.every((item: { active?: boolean }) => typeof item.active === 'boolean')).toBe(true);

    const refused = await call(t.app, { method: 'POST', url: '/api/doctors', as: admin, body: await doctorBody(t, { specializationId: id }) });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].path).toBe('/specializationId');
    const kept = await call(t.app, { url: `/api/doctors/${doctor.doctorId}` });
    expect(kept.json.specialization).toEqual({ id, name: created.json.name });

    expect((await change(id, { active: true })).json.active).toBe(true);
    expect((await call(t.app, { url: '/api/specializations' })).json.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('only an administrator may ask for retired ones (401, 403)', async () => {
    expect((await call(t.app, { url: '/api/specializations?all=true' })).status).toBe(401);
    const patient = await registerPatient(t.app);
    expect((await call(t.app, { url: '/api/specializations?all=true', as: patient })).status).toBe(403);
    expect((await call(t.app, { url: '/api/specializations?all=false', as: patient })).status).toBe(200);
    expect((await call(t.app, { url: '/api/specializations?other=1' })).status).toBe(400);
  });

  it('audits every change with the fields before and after', async () => {
    const created = await add({ name: uniqueName(), description: 'before' });
    await change(created.json.id, { description: 'after', active: false });
    const audit = await call(t.app, { url: `/api/audit?entityType=specialization&entityId=${created.json.id}`, as: admin });
    const [update, create] = audit.json.items;
    expect(create).toMatchObject({ action: 'specialization.create', actorId: admin.userId, outcome: 'success' });
    expect(update).toMatchObject({
      action: 'specialization.update',
      details: { before: { description: 'before', active: true }, after: { description: 'after', active: false } },
    });
    expect(Object.keys(update.details.after)).toEqual(['description', 'active']);
  });
});
