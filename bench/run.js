// `npm run bench`: load scenarios against the built app, compared with a bare node:http ceiling
// measured in the same run. See docs/performance.md.
//
//   npm run bench -- [--duration 10] [--connections 50] [--warmup 2] [--scenarios slots,book]
//                    [--doctors 200] [--patients 10000] [--appointments 10000]
//                    [--database sqlite|postgres] [--out results.json] [--keep]
//
// The app (node dist/server/main.js), the ceiling and each load generator run in their own processes,
// all on 127.0.0.1. With --database postgres the app runs against HMS_BENCH_DATABASE_URL, whose
// public schema is DROPPED and re-created first: point it at a throwaway database.
import { execFileSync, fork, spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explainHotQueries } from './explain.js';
import { dayStart, FUTURE_DAYS, isWeekday, MIN_PAST_DAYS, slotStart, SLOTS_PER_DAY } from './generate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = path.join(ROOT, 'bench');
const ALL_SCENARIOS = ['slots', 'upcoming', 'doctor-day', 'book', 'login', 'login-storm'];
const ADMIN = { email: 'admin@bench.hms.example.org', password: 'bench-Admin-Password-42' };
const PATIENT_SESSIONS = 64;
const DOCTOR_SESSIONS = 32;
const BOOK_QUEUE_MAX = 60_000;

const usage = `Usage: npm run bench -- [options]
  --duration S        seconds measured per scenario (10)
  --warmup S          seconds of warm-up before each (2)
  --connections N     concurrent connections (50)
  --scenarios a,b     subset of ${ALL_SCENARIOS.join(', ')} (the ceiling always runs)
  --storm a,b         what login-storm runs beside the sign-ins, each with its own connections (slots)
  --doctors N --patients N --appointments N   generated data (200, 10000, 10000)
  --days N            past days the appointments spread over (default: enough that half the slots are taken, at least 60)
  --database sqlite|postgres   postgres uses HMS_BENCH_DATABASE_URL (its public schema is wiped)
  --out FILE          write the results as JSON
  --keep              keep the temporary data directory
  --reuse DIR         SQLite: generate into DIR once (kept there as generated.sqlite with its manifest); later runs
                      with the same DIR start from a copy of it instead of generating again
  --profile DIR       run the app with --cpu-prof, writing its CPU profile into DIR on exit`;

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    scenarios: { type: 'string', default: ALL_SCENARIOS.join(',') },
    storm: { type: 'string', default: 'slots' },
    doctors: { type: 'string', default: '200' },
    patients: { type: 'string', default: '10000' },
    appointments: { type: 'string', default: '10000' },
    days: { type: 'string' },
    database: { type: 'string', default: 'sqlite' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    profile: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log(usage);
  process.exit(0);
}
const duration = Number(opts.duration);
const warmup = Number(opts.warmup);
const connections = Number(opts.connections);
const scenarios = opts.scenarios.split(',').map((s) => s.trim()).filter(Boolean);
for (const s of scenarios) if (!ALL_SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; choose from ${ALL_SCENARIOS.join(', ')}`);
const STORM_COMPANIONS = ['slots', 'upcoming', 'doctor-day', 'book'];
const storm = opts.storm.split(',').map((s) => s.trim()).filter(Boolean);
for (const s of storm) if (!STORM_COMPANIONS.includes(s)) throw new Error(`--storm takes ${STORM_COMPANIONS.join(', ')} (got ${s})`);
if (!['sqlite', 'postgres'].includes(opts.database)) throw new Error('--database is sqlite or postgres');
const databaseUrl = opts.database === 'postgres' ? process.env.HMS_BENCH_DATABASE_URL : null;
if (opts.database === 'postgres' && !databaseUrl) throw new Error('--database postgres needs HMS_BENCH_DATABASE_URL');
if (opts.reuse && databaseUrl) throw new Error('--reuse works on SQLite only');

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const load1 = () => Number(os.loadavg()[0].toFixed(2));
const children = new Set();

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system, every thread) a process has used so far, in ms; null where /proc is not there. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function runToEnd(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
  });
}

function startServer(args, env) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function waitForHttp(url, child, seconds = 60) {
  for (let i = 0; i < seconds * 5; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/**
 * Waits (at most 60 s each) until the app answers /api/health quickly three times in a row and, after
 * a login scenario, until a sign-in answers within a second: work of the previous scenario still queued
 * in the server (a closed connection does not cancel a password hash, and /api/health does not wait
 * for the hashing threads) must not be billed to the next one.
 */
async function settle(base, signInProbe) {
  const timed = async (probe) => {
    const started = performance.now();
    try {
      await probe();
    } catch {
      return Infinity;
    }
    return performance.now() - started;
  };
  let quick = 0;
  for (let i = 0; i < 300 && quick < 3; i++) {
    quick = (await timed(() => fetch(`${base}/api/health`))) < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let signedIn = !signInProbe;
  for (let i = 0; i < 60 && !signedIn; i++) signedIn = (await timed(signInProbe)) < 1000;
  if (quick < 3 || !signedIn) log('the app did not settle within 60 s; measuring anyway');
}

async function stopAll() {
  await Promise.all([...children].map((child) => new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  })));
}

async function signIn(base, email, password) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
  const body = await response.json();
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('hms_session='));
  if (!cookie) throw new Error(`login of ${email} set no session cookie`);
  return { cookie, csrfToken: body.csrfToken, patientId: body.user.patientId ?? null, doctorId: body.user.doctorId ?? null };
}

async function signInMany(base, emails, password, parallel = 4) {
  const sessions = [];
  for (let i = 0; i < emails.length; i += parallel) {
    sessions.push(...(await Promise.all(emails.slice(i, i + parallel).map((email) => signIn(base, email, password)))));
    process.stderr.write(`\r  sessions: ${sessions.length}/${emails.length}`);
  }
  process.stderr.write('\n');
  return sessions;
}

/** Bookings need no notice, a far horizon and automatic approval (no open-request limit applies). */
async function configureHospital(base) {
  const admin = await signIn(base, ADMIN.email, ADMIN.password);
  const current = await (await fetch(`${base}/api/settings`, { headers: { cookie: admin.cookie } })).json();
  const { updatedAt: _updatedAt, ...settings } = current;
  const body = { ...settings, approvalMode: 'auto', minNoticeMinutes: 0, maxOpenRequestsPerPatient: 50, bookingHorizonDays: 365 };
  const response = await fetch(`${base}/api/settings`, {
    method: 'PUT', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT /api/settings answered ${response.status}: ${await response.text()}`);
}

