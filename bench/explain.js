// EXPLAIN QUERY PLAN of the hot read queries, on the SQL Kysely really generates: the server's own
// query functions are bundled with esbuild (as scripts/build-server.js does), run once against the
// benchmark's SQLite file with Kysely's query log on, and each logged statement is explained.
//   node bench/explain.js FILE.sqlite      (or called by bench/run.js after the load)
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
export { Kysely } from 'kysely';
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

/**
 * For each hot path, the statements it runs and their plans.
 * ids: a doctor id, a patient id and a [from, to) day of the generated data.
 */
export async function explainHotQueries(file, { doctorId, patientId, doctorDay }) {
  const q = await loadQueries();
  const { dialect, raw } = q.openSqlite(file);
  let captured = [];
  const db = new q.Kysely({ dialect, log: (event) => captured.push(event.query) });
  const now = new Date().toISOString();
  const in14 = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const paths = [
    ['session (every signed-in request)', () => q.findLiveSession(db, 'f'.repeat(64))],
    ['settings (slots, booking)', () => q.findSettings(db)],
    ['slots: doctor', () => q.findSchedulingDoctor(db, doctorId)],
    ['slots: weekly plan', () => q.listAvailabilityIntervals(db, doctorId)],
    ['slots: time off', () => q.listTimeOffOverlapping(db, doctorId, now, in14)],
    ['slots: busy appointments', () => q.listBusyAppointments(db, doctorId, now, in14)],
    ['upcoming (patient)', () => q.listAppointments(db, { patientId, statuses: ['requested', 'confirmed'], from: now, order: 'asc' }, 21)],
    ['doctor-day', () => q.listAppointments(db, { doctorId, from: doctorDay[0], to: doctorDay[1], order: 'asc' }, 51)],
    ['doctor-day: availability flag plans', () => q.listAvailabilityOfDoctors(db, [doctorId])],
    ['doctor-day: availability flag time off', () => q.listTimeOffOfDoctors(db, [doctorId], doctorDay[0], doctorDay[1])],
    ['book: open requests', () => q.countOpenRequests(db, patientId)],
    ['book: patient overlap', () => q.findPatientOverlap(db, patientId, now, in14)],
  ];
  const plans = [];
  try {
    for (const [name, run] of paths) {
      captured = [];
      await run();
      for (const query of captured) {
        const rows = raw.prepare(`explain query plan ${query.sql}`).all(...query.parameters);
        plans.push({ name, sql: query.sql, plan: rows.map((row) => row.detail) });
      }
    }
  } finally {
    await db.destroy();
  }
  return plans;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node bench/explain.js FILE.sqlite');
  const { default: Database } = await import('better-sqlite3');
  const probe = new Database(file, { readonly: true });
  const doctorId = probe.prepare('select id from doctors limit 1').get()?.id;
  const patientId = probe.prepare('select patient_id from appointments where status in (\'requested\', \'confirmed\') limit 1').get()?.patient_id;
  probe.close();
  const day = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const plans = await explainHotQueries(file, { doctorId, patientId, doctorDay: [day.toISOString(), new Date(day.getTime() + 86_400_000).toISOString()] });
  for (const plan of plans) console.log(`-- ${plan.name}\n${plan.sql}\n${plan.plan.map((line) => `   ${line}`).join('\n')}\n`);
}
