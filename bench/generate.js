// Bench-only data generator: writes doctors (with weekly availability), patients with logins and
// appointments straight into a freshly migrated HMS database (SQLite file or PostgreSQL), in batched
// multi-row inserts inside large transactions, with progress on stderr. Not for production data: no audit
// rows, no appointment history, no notifications.
//
//   node bench/generate.js --sqlite data/hms.sqlite --manifest out.json [--doctors 200] [--patients 10000] [--appointments 10000] [--days N]
//   node bench/generate.js --postgres postgres://… --manifest out.json …
//
// Appointments lie between `--days` days ago (by default: enough weekdays that half of all slots are taken)
// and FUTURE_DAYS ahead, at most one per doctor and slot, so no two of a doctor's overlap.
//
// On SQLite the appointments, patients and users tables are loaded without their secondary indexes and
// triggers: they are dropped first and re-created afterwards from the very statements the migrations left in
// sqlite_master, which is then checked to be what it was. Generation is streamed: memory does not grow with
// the number of appointments.
//
// The manifest (JSON) lists what the load generator needs: the shared password, doctor ids and emails, the
// first patients' emails, the number of past days, and the first day offset left free for bookings.
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
/** Generated appointments end FUTURE_DAYS after today; later days are left free for bookings. */
export const FUTURE_DAYS = 14;
/** The fewest past days generated (the default volume's range). */
export const MIN_PAST_DAYS = 60;
/** The share of a doctor's slots that may be taken at most, and the one aimed at when --days is not given. */
const MAX_FILL = 0.9;
const DEFAULT_FILL = 0.5;
/** Patient emails listed in the manifest (sessions and sign-ins use the first ones). */
const MANIFEST_PATIENTS = 1000;
export const patientEmail = (i) => `patient-${i}@bench.hms.example.org`;
export const doctorEmail = (i) => `doctor-${i}@bench.hms.example.org`;

/** Midnight UTC of today plus `offset` days. */
export function dayStart(offset, now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + offset * DAY_MS);
}
export const isWeekday = (date) => date.getUTCDay() >= 1 && date.getUTCDay() <= 5;
export const slotStart = (day, slot) => new Date(day.getTime() + (DAY_START_MINUTE + slot * SLOT_MINUTES) * 60_000);

/** Past days needed so that `appointments` fill at most `fill` of the doctors' slots. */
export function pastDaysFor(doctors, appointments, fill = DEFAULT_FILL) {
  const weekdays = Math.ceil(appointments / Math.max(1, doctors) / SLOTS_PER_DAY / fill);
  return Math.max(MIN_PAST_DAYS, Math.ceil((weekdays * 7) / 5) + 7 - FUTURE_DAYS);
}

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
/** Primes larger than any slot count here: stepping through a doctor's slots by one visits each exactly once. */
const STRIDES = [1_000_003, 1_000_033, 1_000_037, 1_000_039, 1_000_081, 1_000_099, 1_000_117, 1_000_121];

/** x⁻¹ mod m, for x and m without a common divisor. */
function modularInverse(x, m) {
  let [a, b, u, v] = [x % m, m, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b, u, v] = [b, a - q * b, v, u - q * v];
  }
  return ((u % m) + m) % m;
}

/** Progress on stderr: done/total, rows per second and time left, at most about once a second. */
function progress(label, total) {
  const started = Date.now();
  let shown = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && now - shown < 1000) return;
    shown = now;
    const seconds = (now - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const left = done < total ? `, ${Math.ceil((total - done) / Math.max(rate, 1))} s left` : ` in ${seconds.toFixed(1)} s`;
    process.stderr.write(`\r  ${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s${left})   `);
    if (done === total) process.stderr.write('\n');
  };
}