/** Free (doctor, start) pairs after the generated appointments, each with a patient who has nothing else at that time. */
function bookQueue(doctorIds, patientCount, firstFreeDay) {
  const queue = [];
  const perStart = Math.min(doctorIds.length, patientCount);
  let rotation = 0;
  for (let offset = firstFreeDay; offset < 360 && queue.length < BOOK_QUEUE_MAX; offset++) {
    const day = dayStart(offset);
    if (!isWeekday(day)) continue;
    for (let slot = 0; slot < SLOTS_PER_DAY && queue.length < BOOK_QUEUE_MAX; slot++) {
      const start = slotStart(day, slot).toISOString();
      for (let k = 0; k < perStart; k++) queue.push({ session: k, doctorId: doctorIds[(rotation + k) % doctorIds.length], start });
      rotation += perStart;
    }
  }
  return queue;
}

/**
 * Runs one scenario in its own load process. `server` (a child process) has its CPU time read over the
 * measured window: cpuMs is then the server's CPU milliseconds per request answered, a figure the other work
 * on a shared machine disturbs far less than req/s or latency.
 */
function runLoad(scenario, url, dataFile, tmp, server = null, bookOffset = 0) {
  const jobFile = path.join(tmp, `job-${scenario}.json`);
  writeFileSync(jobFile, JSON.stringify({ scenario, url, duration, warmup, connections, data: dataFile, bookOffset }));
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH, 'load.js'), [jobFile], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(child);
    let result = null;
    let cpuAtStart = null;
    child.on('message', (message) => {
      if (message?.phase === 'measuring') {
        cpuAtStart = server ? cpuMs(server.pid) : null;
        return;
      }
      const cpuAtEnd = server ? cpuMs(server.pid) : null;
      const answered = message.requests - message.timeouts;
      result = { ...message, cpuMs: cpuAtStart !== null && cpuAtEnd !== null && answered > 0 ? (cpuAtEnd - cpuAtStart) / answered : null };
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      children.delete(child);
      if (result) resolve(result);
      else reject(new Error(`the ${scenario} load generator exited with ${code} and no result`));
    });
  });
}

const fmt = (n, digits = 1) => (typeof n === 'number' ? n.toFixed(digits) : String(n));

