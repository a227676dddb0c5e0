import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';
import { TEST_AUDIT_KEY } from './harness.ts';

/** A port nothing listens on at the moment, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
  /** Polls /api/health until it answers 200 (at most `ms`); true when it did. */
  healthy(ms?: number): Promise<boolean>;
  stop(): Promise<number | null>;
}

/** The built server (dist/server/main.js, bundled by the suite's global setup) as a real process on 127.0.0.1. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    // A PostgreSQL deployment names its audit key; with SQLite the server creates one in its data directory.
    env: { ...process.env, HMS_LOG_LEVEL: 'warn', ...(env['DATABASE_URL'] ? { HMS_AUDIT_KEY: TEST_AUDIT_KEY } : {}), ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  return {
    child, port, base, exited,
    output: () => text,
    async healthy(ms = 20_000) {
      const until = Date.now() + ms;
      while (Date.now() < until && child.exitCode === null) {
        if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return true;
        await pause(100);
      }
      return false;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** An empty PostgreSQL database on the server of HMS_TEST_DATABASE_URL, its URL, and how to drop it. */
export async function emptyPostgresDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const adminUrl = process.env['HMS_TEST_DATABASE_URL'] ?? '';
  const name = `hms_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin(async (client) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.query(`drop database if exists ${name} with (force)`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '42501' || attempt >= 40) throw error;
          await pause(250);
        }
      }
    }),
  };
}

/** Runs `work` on a connection of HMS_TEST_DATABASE_URL's role to its own database. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env['HMS_TEST_DATABASE_URL'] ?? '' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Ends every backend connected to `database` (what a PostgreSQL restart or failover does to the app); how many. */
export async function terminateBackends(database: string): Promise<number> {
  return withAdmin(async (client) => {
    const result = await client.query<{ ended: boolean }>(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    return result.rows.filter((row) => row.ended).length;
  });
}

/** A TCP relay on 127.0.0.1 in front of another port, that can be cut (connections refused and reset) and restored. */
export async function tcpRelay(targetPort: number): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const open = () => new Promise<void>((resolve, reject) => {
    const s = net.createServer((inbound) => {
      const outbound = net.connect(targetPort, '127.0.0.1');
      for (const socket of [inbound, outbound]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      inbound.pipe(outbound).pipe(inbound);
      inbound.on('close', () => outbound.destroy());
      outbound.on('close', () => inbound.destroy());
    });
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve());
    server = s;
  });
  const shut = () => new Promise<void>((resolve) => {
    const s = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (s) s.close(() => resolve());
    else resolve();
  });
  await open();
  return { port, cut: shut, restore: open, close: shut };
}
