import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, TRANSACTION_ATTEMPTS } from './availability.ts';
import { createDb, type DbHandle } from './create-db.ts';
import { migrateToLatest } from './migrate.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest } from '../test/harness.ts';
import { emptyPostgresDatabase, pause, startServer, tcpRelay, terminateBackends, withAdmin, type ServerProcess } from '../test/processes.ts';

interface Signed { cookie: string; csrf: string }

async function signIn(base: string): Promise<Signed> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  const body = await response.json() as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
}

/** One write (a specialization, audited in the same transaction) and one read, as the administrator. */
async function traffic(base: string, as: Signed, name: string): Promise<{ write: Response; read: Response }> {
  const write = await fetch(`${base}/api/specializations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: as.cookie, 'x-csrf-token': as.csrf },
    body: JSON.stringify({ name }),
  });
  const read = await fetch(`${base}/api/specializations?all=true`, { headers: { cookie: as.cookie } });
  return { write, read };
}

const postgresPort = () => Number(new URL(process.env['HMS_TEST_DATABASE_URL'] ?? 'postgres://x@127.0.0.1:5432/x').port || 5432);

// Real PostgreSQL only: PGlite has no connections to lose, SQLite no server.
describe.runIf(dialectsUnderTest().includes('postgres'))('a lost PostgreSQL connection', () => {
  let database: Awaited<ReturnType<typeof emptyPostgresDatabase>>;
  let relay: Awaited<ReturnType<typeof tcpRelay>>;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await emptyPostgresDatabase();
    relay = await tcpRelay(postgresPort());
    const url = new URL(database.url);
    url.host = `127.0.0.1:${relay.port}`;
    server = await startServer({ DATABASE_URL: url.toString(), HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD, HMS_AUTH_RATE_LIMIT: '100000' });
    expect(await server.healthy()).toBe(true);
  });

  afterAll(async () => {
    await server.stop();
    await relay.close();
    await database.drop();
  });

  it('does not end the process: requests under load get 503 or succeed, and succeed again within seconds', async () => {
    const admin = await signIn(server.base);
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i += 1) {
        const name = `Load ${n}-${i}`;
        const { write, read } = await traffic(server.base, admin, name).catch(() => ({ write: null, read: null }));
        for (const response of [write, read]) {
          if (!response) continue;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 503) {
            expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
            expect((await response.json() as { code: string }).code).toBe('DATABASE_UNAVAILABLE');
          } else {
            await response.arrayBuffer();
          }
        }
        if (write?.status === 201) acknowledged.push(name);
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    let ended = 0;
    for (let round = 0; round < 4; round += 1) {
      await pause(250);
      ended += await terminateBackends(database.name);
    }
    await pause(250);
    stop = true;
    await Promise.all(clients);
    expect(ended).toBeGreaterThan(0);
    expect(server.child.exitCode, server.output()).toBeNull();
    expect([...statuses.keys()].every((status) => status === 200 || status === 201 || status === 503)).toBe(true);

    // Serving again without a restart: the next requests succeed.
    let back = false;
    const until = Date.now() + 10_000;
    while (!back && Date.now() < until) {
      const { write, read } = await traffic(server.base, admin, `After ${Date.now()}`);
      back = write.status === 201 && read.status === 200;
      if (back) acknowledged.push(`After`);
      else await pause(100);
    }
    expect(back).toBe(true);
    expect(server.output()).toContain('lost a database connection');
    expect(server.output()).not.toContain('Unhandled');

    // Every acknowledged write is there with its audit row; nothing unacknowledged is half there.
    const rows = await withAdmin(async () => {
      const handle = await createDb({ kind: 'postgres', url: database.url, poolSize: 1 });
      try {
        const names = await handle.db.selectFrom('specializations').select(['id', 'name']).execute();
        const audited = await handle.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'specialization.create').execute();
        return { names, audited: new Set(audited.map((a) => a.entity_id)) };
      } finally {
        await handle.close();
      }
    });
    const stored = new Set(rows.names.map((r) => r.name));
    for (const name of acknowledged.filter((n) => n !== 'After')) expect(stored.has(name)).toBe(true);
    const made = rows.names.filter((row) => /^(Load|After) /.test(row.name));
    expect(made.length).toBeGreaterThanOrEqual(acknowledged.length);
    for (const row of made) expect(rows.audited.has(row.id)).toBe(true);
  });

  it('answers 503 with Retry-After while the database is unreachable, and serves again once it is back', async () => {
    const admin = await signIn(server.base);
    await relay.cut();
    try {
      const health = await fetch(`${server.base}/api/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });
      const { write } = await traffic(server.base, admin, 'While down');
      expect(write.status).toBe(503);
      expect(await write.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
    } finally {
      await relay.restore();
    }
    expect(await server.healthy(10_000)).toBe(true);
    expect((await traffic(server.base, admin, 'After the outage')).write.status).toBe(201);
    expect(server.child.exitCode, server.output()).toBeNull();
  });
});

describe.runIf(dialectsUnderTest().includes('postgres'))('transactions on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof emptyPostgresDatabase>>;
  let handle: DbHandle;
  const lost: Error[] = [];

  beforeAll(async () => {
    database = await emptyPostgresDatabase();
    handle = await createDb({ kind: 'postgres', url: database.url, poolSize: 4 }, { onConnectionError: (error) => lost.push(error) });
    await migrateToLatest(handle.db);
    await sql`create table trial (id int primary key, n int not null)`.execute(handle.db);
    await sql`insert into trial values (1, 0), (2, 0)`.execute(handle.db);
  });

  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it('a transaction whose connection dies fails, and leaves nothing half-written', async () => {
    const failure = await handle.db.transaction().execute(async (trx) => {
      await sql`update trial set n = 100 where id = 1`.execute(trx);
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      await withAdmin((client) => client.query('select pg_terminate_backend($1)', [rows[0]?.pid]));
      await sql`update trial set n = 100 where id = 2`.execute(trx);
    }).then(() => null, (error: unknown) => error);
    expect(failure).not.toBeNull();
    expect(isDatabaseUnavailable(failure)).toBe(true);
    const { rows } = await sql<{ id: number; n: number }>`select id, n from trial order by id`.execute(handle.db);
    expect(rows).toEqual([{ id: 1, n: 0 }, { id: 2, n: 0 }]);
  });

  it('a deadlocked transaction runs again, so both sides commit', async () => {
    let runs = 0;
    let bothHold!: () => void;
    let held = 0;
    const meeting = new Promise<void>((resolve) => (bothHold = resolve));
    const side = (first: number, second: number) => handle.db.transaction().execute(async (trx) => {
      runs += 1;
      await sql`update trial set n = n + 1 where id = ${first}`.execute(trx);
      held += 1;
      if (held === 2) bothHold();
      // Only the first run of each side waits for the other: a retry goes straight through.
      if (runs <= 2) await Promise.race([meeting, pause(2_000)]);
      await sql`update trial set n = n + 1 where id = ${second}`.execute(trx);
    });
    await Promise.all([side(1, 2), side(2, 1)]);
    expect(runs).toBeGreaterThan(2);
    expect(runs).toBeLessThanOrEqual(2 * TRANSACTION_ATTEMPTS);
    const { rows } = await sql<{ id: number; n: number }>`select id, n from trial order by id`.execute(handle.db);
    expect(rows).toEqual([{ id: 1, n: 2 }, { id: 2, n: 2 }]);
  });
});
