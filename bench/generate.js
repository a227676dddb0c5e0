// Bench-only data generator: writes doctors (with weekly availability), patients with logins and
// appointments straight into a freshly migrated HMS database (SQLite file or PostgreSQL), in batched
// transactions. Not for production data: no audit rows, no appointment history, no notifications.
//
//   node bench/generate.js --sqlite data/hms.sqlite --manifest out.json [--doctors 200] [--patients 10000] [--appointments 10000]
//   node bench/generate.js --postgres postgres://… --manifest out.json …
//
// The manifest (JSON) lists what the load generator needs: the shared password, doctor ids and emails,
// patient emails, and the first day offset left free for bookings.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { uuidv7 } from 'uuidv7';

export const BENCH_PASSWORD = 'bench-Horse-Battery-Staple-7';
export const DAY_MS = 86_400_000;
/** Availability: Monday–Friday 09:00–17:00, 30-minute slots. */
export const DAY_START_MINUTE = 9 * 60;
export const DAY_END_MINUTE = 17 * 60;
export const SLOT_MINUTES = 30;
export const SLOTS_PER_DAY = (DAY_END_MINUTE - DAY_START_MINUTE) / SLOT_MINUTES;
/** Generated appointments lie in [PAST_DAYS before today, FUTURE_DAYS after]; later days are left free for bookings. */
export const PAST_DAYS = 60;
export const FUTURE_DAYS = 14;
export const patientEmail = (i) => `patient-${i}@bench.hms.example.org`;
export const doctorEmail = (i) => `doctor-${i}@bench.hms.example.org`;

/** Midnight UTC of today plus `offset` days. */
export function dayStart(offset, now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY_MS);
}
export const isWeekday = (date) => date.getUTCDay() >= 1 && date.getUTCDay() <= 5;
export const slotStart = (day, slot) => new Date(day.getTime() + (DAY_START_MINUTE + slot * SLOT_MINUTES) * 60_000);

// A small deterministic PRNG (mulberry32), so two runs generate the same data.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jon', 'Kemi', 'Liam', 'Mina', 'Noor', 'Omar', 'Priya'];
const LAST = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Gupta', 'Hughes', 'Ito', 'Jones', 'Khan', 'Lopez', 'Moreau', 'Novak', 'Okafor', 'Patel'];
const REASONS = ['Check-up', 'Follow-up', 'Persistent cough', 'Back pain', 'Prescription review', 'Skin rash', 'Headaches', 'Blood test results'];

