import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '#shared/audit';
import { ERROR_CODES } from '#shared/errors';
import { createWalkIn } from '../features/patients/fixtures.ts';
import { dialectsUnderTest, startTestApp, type TestApp } from '../test/harness.ts';
import { call, loginAdmin, type Caller } from '../test/http.ts';

describe.each(dialectsUnderTest())('one vocabulary on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the OpenAPI document publishes the error codes as a closed list, the one in shared/errors.ts', async () => {
    const document = (await call(t.app, { url: '/api/openapi.json' })).json;
    const problem = document.paths['/api/setup/admin'].post.responses['403'].content;
    const schema = Object.values(problem as Record<string, { schema: { properties: { code: { enum: string[] } } } }>)[0]?.schema;
    expect(schema?.properties.code.enum).toEqual([...ERROR_CODES]);
  });

  it('every action written while a patient is deactivated, reactivated and read is one of the shared audit actions', async () => {
    const patient = await createWalkIn(t, admin);
    expect((await call(t.app, { method: 'DELETE', url: `/api/patients/${patient.id}`, as: admin })).status).toBeLessThan(300);
    expect((await call(t.app, { method: 'POST', url: `/api/patients/${patient.id}/reactivate`, as: admin })).status).toBeLessThan(300);
    const rows = await t.deps.db.selectFrom('audit_log').select('action').distinct().execute();
    const actions = rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['patient.deactivate', 'patient.reactivate']));
    for (const action of actions) expect(AUDIT_ACTIONS as readonly string[]).toContain(action);
    const filtered = await call(t.app, { url: '/api/audit?action=patient.reactivate', as: admin });
    expect(filtered.json.items.map((item: { entityId: string }) => item.entityId)).toEqual([patient.id]);
  });
});
