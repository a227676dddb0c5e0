import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test/harness.ts';
import { call } from '../../test/http.ts';
import { confirmedVisit, putDraft, startConsultationsWorld, type World } from './test-support.ts';

describe.each(dialectsUnderTest())('vitals, diagnoses and codes of a consultation on %s', (dialect) => {
  let w: World;
  let visit: Awaited<ReturnType<typeof confirmedVisit>>;
  beforeAll(async () => {
    w = await startConsultationsWorld(dialect);
    visit = await confirmedVisit(w);
  });
  afterAll(async () => {
    await w.t.close();
  });

  const write = (body: unknown) => putDraft(w, visit.doctor, visit.id, body);
  const stored = () => w.t.deps.db.selectFrom('consultations').selectAll().where('appointment_id', '=', visit.id).execute();

  it('a vital outside its physiological bounds answers 400 with the field\'s path and a message naming the field and its bounds; nothing is written', async () => {
    const response = await write({ vitals: { pulse: 400, spo2: 101, temperatureC: 36.6 } });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('VALIDATION_FAILED');
    expect(response.json.errors).toEqual([
      { path: '/vitals/pulse', message: expect.stringMatching(/^Pulse must be between 20–300 \/min/) },
      { path: '/vitals/spo2', message: expect.stringMatching(/Oxygen saturation.*50–100 %/) },
    ]);
    expect(await stored()).toHaveLength(0);
  });

  it('each bound is inclusive and every vital is checked', async () => {
    const edges = { systolic: 300, diastolic: 20, pulse: 20, temperatureC: 45, respiratoryRate: 4, spo2: 100, weightKg: 0.3, heightCm: 272 };
    expect((await write({ vitals: edges })).json.vitals).toMatchObject(edges);
    const beyond = { systolic: 301, diastolic: 19, pulse: 19, temperatureC: 45.1, respiratoryRate: 81, spo2: 49, weightKg: 0.29, heightCm: 272.1 };
    const refused = await write({ vitals: beyond });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((e: { path: string }) => e.path)).toEqual(Object.keys(beyond).map((name) => `/vitals/${name}`));
  });

  it('diastolic must be lower than systolic; more decimals than recorded answers 400', async () => {
    const pressure = await write({ vitals: { systolic: 90, diastolic: 95 } });
    expect(pressure.status).toBe(400);
    expect(pressure.json.errors).toEqual([{ path: '/vitals/diastolic', message: expect.stringMatching(/lower than the systolic/) }]);
    const precise = await write({ vitals: { temperatureC: 36.65, pulse: 72.5 } });
    expect(precise.json.errors.map((e: { path: string }) => e.path)).toEqual(['/vitals/pulse', '/vitals/temperatureC']);
    expect((await write({ vitals: { pulse: '72' } })).status).toBe(400);
    expect((await write({ vitals: { heartRate: 72 } })).status).toBe(400);
  });

  it('decimals come back exactly, BMI is derived, and the database refuses an out-of-range value written around the API', async () => {
    const response = await write({ vitals: { temperatureC: 37.1, weightKg: 3.45, heightCm: 50.3 } });
    expect(response.json.vitals).toMatchObject({ temperatureC: 37.1, weightKg: 3.45, heightCm: 50.3, bmi: 13.6 });
    await expect(w.t.deps.db.updateTable('consultations').set({ pulse: 500 }).where('appointment_id', '=', visit.id).execute()).rejects.toThrow();
    await expect(w.t.deps.db.updateTable('consultations').set({ systolic: 100, diastolic: 120 }).where('appointment_id', '=', visit.id).execute()).rejects.toThrow();
  });

  it('an unknown diagnosis code and a second primary diagnosis answer 400 with their paths', async () => {
    const response = await write({
      diagnoses: [{ text: 'Hypertension', code: 'I10', primary: true }, { text: 'Made up', code: 'Q99.99' }, { text: 'Asthma', code: 'J45.9', primary: true }],
    });
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([
      { path: '/diagnoses/1/code', message: expect.stringMatching(/"Q99.99" is not a code/) },
      { path: '/diagnoses/2/primary', message: expect.stringMatching(/Only one diagnosis can be primary/) },
    ]);
    expect((await write({ diagnoses: [{ text: 'x', status: 'possible' }] })).status).toBe(400);
    expect((await write({ diagnoses: [{ text: '   ' }] })).status).toBe(400);
    const free = await write({ diagnoses: [{ text: 'Tired all the time', status: 'ruled-out' }, { text: 'Essential hypertension', code: 'i10' }] });
    expect(free.json.diagnoses).toEqual([
      { text: 'Tired all the time', code: null, codeTitle: null, primary: false, status: 'ruled-out' },
      { text: 'Essential hypertension', code: 'I10', codeTitle: 'Essential (primary) hypertension', primary: false, status: null },
    ]);
  });

  it('GET /api/diagnosis-codes searches the shipped ICD-10 list by code or title words, pages with a cursor, for signed-in staff only', async () => {
    const byCode = await call(w.t.app, { url: '/api/diagnosis-codes?q=J45', as: visit.doctor });
    expect(byCode.status).toBe(200);
    expect(byCode.json.items.map((c: { code: string }) => c.code)).toEqual(['J45.0', 'J45.9']);
    const byTitle = await call(w.t.app, { url: '/api/diagnosis-codes?q=type%202%20diabetes', as: w.desk });
    expect(byTitle.json.items[0]).toEqual({ code: 'E11.2', title: 'Type 2 diabetes mellitus with renal complications' });
    const all = await call(w.t.app, { url: '/api/diagnosis-codes?limit=200', as: w.admin });
    expect(all.json.items).toHaveLength(200);
    const rest = await call(w.t.app, { url: `/api/diagnosis-codes?limit=200&cursor=${all.json.nextCursor}`, as: w.admin });
    expect(all.json.items.length + rest.json.items.length).toBeGreaterThanOrEqual(300);
    expect(rest.json.nextCursor).toBeNull();
    expect((await call(w.t.app, { url: '/api/diagnosis-codes?q=cough', as: visit.patient })).status).toBe(403);
    expect((await call(w.t.app, { url: '/api/diagnosis-codes?q=cough' })).status).toBe(401);
    expect((await call(w.t.app, { url: '/api/diagnosis-codes?cursor=bad', as: visit.doctor })).status).toBe(400);
  });

  it('settings carry temperatureUnit (default C) and requireSignedConsultation (default true); an unknown unit answers 400', async () => {
    const settings = await call(w.t.app, { url: '/api/settings', as: w.admin });
    expect(settings.json).toMatchObject({ temperatureUnit: 'C', requireSignedConsultation: true });
    const { updatedAt: _updatedAt, ...body } = settings.json;
    const saved = await call(w.t.app, { method: 'PUT', url: '/api/settings', as: w.admin, body: { ...body, temperatureUnit: 'F', requireSignedConsultation: false } });
    expect(saved.json).toMatchObject({ temperatureUnit: 'F', requireSignedConsultation: false });
    const { temperatureUnit: _unit, requireSignedConsultation: _required, ...withoutThem } = body;
    expect((await call(w.t.app, { method: 'PUT', url: '/api/settings', as: w.admin, body: withoutThem })).json).toMatchObject({ temperatureUnit: 'F' });
    expect((await call(w.t.app, { method: 'PUT', url: '/api/settings', as: w.admin, body: { ...body, temperatureUnit: 'K' } })).status).toBe(400);
    await call(w.t.app, { method: 'PUT', url: '/api/settings', as: w.admin, body });
  });
});