function progress(label, done, total) {
  process.stderr.write(`\r  ${label}: ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

/** SQLite through better-sqlite3 (the driver the server uses on this Node version). */
function sqliteBackend(file) {
  const require = createRequire(import.meta.url);
  const major = Number(process.versions.node.split('.')[0]);
  const Driver = require(major >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3');
  const db = new Driver(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return {
    async query(sql) {
      return db.prepare(sql).all();
    },
    async insert(table, rows, batch = 2000, label = table) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      const statement = db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
      const insertMany = db.transaction((chunk) => {
        for (const row of chunk) statement.run(row);
      });
      for (let i = 0; i < rows.length; i += batch) {
        insertMany(rows.slice(i, i + batch));
        progress(label, Math.min(i + batch, rows.length), rows.length);
      }
    },
    async close() {
      db.close();
    },
  };
}

/** PostgreSQL through pg: multi-row inserts, one transaction per batch. */
async function postgresBackend(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async query(sql) {
      return (await client.query(sql)).rows;
    },
    async insert(table, rows, batch = 500, label = table) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        const values = [];
        const tuples = chunk.map((row, r) => `(${columns.map((c, k) => {
          values.push(row[c]);
          return `$${r * columns.length + k + 1}`;
        }).join(', ')})`);
        await client.query('begin');
        await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
        await client.query('commit');
        progress(label, Math.min(i + batch, rows.length), rows.length);
      }
    },
    async close() {
      await client.end();
    },
  };
}

export async function generate({ backend, doctors, patients, appointments, seed = 7 }) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const now = new Date();
  const at = now.toISOString();
  const started = Date.now();

  process.stderr.write('  hashing the shared password (once)\n');
  const passwordHash = await hash(BENCH_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const specializations = (await backend.query('select id from specializations order by name')).map((row) => row.id);
  if (specializations.length === 0) throw new Error('no specializations: is the database migrated?');

  const users = [];
  const doctorRows = [];
  const intervals = [];
  for (let i = 0; i < doctors; i++) {
    const userId = uuidv7();
    const id = uuidv7();
    const name = `Dr ${pick(FIRST)} ${pick(LAST)} ${i}`;
    users.push({ id: userId, email: doctorEmail(i), name, role: 'doctor', password_hash: passwordHash, active: 1, must_change_password: 0, created_at: at, updated_at: at });
    doctorRows.push({
      id, user_id: userId, name, phone: `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}`, specialization_id: specializations[i % specializations.length],
      department: null, bio: null, years_experience: 5 + (i % 30), fee_minor: 5000, fee_currency: 'GBP', languages: '["en"]',
      public_email: 0, public_phone: 0, slot_minutes: SLOT_MINUTES, photo_content_type: null, photo_base64: null, active: 1, created_at: at, updated_at: at,
    });
    for (let weekday = 1; weekday <= 5; weekday++) {
      intervals.push({ id: uuidv7(), doctor_id: id, weekday, start_minute: DAY_START_MINUTE, end_minute: DAY_END_MINUTE });
    }
  }
  const patientRows = [];
  for (let i = 0; i < patients; i++) {
    const userId = uuidv7();
    const name = `${pick(FIRST)} ${pick(LAST)} ${i}`;
    const email = patientEmail(i);
    const phone = `+44 7700 ${String(100_000 + i).slice(-6)}`;
    users.push({ id: userId, email, name, role: 'patient', password_hash: passwordHash, active: 1, must_change_password: 0, created_at: at, updated_at: at });
    patientRows.push({
      id: uuidv7(), user_id: userId, name, date_of_birth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`, gender: pick(['female', 'male', 'other', 'undisclosed']),
      phone, email, address: null, emergency_contact_name: null, emergency_contact_phone: null, blood_group: null, active: 1, created_at: at, updated_at: at,
      search_text: `${name} ${email} ${phone}`.toLowerCase(),
    });
  }

  // Appointments: each (doctor, day, slot) used at most once, so no two of a doctor's overlap whatever their status.
  const days = [];
  for (let offset = -PAST_DAYS; offset <= FUTURE_DAYS; offset++) {
    const day = dayStart(offset, now);
    if (isWeekday(day)) days.push(day);
  }
  const capacity = doctors * days.length * SLOTS_PER_DAY;
  if (appointments > capacity * 0.9) throw new Error(`at most ${Math.floor(capacity * 0.9)} appointments fit ${doctors} doctors over ${days.length} working days`);
  const taken = new Set();
  const appointmentRows = [];
  const patientUser = new Map(patientRows.map((p) => [p.id, p.user_id]));
  for (let i = 0; i < appointments && patientRows.length > 0 && doctorRows.length > 0; i++) {
    const doctor = doctorRows[i % doctorRows.length];
    let day;
    let slot;
    let key;
    do {
      day = Math.floor(rand() * days.length);
      slot = Math.floor(rand() * SLOTS_PER_DAY);
      key = `${doctor.id}|${day}|${slot}`;
    } while (taken.has(key));
    taken.add(key);
    const start = slotStart(days[day], slot);
    const end = new Date(start.getTime() + SLOT_MINUTES * 60_000);
    const r = rand();
    const status = start < now
      ? (r < 0.7 ? 'completed' : r < 0.8 ? 'no_show' : r < 0.95 ? 'cancelled' : 'rejected')
      : (r < 0.4 ? 'requested' : r < 0.85 ? 'confirmed' : 'cancelled');
    const patient = patientRows[Math.floor(rand() * patientRows.length)];
    appointmentRows.push({
      id: uuidv7(), doctor_id: doctor.id, patient_id: patient.id, start_at: start.toISOString(), end_at: end.toISOString(), status,
      reason: pick(REASONS), decision_note: null, sequence: 0, created_by: patientUser.get(patient.id), created_at: at, updated_at: at,
    });
  }

  await backend.insert('users', users);
  await backend.insert('doctors', doctorRows);
  await backend.insert('availability_intervals', intervals);
  await backend.insert('patients', patientRows);
  await backend.insert('appointments', appointmentRows);
  process.stderr.write(`  generated ${doctors} doctors, ${patients} patients, ${appointmentRows.length} appointments in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return {
    password: BENCH_PASSWORD,
    generatedAt: at,
    doctors: doctorRows.map((d, i) => ({ id: d.id, email: doctorEmail(i) })),
    patientEmails: patientRows.map((_, i) => patientEmail(i)),
    firstFreeDay: FUTURE_DAYS + 1,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      sqlite: { type: 'string' },
      postgres: { type: 'string' },
      manifest: { type: 'string' },
      doctors: { type: 'string', default: '200' },
      patients: { type: 'string', default: '10000' },
      appointments: { type: 'string', default: '10000' },
    },
  });
  if (!values.sqlite === !values.postgres) throw new Error('give exactly one of --sqlite FILE or --postgres URL');
  const backend = values.sqlite ? sqliteBackend(values.sqlite) : await postgresBackend(values.postgres);
  try {
    const manifest = await generate({
      backend,
      doctors: Number(values.doctors),
      patients: Number(values.patients),
      appointments: Number(values.appointments),
    });
    if (values.manifest) writeFileSync(values.manifest, JSON.stringify(manifest));
  } finally {
    await backend.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await main();
}
