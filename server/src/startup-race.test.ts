import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './db/create-db.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest } from './test/harness.ts';
import { emptyPostgresDatabase, startServer, type ServerProcess } from './test/processes.ts';

// Several app processes behind one proxy, started at the same moment (a deploy, a host reboot) on a database
// nothing has touched yet: each migrates, seeds the settings row and the first administrator.
describe.runIf(dialectsUnderTest().includes('postgres'))('three processes starting together on an empty PostgreSQL database', () => {
  const servers: ServerProcess[] = [];
  let database: Awaited<ReturnType<typeof emptyPostgresDatabase>> | null = null;

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  });

  it('all serve, with one first administrator and one record of its creation', async () => {
    database = await emptyPostgresDatabase();
    const env = { DATABASE_URL: database.url, HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD };
    servers.push(...await Promise.all([1, 2, 3].map(() => startServer(env))));
    const healthy = await Promise.all(servers.map((server) => server.healthy(30_000)));
    expect(healthy, servers.map((server) => server.output()).join('\n')).toEqual([true, true, true]);
    for (const server of servers) {
      const login = await fetch(`${server.base}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      expect(login.status).toBe(200);
    }
    const handle = await createDb({ kind: 'postgres', url: database.url, poolSize: 1 });
    try {
      const admins = await handle.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
      const created = await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'user.create').execute();
      const settings = await handle.db.selectFrom('settings').select('id').execute();
      expect([admins.length, created.length, settings.length]).toEqual([1, 1, 1]);
    } finally {
      await handle.close();
    }
  });
});

describe.runIf(dialectsUnderTest().includes('sqlite'))('three processes starting together on an empty SQLite data directory', () => {
  const servers: ServerProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-start-'));

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('all serve, with one first administrator: the migrations run one process after the other', async () => {
    const env = { HMS_DATA_DIR: dataDir, HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD };
    servers.push(...await Promise.all([1, 2, 3].map(() => startServer(env))));
    const healthy = await Promise.all(servers.map((server) => server.healthy(30_000)));
    expect(healthy, servers.map((server) => server.output()).join('\n')).toEqual([true, true, true]);
    const handle = await createDb({ kind: 'sqlite', file: path.join(dataDir, 'hms.sqlite') });
    try {
      const admins = await handle.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
      const created = await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'user.create').execute();
      expect([admins.length, created.length]).toEqual([1, 1]);
    } finally {
      await handle.close();
    }
  });
});
