import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, login } from '../../test/http.ts';
import { issueSetupToken, SETUP_TOKEN_LIFETIME_MS } from './setup.service.ts';

const PASSWORD = 'first administrator of the ward';

describe.each(dialectsUnderTest())('first-run setup on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // No HMS_ADMIN_EMAIL: a fresh hospital nobody can sign in to yet.
    t = await startTestApp(dialect, { HMS_ADMIN_EMAIL: '', HMS_ADMIN_PASSWORD: '' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: Record<string, unknown>) => call(t.app, { method: 'POST', url: '/api/setup/admin', body });
  const denials = async () => (await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'setup.admin.create').where('outcome', '=', 'denied').execute()).length;

  it('says an administrator is needed, refuses a wrong or expired token (403, audited), and keeps only the hash', async () => {
    expect((await call(t.app, { url: '/api/setup' })).json).toEqual({ administratorNeeded: true });
    const issued = await issueSetupToken(t.deps.db, t.clock.now());
    if (!issued) throw new Error('a token should be issued while no administrator exists');
    const rows = await t.deps.db.selectFrom('setup_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(issued.token);

    const wrong = await create({ token: 'not-the-token', name: 'Ada Admin', email: 'ada@hospital.test', password: PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.json.code).toBe('SETUP_TOKEN_INVALID');
    expect(await denials()).toBe(1);

    t.clock.advance(SETUP_TOKEN_LIFETIME_MS + 1000);
    const late = await create({ token: issued.token, name: 'Ada Admin', email: 'ada@hospital.test', password: PASSWORD });
    expect(late.status).toBe(403);
    expect(await denials()).toBe(2);
  });

  it('a valid token creates the first administrator once; the token and the screen are then refused', async () => {
    const issued = await issueSetupToken(t.deps.db, t.clock.now());
    if (!issued) throw new Error('a token should be issued while no administrator exists');
    const weak = await create({ token: issued.token, name: 'Ada Admin', email: 'ada@hospital.test', password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.json.errors[0].path).toBe('/password');

    const created = await create({ token: issued.token, name: 'Ada Admin', email: 'Ada@Hospital.test', password: PASSWORD });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), email: 'ada@hospital.test' });
    const admin = await login(t.app, 'ada@hospital.test', PASSWORD);
    expect((await call(t.app, { url: '/api/auth/session', as: admin })).json.user).toMatchObject({ role: 'admin', name: 'Ada Admin' });
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'setup.admin.create').where('outcome', '=', 'success').execute();
    expect(audit.map((row) => row.entity_id)).toEqual([created.json.id]);

    const again = await create({ token: issued.token, name: 'Mallory', email: 'mallory@hospital.test', password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('SETUP_COMPLETE');
    expect((await call(t.app, { url: '/api/setup' })).json).toEqual({ administratorNeeded: false });
    expect(await issueSetupToken(t.deps.db, t.clock.now())).toBeNull();
    expect(await t.deps.db.selectFrom('setup_tokens').selectAll().execute()).toEqual([]);
  });

  it('refuses a request from another site (403)', async () => {
    const response = await call(t.app, {
      method: 'POST', url: '/api/setup/admin', headers: { origin: 'https://evil.example' },
      body: { token: 'x', name: 'Eve', email: 'eve@evil.example', password: PASSWORD },
    });
    expect(response.status).toBe(403);
    expect(response.json.code).toBe('ORIGIN_MISMATCH');
  });
});
