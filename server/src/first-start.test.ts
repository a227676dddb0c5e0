import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from './test/harness.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The built server as a real process, as a terminal would run it (plain lines, no request log). */
function start(port: number, env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['dist/server/main.js', ...args], {
    env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', PORT: String(port), HMS_LOG_FORMAT: 'text', HMS_LOG_REQUESTS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const waitFor = async (pattern: RegExp, seconds = 60): Promise<RegExpMatchArray> => {
    for (let i = 0; i < seconds * 10; i += 1) {
      const match = pattern.exec(out);
      if (match) return match;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${pattern} in the output:\n${out}`);
  };
  return { child, output: () => out, waitFor };
}

const running: ChildProcess[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe.runIf(dialectsUnderTest().includes('sqlite'))('the first start of a fresh install', () => {
  it('prints the URL and how to create the first administrator, nothing per request, and the printed link works once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-first-'));
    folders.push(dataDir);
    const port = await freePort();
    const server = start(port, { HMS_DATA_DIR: dataDir });
    running.push(server.child);
    const [, token] = await server.waitFor(/\/setup#token=([A-Za-z0-9_-]+) /);
    for (let i = 0; i < 3; i += 1) expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    const lines = server.output().trim().split('\n');
    expect(lines.filter((line) => line.startsWith('HMS is serving on '))).toEqual([`HMS is serving on http://127.0.0.1:${port} (SQLite in ${dataDir})`]);
    const adminLine = lines.find((line) => line.includes('No administrator yet'));
    expect(adminLine).toContain(`http://127.0.0.1:${port}/setup#token=${token}`);
    expect(adminLine).toContain('npx hms create-admin --email');
    expect(adminLine).toContain('HMS_ADMIN_EMAIL');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(server.output()).not.toMatch(/"level"|incoming request|request completed/);

    const body = { token, name: 'Grace Hopper', email: 'grace@hospital.test', password: 'a long first-run passphrase' };
    const post = () => fetch(`http://127.0.0.1:${port}/api/setup/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(409);
  });

  it('with an administrator already there it says nothing about one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-first-'));
    folders.push(dataDir);
    const port = await freePort();
    const server = start(port, { HMS_DATA_DIR: dataDir, HMS_ADMIN_EMAIL: 'boss@hospital.test', HMS_ADMIN_PASSWORD: 'the boss passphrase is long' });
    running.push(server.child);
    await server.waitFor(/HMS is serving on/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.output()).not.toContain('No administrator yet');
    expect(server.output()).toContain('created the first administrator boss@hospital.test');
  });

  it('--demo serves a fresh demo hospital in a new folder and prints sign-ins that work', async () => {
    const port = await freePort();
    const configured = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-configured-'));
    folders.push(configured);
    const server = start(port, { HMS_DATA_DIR: configured }, ['--demo']);
    running.push(server.child);
    const [, folder] = await server.waitFor(/Demo hospital in (\S+) /, 120);
    if (folder) folders.push(folder);
    const [, password] = await server.waitFor(/all with the password (\S+): /);
    const [, email] = await server.waitFor(/administrator (\S+@\S+?),/);
    await server.waitFor(/HMS is serving on/);
    expect(server.output()).not.toContain('No administrator yet');
    expect(fs.readdirSync(configured)).toEqual([]);
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(signIn.status).toBe(200);
    const doctors = (await (await fetch(`http://127.0.0.1:${port}/api/doctors`)).json()) as { items?: unknown[] } | unknown[];
    expect(Array.isArray(doctors) ? doctors.length : (doctors.items?.length ?? 0)).toBeGreaterThan(0);
  }, 180_000);
});
