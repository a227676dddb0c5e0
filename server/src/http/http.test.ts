import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, primaryDialect, startTestApp, type TestApp } from '../test/harness.ts';
import { call, loginAdmin, registerPatient, registration } from '../test/http.ts';

describe.each(dialectsUnderTest())('HTTP behaviour on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('every route declares who may call it', () => {
    const undeclared = t.routes.filter((route) => route.allow === undefined).map((route) => `${String(route.method)} ${route.url}`);
    expect(undeclared).toEqual([]);
    expect(t.routes.length).toBeGreaterThan(5);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await call(t.app, { url: '/api/nothing-here' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.json).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
  });

  it('answers malformed JSON with 400', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.c",' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('MALFORMED_JSON');
  });

  it('answers a body that is too large with 413', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'x'.repeat(1_100_000), password: 'y' }) });
    expect(response.statusCode).toBe(413);
  });

  it('answers a non-JSON body with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'email=a&password=b' });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('does not coerce types in bodies', async () => {
    const response = await call(t.app, { method: 'POST', url: '/api/auth/register', body: { ...registration(), phone: 4420794600 } });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].path).toBe('/phone');
  });

  it('never answers malformed input with a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/auth/login', '/api/auth/register'), fc.jsonValue(), async (url, body) => {
        const response = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a patient out of an admin route (403) and an anonymous caller out (401)', async () => {
    const patient = await registerPatient(t.app);
    const forbidden = await call(t.app, { url: '/api/audit', as: patient });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.code).toBe('FORBIDDEN');
    expect((await call(t.app, { url: '/api/audit' })).status).toBe(401);
    expect((await call(t.app, { url: '/api/audit', as: await loginAdmin(t.app) })).status).toBe(200);
  });

  it('sends strict security headers and no-store on API answers', async () => {
    const response = await call(t.app, { url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers).toMatchObject({
      'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin', 'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer', 'x-dns-prefetch-control': 'off', 'x-download-options': 'noopen', 'x-frame-options': 'DENY',
      'x-permitted-cross-domain-policies': 'none', 'x-xss-protection': '0',
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(csp).not.toContain('upgrade-insecure-requests');
    const problem = await call(t.app, { url: '/api/nothing-here' });
    expect(problem.headers['content-security-policy']).toBe(csp);
    expect(problem.headers['x-frame-options']).toBe('DENY');
  });

  it('behind HTTPS, also tells browsers to stay on HTTPS and upgrade plain requests', async () => {
    const secure = await startTestApp(dialect, { HMS_PUBLIC_URL: 'https://hms.example.org' });
    try {
      const response = await call(secure.app, { url: '/api/health' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('reports health with the database checked', async () => {
    const response = await call(t.app, { url: '/api/health' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'ok', database: 'ok', version: expect.any(String) });
  });

  it('serves an OpenAPI 3.1 document with the contract paths, and the explorer', async () => {
    const response = await call(t.app, { url: '/api/openapi.json' });
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/login', '/api/auth/register', '/api/auth/session', '/api/auth/logout', '/api/auth/password', '/api/health', '/api/hospital']) {
      expect(Object.keys(response.json.paths)).toContain(path);
    }
    const docs = await t.app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('answers the public hospital information without anything private', async () => {
    const response = await call(t.app, { url: '/api/hospital' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ name: expect.any(String), timeZone: 'UTC', services: [] });
    const keys = Object.keys(response.json);
    for (const secret of ['reminderOffsetsMinutes', 'sessionIdleMinutes', 'sessionAbsoluteHours', 'updatedAt']) expect(keys).not.toContain(secret);
    expect(response.json).toMatchObject({ approvalMode: 'manual', cancellationNoticeHours: 24 });
  });
});

describe('the sign-in rate limit per address', () => {
  it('answers 429 RATE_LIMITED past the configured number of attempts a minute', async () => {
    const t = await startTestApp(primaryDialect(), { HMS_AUTH_RATE_LIMIT: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await call(t.app, { method: 'POST', url: '/api/auth/login', body: { email: `x${i}@example.test`, password: 'whatever it is' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    await t.close();
  });
});

describe('health when the database is gone', () => {
  it('answers 503', async () => {
    const t = await startTestApp(primaryDialect());
    await t.deps.db.destroy();
    const response = await call(t.app, { url: '/api/health' });
    expect(response.status).toBe(503);
    expect(response.json).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    await t.app.close();
  });
});
