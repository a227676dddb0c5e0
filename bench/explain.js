// Query plans and timings of the hot read queries, on the SQL Kysely really generates: the server's own
// query functions are bundled with esbuild (as scripts/build-server.js does), run against the benchmark's
// database with Kysely's query log on, and each logged statement is explained (SQLite: EXPLAIN QUERY PLAN,
// PostgreSQL: EXPLAIN). Each path is then run `repeat` times in a row: `medianUs` is its median time in
// microseconds, in this process, with no other load from the app — what the database costs per call.
//   node bench/explain.js FILE.sqlite | postgres://…      (or called by bench/run.js after the load)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'dist', 'bench', 'queries.js');

const ENTRY = `
export { findSchedulingDoctor, listAvailabilityIntervals, listTimeOffOverlapping, listBusyAppointments } from './server/src/features/scheduling/scheduling.queries.ts';
export { listAppointments, countOpenRequests, findPatientOverlap, listAvailabilityOfDoctors, listTimeOffOfDoctors } from './server/src/features/appointments/appointments.queries.ts';
export { findLiveSession } from './server/src/features/auth/auth.queries.ts';
export { findSettings } from './server/src/features/hospital/hospital.queries.ts';
export { openSqlite } from './server/src/db/sqlite.ts';
export { Kysely, PostgresDialect } from 'kysely';
`;

async function loadQueries() {
  mkdirSync(path.dirname(OUT), { recursive: true });
  await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-queries.ts' },
    outfile: OUT, bundle: true, platform: 'node', format: 'esm', target: 'node20.19', packages: 'external', logLevel: 'warning',
    banner: { js: "import { createRequire as __hmsRequire } from 'node:module'; const require = __hmsRequire(import.meta.url);" },
  });
  return import(`${pathToFileURL(OUT).href}?t=${Date.now()}`);
}

/** A database to explain on: a SQLite file or a PostgreSQL URL. */
async function open(q, target) {
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: target, max: 1 });
    return {
      dialect: new q.PostgresDialect({ pool }),
      explain: async (sql, parameters) => (await pool.query(`explain ${sql}`, parameters)).rows.map((row) => row['QUERY PLAN']),
    };
  }
  const { dialect, raw } = q.openSqlite(target);
  return { dialect, explain: async (sql, parameters) => raw.prepare(`explain query plan ${sql}`).all(...parameters).map((row) => row.detail) };
}

/**
 * For each hot path, the statements it runs, their plans and its median time.
 * ids: a doctor id, a patient id and a [from, to) day of the generated data.
 */
export async function explainHotQueries(target, { doctorId, patientId, doctorDay }, { repeat = 200 } = {}) {
  const q = await loadQueries();
  const { dialect, explain } = await open(q, target);
  let captured = null;
  const logged = new q.Kysely({ dialect, log: (event) => captured?.push(event.query) });
  const now = new Date().toISOString();
  const in14 = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const paths = [
    ['session (every signed-in request)', (db) => q.findLiveSession(db, 'f'.repeat(64))],
    ['settings (slots, booking)', (db) => q.findSettings(db)],
    ['slots: doctor', (db) => q.findSchedulingDoctor(db, doctorId)],
    ['slots: weekly plan', (db) => q.listAvailabilityIntervals(db, doctorId)],
    ['slots: time off', (db) => q.listTimeOffOverlapping(db, doctorId, now, in14)],
    ['slots: busy appointments', (db) => q.listBusyAppointments(db, doctorId, now, in14)],
    ['upcoming (patient)', (db) => q.listAppointments(db, { patientId, statuses: ['requested', 'confirmed'], from: now, order: 'asc' }, 21)],
    ['doctor-day', (db) => q.listAppointments(db, { doctorId, from: doctorDay[0], to: doctorDay[1], order: 'asc' }, 51)],
    ['doctor-day: availability flag plans', (db) => q.listAvailabilityOfDoctors(db, [doctorId])],
    ['doctor-day: availability flag time off', (db) => q.listTimeOffOfDoctors(db, [doctorId], doctorDay[0], doctorDay[1])],
    ['book: open requests', (db) => q.countOpenRequests(db, patientId)],
    ['book: patient overlap', (db) => q.findPatientOverlap(db, patientId, now, in14)],
  ];
  const plans = [];
  try {
    for (const [name, run] of paths) {
      captured = [];
      await run(logged);
      const statements = captured;
      captured = null;
      const times = [];
      for (let i = 0; i < repeat; i++) {
        const started = process.hrtime.bigint();
        await run(logged);
        times.push(Number(process.hrtime.bigint() - started) / 1000);
      }
      times.sort((a, b) => a - b);
      const medianUs = Math.round(times[Math.floor(times.length / 2)] ?? 0);
      for (const query of statements) plans.push({ name, sql: query.sql, plan: await explain(query.sql, query.parameters), medianUs });
    }
  } finally {
    await logged.destroy();
  }
  return plans;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2];
  if (!target) throw new Error('usage: node bench/explain.js FILE.sqlite | postgres://…');
  let doctorId;
  let patientId;
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    doctorId = (await client.query('select id from doctors limit 1')).rows[0]?.id;
    patientId = (await client.query("select patient_id from appointments where status in ('requested', 'confirmed') limit 1")).rows[0]?.patient_id;
    await client.end();
  } else {
    const { default: Database } = await import('better-sqlite3');
    const probe = new Database(target, { readonly: true });
    doctorId = probe.prepare('select id from doctors limit 1').get()?.id;
    patientId = probe.prepare('select patient_id from appointments where status in (\'requested\', \'confirmed\') limit 1').get()?.patient_id;
    probe.close();
  }
  const day = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const plans = await explainHotQueries(target, { doctorId, patientId, doctorDay: [day.toISOString(), new Date(day.getTime() + 86_400_000).toISOString()] });
  for (const plan of plans) console.log(`-- ${plan.name} (median ${plan.medianUs} µs)\n${plan.sql}\n${plan.plan.map((line) => `   ${line}`).join('\n')}\n`);
}