/** SQLite through better-sqlite3 (the driver the server uses on this Node version). */
function sqliteBackend(file) {
  const require = createRequire(import.meta.url);
  const major = Number(process.versions.node.split('.')[0]);
  const Driver = require(major >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3');
  const db = new Driver(file);
  // Bulk load: no rollback journal, no fsync, a large page cache; checked and set back in finish().
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const schemaOf = (tables) => db.prepare(
    `select type, name, tbl_name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')}) order by type, name`,
  ).all(...tables);
  let saved = [];
  let tables = [];
  return {
    async query(sql) {
      return db.prepare(sql).all();
    },
    /** Drops the tables' secondary indexes and triggers (kept to be re-created by finish()). */
    async prepareBulk(names) {
      tables = names;
      saved = schemaOf(names);
      for (const item of saved) db.exec(`drop ${item.type} ${item.name}`);
    },
    /** Inserts batches of rows (arrays of column values) in one transaction per batch. */
    async insert(table, columns, batches) {
      const statements = new Map();
      const statementFor = (rows) => {
        let statement = statements.get(rows);
        if (!statement) {
          const tuple = `(${columns.map(() => '?').join(', ')})`;
          statement = db.prepare(`insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}`);
          statements.set(rows, statement);
        }
        return statement;
      };
      const per = Math.max(1, Math.floor(30_000 / columns.length));
      const write = db.transaction((batch) => {
        for (let i = 0; i < batch.length; i += per) {
          const chunk = batch.slice(i, i + per);
          statementFor(chunk.length).run(chunk.flat());
        }
      });
      for (const batch of batches) write(batch);
    },
    /** Re-creates what prepareBulk dropped, checks the schema is as migrated, and returns the file to WAL mode. */
    async finish(report) {
      for (const item of [...saved.filter((s) => s.type === 'index'), ...saved.filter((s) => s.type === 'trigger')]) {
        const started = Date.now();
        db.exec(item.sql);
        report(`${item.type} ${item.name}`, Date.now() - started);
      }
      const now = schemaOf(tables);
      if (JSON.stringify(now) !== JSON.stringify(saved)) throw new Error('the re-created indexes and triggers differ from the migrated ones');
      db.pragma('foreign_keys = ON');
      const broken = db.prepare('pragma foreign_key_check').all();
      if (broken.length > 0) throw new Error(`generated rows break ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
      db.pragma('journal_mode = WAL');
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
    async prepareBulk() {},
    async insert(table, columns, batches) {
      const per = Math.max(1, Math.floor(60_000 / columns.length));
      for (const batch of batches) {
        await client.query('begin');
        for (let i = 0; i < batch.length; i += per) {
          const chunk = batch.slice(i, i + per);
          const tuples = chunk.map((_, r) => `(${columns.map((__, k) => `$${r * columns.length + k + 1}`).join(', ')})`);
          await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, chunk.flat());
        }
        await client.query('commit');
      }
      await client.query(`analyze ${table}`);
    },
    async finish() {},
    async close() {
      await client.end();
    },
  };
}

const BATCH = 20_000;

/** Batches of `BATCH` rows made by `row(i)` for i < count, reporting progress as they are consumed. */
function* batches(label, count, row) {
  const tick = progress(label, count);
  for (let start = 0; start < count; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) batch.push(row(i));
    yield batch;
    tick(Math.min(count, start + BATCH));
  }
  if (count === 0) tick(0);
}

export async function generate({ backend, doctors, patients, appointments, days = null, seed = 7 }) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const now = new Date();
  const at = now.toISOString();
  const started = Date.now();
  const pastDays = days ?? pastDaysFor(doctors, appointments);

  process.stderr.write('  hashing the shared password (once)\n');
  const passwordHash = await hash(BENCH_PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const specializations = (await backend.query('select id from specializations order by name')).map((row) => row.id);
  if (specializations.length === 0) throw new Error('no specializations: is the database migrated?');

  // Working days of the range and every (day, slot) start, as ISO text, computed once.
  const dayList = [];
  for (let offset = -pastDays; offset <= FUTURE_DAYS; offset++) {
    const day = dayStart(offset, now);
    if (isWeekday(day)) dayList.push(day);
  }
  const slotCount = dayList.length * SLOTS_PER_DAY;
  if (appointments > Math.floor(doctors * slotCount * MAX_FILL)) {
    throw new Error(`at most ${Math.floor(doctors * slotCount * MAX_FILL)} appointments fit ${doctors} doctors over ${dayList.length} working days: give more --days`);
  }
  const starts = [];
  const ends = [];
  for (const day of dayList) {
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const start = slotStart(day, slot);
      starts.push(start.toISOString());
      ends.push(new Date(start.getTime() + SLOT_MINUTES * 60_000).toISOString());
    }
  }

  const doctorIds = Array.from({ length: doctors }, () => uuidv7());
  const doctorUserIds = Array.from({ length: doctors }, () => uuidv7());
  const patientIds = Array.from({ length: patients }, () => uuidv7());
  const patientUserIds = Array.from({ length: patients }, () => uuidv7());

  await backend.prepareBulk(['users', 'doctors', 'availability_intervals', 'patients', 'appointments']);
  const userColumns = ['id', 'email', 'name', 'role', 'password_hash', 'active', 'must_change_password', 'created_at', 'updated_at'];
  const doctorNames = Array.from({ length: doctors }, (_, i) => `Dr ${pick(FIRST)} ${pick(LAST)} ${i}`);
  await backend.insert('users', userColumns, batches('doctor users', doctors, (i) => [doctorUserIds[i], doctorEmail(i), doctorNames[i], 'doctor', passwordHash, 1, 0, at, at]));
  await backend.insert('doctors', [
    'id', 'user_id', 'name', 'phone', 'specialization_id', 'department', 'bio', 'years_experience', 'fee_minor', 'fee_currency', 'languages',
    'public_email', 'public_phone', 'slot_minutes', 'photo_content_type', 'photo_base64', 'active', 'created_at', 'updated_at',
  ], batches('doctors', doctors, (i) => [
    doctorIds[i], doctorUserIds[i], doctorNames[i], `+44 20 7946 ${String(i % 10_000).padStart(4, '0')}`, specializations[i % specializations.length],
    null, null, 5 + (i % 30), 5000, 'GBP', '["en"]', 0, 0, SLOT_MINUTES, null, null, 1, at, at,
  ]));
  await backend.insert('availability_intervals', ['id', 'doctor_id', 'weekday', 'start_minute', 'end_minute'],
    batches('availability', doctors * 5, (i) => [uuidv7(), doctorIds[Math.floor(i / 5)], (i % 5) + 1, DAY_START_MINUTE, DAY_END_MINUTE]));

  const patientName = (i) => `${FIRST[(i * 7 + 3) % FIRST.length]} ${LAST[(i * 11 + 5) % LAST.length]} ${i}`;
  await backend.insert('users', userColumns, batches('patient users', patients, (i) => [patientUserIds[i], patientEmail(i), patientName(i), 'patient', passwordHash, 1, 0, at, at]));
  const genders = ['female', 'male', 'other', 'undisclosed'];
  await backend.insert('patients', [
    'id', 'user_id', 'name', 'date_of_birth', 'gender', 'phone', 'email', 'address', 'emergency_contact_name', 'emergency_contact_phone',
    'blood_group', 'active', 'created_at', 'updated_at', 'search_text',
  ], batches('patients', patients, (i) => {
    const email = patientEmail(i);
    const phone = `+44 7700 ${String(100_000 + (i % 900_000)).slice(-6)}`;
    const name = patientName(i);
    return [patientIds[i], patientUserIds[i], name, `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`, genders[i % 4], phone, email,
      null, null, null, null, 1, at, at, `${name} ${email} ${phone}`.toLowerCase()];
  }));

  // Which slots each doctor's appointments take: the k-th takes slot (offset + k × stride) mod slotCount, a
  // permutation of the doctor's slots since the stride is a prime that does not divide slotCount; so slot s is
  // taken when its k = (s − offset) × stride⁻¹ mod slotCount is below the doctor's count. Rows are written in
  // time order, slot by slot across doctors, as a hospital's bookings arrive: rows of one week lie together.
  const perDoctor = Math.floor(appointments / Math.max(1, doctors));
  const extra = appointments - perDoctor * doctors;
  const plans = Array.from({ length: doctors }, (_, d) => {
    const stride = STRIDES[d % STRIDES.length] % slotCount || 1;
    return { count: perDoctor + (d < extra ? 1 : 0), offset: Math.floor(rand() * slotCount), inverse: modularInverse(stride, slotCount) };
  });
  const taken = function* () {
    for (let slot = 0; slot < slotCount; slot++) {
      for (let d = 0; d < doctors; d++) {
        const { count, offset, inverse } = plans[d];
        if (((slot - offset + slotCount) * inverse) % slotCount < count) yield [d, slot];
      }
    }
  }();
  const nowIso = at;
  await backend.insert('appointments', [
    'id', 'doctor_id', 'patient_id', 'start_at', 'end_at', 'status', 'reason', 'decision_note', 'sequence', 'created_by', 'created_at', 'updated_at',
  ], batches('appointments', doctors > 0 && patients > 0 ? appointments : 0, (i) => {
    const [doctor, slot] = taken.next().value;
    const start = starts[slot];
    const r = rand();
    const status = start < nowIso
      ? (r < 0.7 ? 'completed' : r < 0.8 ? 'no_show' : r < 0.95 ? 'cancelled' : 'rejected')
      : (r < 0.4 ? 'requested' : r < 0.85 ? 'confirmed' : 'cancelled');
    const patient = Math.floor(rand() * patients);
    return [uuidv7(), doctorIds[doctor], patientIds[patient], start, ends[slot], status, REASONS[i % REASONS.length], null, 0, patientUserIds[patient], at, at];
  }));

  await backend.finish((what, ms) => process.stderr.write(`  re-created ${what} (${(ms / 1000).toFixed(1)} s)\n`));
  process.stderr.write(`  generated ${doctors} doctors, ${patients} patients, ${appointments} appointments over ${pastDays} past days in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return {
    password: BENCH_PASSWORD,
    generatedAt: at,
    counts: { doctors, patients, appointments },
    pastDays,
    doctors: doctorIds.map((id, i) => ({ id, email: doctorEmail(i) })),
    patientEmails: Array.from({ length: Math.min(patients, MANIFEST_PATIENTS) }, (_, i) => patientEmail(i)),
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
      days: { type: 'string' },
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
      days: values.days === undefined ? null : Number(values.days),
    });
    if (values.manifest) writeFileSync(values.manifest, JSON.stringify(manifest));
  } finally {
    await backend.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await main();
}
