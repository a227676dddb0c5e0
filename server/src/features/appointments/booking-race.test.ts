import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../bootstrap.ts';
import { systemClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import type { DbHandle } from '../../db/create-db.ts';
import { createDoctor } from '../../test/factories.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_AUDIT_KEY, dialectsUnderTest, freshDatabase, type TestApp } from '../../test/harness.ts';
import type { Caller } from '../../test/http.ts';
import { MONDAY, at, book, giveDailyHours, giveWeekdayHours, insertDoctor, signedInPatients, startAppointmentsApp } from './test-support.ts';

const RACERS = 50;

interface Outcome {
  status: number;
  code: string | undefined;
}

/** Fires every booking at once over real HTTP, spreading them over the given servers. */
async function raceBookings(origins: string[], racers: Caller[], doctorId: string, start: string): Promise<Outcome[]> {
  return Promise.all(racers.map(async (racer, index) => {
    const response = await fetch(`${origins[index % origins.length]}/api/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: racer.cookie, 'x-csrf-token': racer.csrfToken },
      body: JSON.stringify({ doctorId, start, reason: 'Racing for the last slot' }),
    });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code };
  }));
}

function expectOneWinner(outcomes: Outcome[]): void {
  expect(outcomes.filter((o) => o.status === 201)).toHaveLength(1);
  expect(outcomes.filter((o) => o.status === 409 && o.code === 'SLOT_UNAVAILABLE')).toHaveLength(RACERS - 1);
}

async function activeAppointmentsOf(db: DbHandle['db'], doctorId: string) {
  return db.selectFrom('appointments').select(['id', 'patient_id']).where('doctor_id', '=', doctorId).where('status', 'in', ['requested', 'confirmed']).execute();
}

describe.each(dialectsUnderTest())('racing bookings in one process on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it(`${RACERS} different patients racing for one slot: exactly one 201, the rest 409 SLOT_UNAVAILABLE`, async () => {
    const doctor = await createDoctor(t);
    await giveWeekdayHours(t, doctor.doctorId);
    const racers = await signedInPatients(t.deps.db, t.clock.now(), RACERS);
    const outcomes = await Promise.all(racers.map(async (racer) => {
      const response = await book(t, racer, { doctorId: doctor.doctorId, start: at(MONDAY, '11:00') });
      return { status: response.status, code: response.json?.code as string | undefined };
    }));
    expectOneWinner(outcomes);
    expect(await activeAppointmentsOf(t.deps.db, doctor.doctorId)).toHaveLength(1);
  });

  it('one patient booking ten doctors for the same time at once: one 201, the rest 409 PATIENT_OVERLAP', async () => {
    const doctors = await Promise.all(Array.from({ length: 10 }, () => createDoctor(t)));
    for (const doctor of doctors) await giveWeekdayHours(t, doctor.doctorId);
    const [patient] = await signedInPatients(t.deps.db, t.clock.now(), 1);
    const outcomes = await Promise.all(doctors.map(async (doctor) => {
      const response = await book(t, patient!, { doctorId: doctor.doctorId, start: at(MONDAY, '14:00') });
      return { status: response.status, code: response.json?.code as string | undefined };
    }));
    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 409 && o.code === 'PATIENT_OVERLAP')).toHaveLength(9);
  });
});

describe.each(dialectsUnderTest().filter((dialect) => dialect === 'sqlite'))('racing bookings through a listening server on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAppointmentsApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it(`${RACERS} different patients racing for one slot: exactly one 201, the rest 409 SLOT_UNAVAILABLE`, async () => {
    const doctor = await createDoctor(t);
    await giveWeekdayHours(t, doctor.doctorId);
    const racers = await signedInPatients(t.deps.db, t.clock.now(), RACERS);
    const address = t.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the test server is not listening on a port');
    const outcomes = await raceBookings([`http://127.0.0.1:${address.port}`], racers, doctor.doctorId, at(MONDAY, '10:00'));
    expectOneWinner(outcomes);
    expect(await activeAppointmentsOf(t.deps.db, doctor.doctorId)).toHaveLength(1);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilHealthy(origin: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early (${child.exitCode}): ${log()}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server at ${origin} did not become healthy: ${log()}`);
}

describe.each(dialectsUnderTest().filter((dialect) => dialect === 'postgres'))('racing bookings across two server processes on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const children: ChildProcess[] = [];
  const origins: string[] = [];
  let racers: Caller[];
  let doctorId: string;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-server.js'], { stdio: 'pipe' });
    database = await freshDatabase(dialect);
    const db = database.handle.db;
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]?.name ?? '';
    const url = new URL(process.env['HMS_TEST_DATABASE_URL'] ?? '');
    url.pathname = `/${name}`;
    const env = {
      DATABASE_URL: url.toString(), HMS_AUDIT_KEY: TEST_AUDIT_KEY, HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD, HMS_LOG_LEVEL: 'warn',
      HMS_WEB_DIR: path.join(os.tmpdir(), 'hms-no-web-build'), HMS_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hms-race-')), HOST: '127.0.0.1',
    };
    const config = loadConfig(env);
    await prepareDatabase(database.handle, config, systemClock);
    const now = systemClock.now();
    doctorId = await insertDoctor(db, now);
    await giveDailyHours(db, doctorId);
    racers = await signedInPatients(db, now, RACERS);

    for (let index = 0; index < 2; index += 1) {
      const port = await freePort();
      let output = '';
      const child = spawn(process.execPath, ['dist/server/main.js'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      children.push(child);
      origins.push(`http://127.0.0.1:${port}`);
      await waitUntilHealthy(`http://127.0.0.1:${port}`, child, () => output);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    })));
    await database?.handle.close();
    await database?.drop();
  });

  it(`${RACERS} different patients racing for one slot over two processes: exactly one 201, the rest 409 SLOT_UNAVAILABLE`, async () => {
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const outcomes = await raceBookings(origins, racers, doctorId, at(day, '10:00'));
    expectOneWinner(outcomes);
    const active = await activeAppointmentsOf(database.handle.db, doctorId);
    expect(active).toHaveLength(1);
  });
});
