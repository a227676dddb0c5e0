import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { primaryDialect, startTestApp, type TestApp } from '../test/harness.ts';

describe('serving the web app', () => {
  let t: TestApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-web-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>HMS</title><div id="root"></div>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-3f2a1b.js'), 'console.log(1)');
    t = await startTestApp(primaryDialect(), { HMS_WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / without caching', async () => {
    const response = await t.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('answers client-side routes with index.html', async () => {
    const response = await t.app.inject({ url: '/app/appointments?tab=past' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="root">');
  });

  it('caches hashed assets for a year', async () => {
    const response = await t.app.inject({ url: '/assets/app-3f2a1b.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps unknown API routes and missing files as 404', async () => {
    expect((await t.app.inject({ url: '/api/nope' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/app/x', payload: {} })).statusCode).toBe(404);
  });

  it('answers a directory or a missing file with a 404 problem, never a 500 or a stack trace', async () => {
    for (const url of ['/assets/', '/assets', '/assets/missing.js', '/assets/nested/', '/favicon.ico', '/assets/..%2f..%2fetc%2fpasswd']) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(response.json(), url).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(response.body, url).not.toMatch(/at .*\.js|stack|webDir|hms-web-/);
    }
  });
});
