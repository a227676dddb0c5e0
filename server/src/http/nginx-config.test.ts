import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, startTestApp, type TestApp } from '../test/harness.ts';

// The example configuration in docs/ is parsed and every path it proxies or health-checks is asked of the app on
// every database, so the documented setup cannot drift from the routes (nginx-proxy.test.ts runs it in nginx).
const config = fs.readFileSync(fileURLToPath(new URL('../../../docs/nginx/hms.conf', import.meta.url)), 'utf8');
const directives = config.split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);

describe.each(dialectsUnderTest())('the example nginx configuration (docs/nginx/hms.conf) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is well formed: balanced blocks, every directive ended, every proxy_pass to the one upstream', () => {
    let depth = 0;
    for (const line of directives) {
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      expect(depth).toBeGreaterThanOrEqual(0);
      expect(line, line).toMatch(/[;{}]$/);
    }
    expect(depth).toBe(0);
    const upstream = /^upstream (\w+) \{$/.exec(directives.find((line) => line.startsWith('upstream ')) ?? '')?.[1];
    expect(upstream).toBe('hms_app');
    const passes = directives.filter((line) => line.startsWith('proxy_pass '));
    expect(passes.length).toBeGreaterThanOrEqual(3);
    for (const line of passes) expect(line).toBe(`proxy_pass http://${upstream ?? ''};`);
    const servers = directives.filter((line) => /^server 127\.0\.0\.1:\d+ /.test(line));
    expect(servers.length).toBeGreaterThanOrEqual(2);
  });

  it('health-checks and proxies paths the app serves', async () => {
    const locations = directives.flatMap((line) => {
      const match = /^location (=\s*)?(\S+) \{$/.exec(line);
      return match?.[2] ? [{ exact: Boolean(match[1]), path: match[2] }] : [];
    });
    expect(locations.map((l) => l.path)).toEqual(['/api/health', '/api/', '/']);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    const api = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(api.statusCode).toBe(200);
    expect(Object.keys((api.json() as { paths: Record<string, unknown> }).paths).every((p) => p.startsWith('/api/'))).toBe(true);
    // The app reads the client address from X-Forwarded-For only when HMS_TRUST_PROXY=true, as the example sets.
    expect(config).toContain('HMS_TRUST_PROXY=true');
    expect(config).toContain('proxy_set_header X-Forwarded-For');
  });
});
