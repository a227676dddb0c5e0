import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/create-db.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest } from '../test/harness.ts';
import { emptyPostgresDatabase, freePort, pause, startServer, type ServerProcess } from '../test/processes.ts';

// The example configuration of docs/nginx/hms.conf run by a real nginx in front of three app processes on one
// PostgreSQL database. Only what cannot run on a test machine is changed: the upstream ports become the test's,
// the TLS server listens on a free 127.0.0.1 port without certificates, the port-80 redirect is dropped.
const NGINX = '/usr/sbin/nginx';
const documented = fs.readFileSync(fileURLToPath(new URL('../../../docs/nginx/hms.conf', import.meta.url)), 'utf8');

function runnableConfig(ports: number[], listen: number): string {
  let index = 0;
  const text = documented
    .replace(/^server \{\n\s+listen 80;[\s\S]*?\n\}\n/m, '')
    .replace(/^(\s+)server 127\.0\.0\.1:\d+ /gm, (_whole, indent: string) => {
      const port = ports[index];
      index += 1;
      if (port === undefined) throw new Error('the example names more upstream servers than the test started');
      return `${indent}server 127.0.0.1:${port} `;
    })
    // HTTP/2 without TLS is not what browsers speak: the test listens on plain HTTP/1.1.
    .replace(/^(\s+)listen 443 ssl http2;$/m, `$1listen 127.0.0.1:${listen};`)
    .replace(/^\s+ssl_\w+\s.*\n/gm, '');
  if (index !== ports.length) throw new Error(`the example names ${index} upstream servers, the test started ${ports.length}`);
  if (!text.includes(`listen 127.0.0.1:${listen};`) || /ssl|listen 80;/.test(text)) throw new Error(`unexpected shape of docs/nginx/hms.conf:\n${text}`);
  return text;
}

function mainConfig(dir: string): string {
  return [
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'daemon off;',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    `  access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${dir}/${name}_temp;`),
    `  include ${dir}/hms.conf;`,
    '}',
    '',
  ].join('\n');
}

/** How many requests for `url` a process logged (HMS_LOG_REQUESTS=true, JSON lines). */
function served(server: ServerProcess, url: string): number {
  return server.output().split('\n').filter((line) => line.includes('"incoming request"') && line.includes(`"path":"${url}"`)).length;
}

describe.runIf(dialectsUnderTest().includes('postgres'))('three processes behind nginx with docs/nginx/hms.conf', () => {
  const servers: ServerProcess[] = [];
  let database: Awaited<ReturnType<typeof emptyPostgresDatabase>> | null = null;
  let nginx: ChildProcess | null = null;
  let nginxOutput = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-nginx-'));

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGQUIT');
      const timer = setTimeout(() => nginx?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers health, shares the session across processes, forwards the client address, and survives a stopped process', async () => {
    const version = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error(`nginx is required for this test and was not found at ${NGINX} (apt-get install nginx): ${version.error?.message ?? version.stderr}`);
    }

    database = await emptyPostgresDatabase();
    const env = {
      DATABASE_URL: database.url, HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HMS_TRUST_PROXY: 'true', HMS_LOG_LEVEL: 'info', HMS_LOG_FORMAT: 'json', HMS_LOG_REQUESTS: 'true',
    };
    servers.push(...await Promise.all([1, 2, 3].map(() => startServer(env))));
    const healthy = await Promise.all(servers.map((server) => server.healthy(30_000)));
    expect(healthy, servers.map((server) => server.output()).join('\n')).toEqual([true, true, true]);

    const listen = await freePort();
    for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, `${name}_temp`));
    fs.writeFileSync(path.join(dir, 'hms.conf'), runnableConfig(servers.map((server) => server.port), listen));
    fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir));
    nginx = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stdout?.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    nginx.stderr?.on('data', (chunk: Buffer) => (nginxOutput += chunk.toString()));
    const base = `http://127.0.0.1:${listen}`;
    let up = false;
    for (const until = Date.now() + 15_000; Date.now() < until && nginx.exitCode === null && !up;) {
      up = await fetch(`${base}/api/health`).then((r) => r.status === 200, () => false);
      if (!up) await pause(100);
    }
    const nginxLog = () => `${nginxOutput}\n${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`;
    expect(up, `nginx did not answer /api/health: ${nginxLog()}`).toBe(true);

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });

    // The client says it is 203.0.113.7; nginx appends its own peer ($proxy_add_x_forwarded_for) and the app,
    // trusting the proxy, takes the first address of the chain.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const { csrfToken } = await login.json() as { csrfToken: string };
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/=/);

    // Sequential requests spread over the processes (least_conn); each resolves the session from the database.
    for (let i = 0; i < 9; i += 1) {
      const session = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
      expect(session.status).toBe(200);
      expect(await session.json()).toMatchObject({ user: { email: ADMIN_EMAIL } });
    }
    const counts = servers.map((server) => served(server, '/api/auth/session'));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(9);
    expect(counts.filter((count) => count > 0).length, `requests per process: ${counts.join(', ')}`).toBeGreaterThanOrEqual(2);

    // An unsafe request needs the session's CSRF token, on whichever process it lands.
    const refused = await fetch(`${base}/api/notifications/read-all`, { method: 'POST', headers: { cookie } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    for (let i = 0; i < 3; i += 1) {
      const accepted = await fetch(`${base}/api/notifications/read-all`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
      expect(accepted.status).toBe(204);
    }

    // One process stops (SIGTERM, as systemd does in a rolling restart): nginx passes its share to the others.
    const [stopped, ...running] = servers;
    if (!stopped) throw new Error('no process');
    await stopped.stop();
    const before = running.map((server) => served(server, '/api/auth/session'));
    for (let i = 0; i < 9; i += 1) {
      const session = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
      expect(session.status).toBe(200);
    }
    const after = running.map((server) => served(server, '/api/auth/session'));
    expect(after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)).toBe(9);
    const stillHealthy = await fetch(`${base}/api/health`);
    expect(stillHealthy.status).toBe(200);
    // nginx did try the stopped process and moved on (proxy_next_upstream error).
    expect(nginxLog()).toContain(`upstream: "http://127.0.0.1:${stopped.port}/`);

    const handle = await createDb({ kind: 'postgres', url: database.url, poolSize: 1 });
    try {
      const rows = await handle.db.selectFrom('audit_log').select(['ip', 'outcome']).where('action', '=', 'auth.login').execute();
      expect(rows).toEqual([{ ip: '203.0.113.7', outcome: 'success' }]);
    } finally {
      await handle.close();
    }
  });
});