function printTable(ceiling, rows) {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'errors', 'cpu ms/req', 'load1'];
  const cpu = (r) => (r.cpuMs === null || r.cpuMs === undefined ? '—' : fmt(r.cpuMs, 3));
  const lines = [
    ['ceiling', fmt(ceiling.rps, 0), fmt(ceiling.p50), fmt(ceiling.p99), '1.000', String(ceiling.errors), cpu(ceiling), fmt(ceiling.load1, 2)],
    ...rows.map((r) => [r.name, fmt(r.rps, 0), fmt(r.p50), fmt(r.p99), fmt(r.ratio, 3), String(r.errors), cpu(r), fmt(r.load1, 2)]),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(row(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(row(l));
}

async function resetPostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hms-bench-'));
  const startLoad = load1();
  log(`node ${process.version}, ${os.cpus().length} cpus, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; data in ${tmp}`);
  const appPort = await freePort();
  const ceilingPort = await freePort();
  const env = {
    ...process.env,
    HMS_DATA_DIR: tmp, HMS_LOG_LEVEL: 'warn', HMS_AUTH_RATE_LIMIT: '1000000', HMS_TIME_ZONE: 'UTC',
    HMS_ADMIN_EMAIL: ADMIN.email, HMS_ADMIN_PASSWORD: ADMIN.password, HOST: '127.0.0.1', PORT: String(appPort),
  };
  delete env.DATABASE_URL;
  delete env.HMS_SMTP_URL;
  if (databaseUrl) {
    log('emptying the PostgreSQL database of HMS_BENCH_DATABASE_URL');
    await resetPostgres(databaseUrl);
    env.DATABASE_URL = databaseUrl;
  }
  const sqliteFile = path.join(tmp, 'hms.sqlite');
  const manifestFile = path.join(tmp, 'manifest.json');
  try {
    const kept = opts.reuse ? { sqlite: path.join(opts.reuse, 'generated.sqlite'), manifest: path.join(opts.reuse, 'manifest.json') } : null;
    if (kept && existsSync(kept.sqlite) && existsSync(kept.manifest)) {
      log(`copying the data generated before in ${opts.reuse} (the options of that run apply, not these)`);
      copyFileSync(kept.sqlite, sqliteFile);
      copyFileSync(kept.manifest, manifestFile);
      // Written to disk now, so the copy's write-back does not stall the measured fsyncs.
      const copy = openSync(sqliteFile, 'r+');
      fsyncSync(copy);
      closeSync(copy);
    } else {
      log('migrating');
      await runToEnd(['bin/hms.js', 'migrate'], env);
      log('generating data');
      await runToEnd([
        'bench/generate.js', ...(databaseUrl ? ['--postgres', databaseUrl] : ['--sqlite', sqliteFile]), '--manifest', manifestFile,
        '--doctors', opts.doctors, '--patients', opts.patients, '--appointments', opts.appointments, ...(opts.days ? ['--days', opts.days] : []),
      ], env);
      if (kept) {
        mkdirSync(opts.reuse, { recursive: true });
        copyFileSync(sqliteFile, kept.sqlite);
        copyFileSync(manifestFile, kept.manifest);
      }
    }
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

    log(`starting the app on 127.0.0.1:${appPort} and the ceiling on 127.0.0.1:${ceilingPort}`);
    const profile = opts.profile ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve(opts.profile)}`] : [];
    const app = startServer([...profile, 'dist/server/main.js'], env);
    const ceilingServer = startServer(['bench/ceiling.js', String(ceilingPort)], env);
    const base = `http://127.0.0.1:${appPort}`;
    await Promise.all([waitForHttp(`${base}/api/health`, app), waitForHttp(`http://127.0.0.1:${ceilingPort}/`, ceilingServer)]);

    log('configuring the hospital and signing in a pool of patients and doctors');
    await configureHospital(base);
    const patientSessions = await signInMany(base, manifest.patientEmails.slice(0, PATIENT_SESSIONS), manifest.password);
    const doctorSessions = await signInMany(base, manifest.doctors.slice(0, DOCTOR_SESSIONS).map((d) => d.email), manifest.password);
    const doctorIds = manifest.doctors.map((d) => d.id);
    const doctorDays = [];
    // A doctor looks at the weeks around now, whatever the history's length: the same days at every scale.
    for (let offset = -Math.min(manifest.pastDays, MIN_PAST_DAYS); offset <= FUTURE_DAYS; offset++) {
      const day = dayStart(offset);
      if (isWeekday(day)) doctorDays.push([day.toISOString(), new Date(day.getTime() + 86_400_000).toISOString()]);
    }
    const booking = scenarios.includes('book') || (scenarios.includes('login-storm') && storm.includes('book'));
    const queue = booking ? bookQueue(doctorIds, patientSessions.length, manifest.firstFreeDay) : [];
    const dataFile = path.join(tmp, 'load-data.json');
    writeFileSync(dataFile, JSON.stringify({
      password: manifest.password, patientSessions, doctorSessions, doctorIds, doctorDays, bookQueue: queue,
      loginEmails: manifest.patientEmails.slice(0, 1000),
      slotsFrom: dayStart(0).toISOString().slice(0, 10), slotsTo: dayStart(13).toISOString().slice(0, 10),
    }));

    const measure = async (name, url, server) => {
      const before = load1();
      log(`${name}: ${warmup} s warm-up, ${duration} s at ${connections} connections (load average ${before})`);
      return { ...(await runLoad(name, url, dataFile, tmp, server)), load1: before };
    };
    const ceiling = await measure('ceiling', `http://127.0.0.1:${ceilingPort}`, ceilingServer);
    const rows = [];
    const row = (name, result) => ({ name, ...result, ratio: result.rps / ceiling.rps });
    const probe = () => signIn(base, manifest.patientEmails[0], manifest.password);
    let previous = null;
    let bookUsed = 0;
    for (const scenario of scenarios) {
      await settle(base, previous?.startsWith('login') ? probe : null);
      previous = scenario;
      if (scenario === 'login-storm') {
        const before = load1();
        log(`login-storm: login and ${storm.join(', ')} at once, ${connections} connections each (load average ${before})`);
        const [login, ...others] = await Promise.all([runLoad('login', base, dataFile, tmp), ...storm.map((name) => runLoad(name, base, dataFile, tmp, null, bookUsed))]);
        rows.push(row('login-storm:login', { ...login, load1: before }));
        storm.forEach((name, i) => rows.push(row(`login-storm:${name}`, { ...others[i], load1: before })));
      } else {
        rows.push(row(scenario, await measure(scenario, base, app)));
      }
      // The next booking run starts past every free slot this one may have taken.
      const booked = rows.filter((r) => r.name.endsWith('book')).reduce((sum, r) => sum + r.sent, 0);
      if (booked > bookUsed) {
        bookUsed = booked;
        if (bookUsed > queue.length) log(`book: the queue of ${queue.length} free slots ran out (${booked} requests): later requests were 409s`);
      }
    }
    await stopAll();

    log(`${databaseUrl ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} and median time of the hot queries`);
    const plans = await explainHotQueries(databaseUrl ?? sqliteFile, {
      doctorId: doctorIds[0], patientId: patientSessions[0]?.patientId, doctorDay: doctorDays.at(-(FUTURE_DAYS - 4)) ?? doctorDays[0],
    });

    console.log(`\nHMS bench — node ${process.version}, ${os.cpus().length} cpus, ${opts.database}, ${connections} connections, ${duration} s per scenario`);
    const { counts } = manifest;
    console.log(`data: ${counts.doctors} doctors, ${counts.patients} patients, ${counts.appointments} appointments over ${manifest.pastDays} past days; load average at start ${startLoad}\n`);
    printTable(ceiling, rows);
    console.log('\nreq/s counts 2xx answers only; errors = non-2xx + socket errors + timeouts (10 s);\nrequests still in flight when a window closes (at most one per connection) are not counted either way;\ncpu ms/req = CPU time of the server process (all its threads) over the window ÷ requests answered.');
    const failed = rows.filter((r) => r.errors > 0);
    if (failed.length > 0) {
      console.log('\nerrors:');
      for (const r of failed) console.log(`  ${r.name}: ${r.non2xx} non-2xx, ${r.socketErrors} socket errors, ${r.timeouts} timeouts; status codes ${JSON.stringify(r.statusCodes)}`);
    }
    if (plans) {
      console.log(`\nquery plans (${opts.database}) and median time per call:`);
      for (const plan of plans) console.log(`  ${plan.name} [${plan.medianUs} µs]: ${plan.plan.map((line) => line.trim()).join(' | ')}`);
    }
    if (opts.out) {
      const pick = (r) => ({ name: r.name, rps: r.rps, p50: r.p50, p99: r.p99, ratio: r.ratio, errors: r.errors, non2xx: r.non2xx, timeouts: r.timeouts, cpuMs: r.cpuMs ?? null, load1: r.load1 });
      writeFileSync(opts.out, `${JSON.stringify({
        node: process.version, cpus: os.cpus().length, database: opts.database, connections, duration, loadAverage: startLoad,
        data: { ...counts, pastDays: manifest.pastDays },
        ceiling: { rps: ceiling.rps, p50: ceiling.p50, p99: ceiling.p99, errors: ceiling.errors, cpuMs: ceiling.cpuMs },
        scenarios: rows.map(pick),
        plans,
      }, null, 2)}\n`);
      log(`wrote ${opts.out}`);
    }
  } finally {
    await stopAll();
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}

await main();
