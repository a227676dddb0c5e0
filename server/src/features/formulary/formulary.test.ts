import { describe, expect, it } from 'vitest';
import { createDoctor } from '../../test/factories.ts';
import { dialectsUnderTest, type TestApp } from '../../test/harness.ts';
import { call, registerPatient, type Caller } from '../../test/http.ts';
import { withStaffApp } from '../../test/staff-app.ts';

describe.each(dialectsUnderTest())('the formulary on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let receptionist: Caller;
  withStaffApp(dialect, (started) => ({ t, admin, receptionist } = started));

  const search = (as: Caller | null, query = '') => call(t.app, { url: `/api/formulary${query}`, as });
  const medicine = { name: 'Zafirlukast', strength: '20 mg', form: 'tablet', route: 'oral', ingredients: ['Zafirlukast'], classes: ['Leukotriene receptor antagonists'] };

  it('signed-in staff search the seeded list by name or ingredient, in name order, paged', async () => {
    const doctor = await createDoctor(t);
    const found = await search(doctor, '?q=amoxi');
    expect(found.status).toBe(200);
    expect(found.json.items.map((m: { name: string }) => m.name)).toEqual(['Amoxicillin', 'Amoxicillin', 'Amoxicillin', 'Co-amoxiclav', 'Co-amoxiclav']);
    expect(found.json.items[0]).toEqual({
      id: expect.any(String), name: 'Amoxicillin', strength: expect.any(String), form: expect.any(String), route: 'oral',
      ingredients: ['amoxicillin'], classes: ['penicillins', 'beta-lactam antibacterials'], active: true,
    });
    expect((await search(receptionist, '?q=PARACETAMOL codeine')).json.items.map((m: { name: string }) => m.name)).toEqual(['Co-codamol', 'Co-codamol']);
    const first = await search(admin, '?limit=100');
    const second = await search(admin, `?limit=100&cursor=${first.json.nextCursor}`);
    const third = await search(admin, `?limit=100&cursor=${second.json.nextCursor}`);
    const all = [...first.json.items, ...second.json.items, ...third.json.items];
    expect(all.length).toBeGreaterThanOrEqual(240);
    expect(third.json.nextCursor).toBeNull();
    expect(new Set(all.map((m: { id: string }) => m.id)).size).toBe(all.length);
    expect((await search(admin, '?q=zzzz')).json).toEqual({ items: [], nextCursor: null });
  });

  it('patients and signed-out visitors may not search (403 / 401)', async () => {
    expect((await search(await registerPatient(t.app))).status).toBe(403);
    expect((await search(null)).status).toBe(401);
  });

  it('admins add a medicine (terms cleaned to lower case), change it, and deactivate it rather than delete it', async () => {
    const created = await call(t.app, { method: 'POST', url: '/api/formulary', as: admin, body: medicine });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ name: 'Zafirlukast', ingredients: ['zafirlukast'], classes: ['leukotriene receptor antagonists'], active: true });
    expect((await call(t.app, { method: 'POST', url: '/api/formulary', as: admin, body: medicine })).json.code).toBe('FORMULARY_DUPLICATE');
    const id = created.json.id;
    const changed = await call(t.app, { method: 'PATCH', url: `/api/formulary/${id}`, as: admin, body: { strength: '40 mg', classes: ['Leukotriene receptor antagonists', 'Antiasthmatics'] } });
    expect(changed.json).toMatchObject({ strength: '40 mg', classes: ['leukotriene receptor antagonists', 'antiasthmatics'] });
    const off = await call(t.app, { method: 'PATCH', url: `/api/formulary/${id}`, as: admin, body: { active: false } });
    expect(off.json.active).toBe(false);
    expect((await search(admin, '?q=zafirlukast')).json.items).toEqual([]);
    expect((await search(admin, '?q=zafirlukast&includeInactive=true')).json.items.map((m: { id: string }) => m.id)).toEqual([id]);
    expect((await search(receptionist, '?q=zafirlukast&includeInactive=true')).json.items).toEqual([]);
    const rows = await t.deps.db.selectFrom('audit_log').select(['action', 'outcome']).where('entity_id', '=', id).orderBy('seq').execute();
    expect(rows.map((row) => row.action)).toEqual(['formulary.create', 'formulary.update', 'formulary.update']);
  });

  it('only admins write; bad bodies are 400 and unknown ids 404', async () => {
    const doctor = await createDoctor(t);
    for (const who of [doctor, receptionist]) expect((await call(t.app, { method: 'POST', url: '/api/formulary', as: who, body: medicine })).status).toBe(403);
    for (const bad of [{ ...medicine, form: 'potion' }, { ...medicine, ingredients: [] }, { ...medicine, extra: 1 }, { ...medicine, name: '  ' }]) {
      expect((await call(t.app, { method: 'POST', url: '/api/formulary', as: admin, body: bad })).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await call(t.app, { method: 'PATCH', url: '/api/formulary/01890000-0000-7000-8000-000000000000', as: admin, body: { active: false } })).status).toBe(404);
    expect((await call(t.app, { method: 'PATCH', url: '/api/formulary/01890000-0000-7000-8000-000000000000', as: admin, body: {} })).status).toBe(400);
  });

  it('the term vocabulary codes allergy entries; an unknown allergen is refused with 400 naming the field', async () => {
    const terms = await call(t.app, { url: '/api/formulary/terms?kind=class&q=penicillin', as: admin });
    expect(terms.json.items).toEqual([{ kind: 'class', term: 'penicillins' }]);
    const doctor = await createDoctor(t);
    const patient = await registerPatient(t.app);
    const url = `/api/patients/${patient.patientId}/history`;
    const coded = await call(t.app, { method: 'POST', url, as: patient, body: { kind: 'allergy', title: 'Penicillin', allergen: { class: 'Penicillin' } } });
    expect(coded.status, coded.text).toBe(201);
    expect(coded.json.allergen).toEqual({ class: 'penicillins' });
    const unknown = await call(t.app, { method: 'POST', url, as: patient, body: { kind: 'allergy', title: 'Cats', allergen: { ingredient: 'cat dander' } } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].path).toBe('/allergen/ingredient');
    const onCondition = await call(t.app, { method: 'POST', url, as: patient, body: { kind: 'condition', title: 'Asthma', allergen: { class: 'nsaids' } } });
    expect(onCondition.json.errors[0].path).toBe('/allergen');
    expect(doctor.doctorId).toBeTruthy();
  });
});
