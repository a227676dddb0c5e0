// The load generator: one scenario per process, driven by autocannon. Forked by bench/run.js with
// the path of a JSON job file; answers its result over IPC (or prints it when run by hand).
//   job: { scenario, url, duration, warmup, connections, data }  — data: the file written by run.js
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const data = JSON.parse(readFileSync(job.data, 'utf8'));

function rotate(list) {
  let i = 0;
  return () => list[i++ % list.length];
}

const withSession = (session, headers = {}) => ({ cookie: session.cookie, ...headers });

/** One autocannon `requests` entry whose setupRequest builds each request afresh. */
function scenarioRequests(name) {
  const patient = rotate(data.patientSessions);
  const doctor = rotate(data.doctorSessions);
  switch (name) {
    case 'ceiling':
      return [{ method: 'GET', path: '/' }];
    case 'slots': {
      const doctorId = rotate(data.doctorIds);
      return [{
        setupRequest: (req) => ({
          ...req, method: 'GET', path: `/api/doctors/${doctorId()}/slots?from=${data.slotsFrom}&to=${data.slotsTo}`, headers: withSession(patient()),
        }),
      }];
    }
    case 'upcoming': {
      const from = encodeURIComponent(new Date().toISOString());
      return [{
        setupRequest: (req) => ({
          ...req, method: 'GET', path: `/api/appointments?from=${from}&status=requested&status=confirmed&order=asc&limit=20`, headers: withSession(patient()),
        }),
      }];
    }
    case 'doctor-day': {
      const day = rotate(data.doctorDays);
      return [{
        setupRequest: (req) => {
          const [from, to] = day();
          return { ...req, method: 'GET', path: `/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, headers: withSession(doctor()) };
        },
      }];
    }
    case 'book': {
      // Each request books a different free slot; past the end of the queue it wraps around (409s, counted).
      const next = rotate([...data.bookQueue.slice(job.bookOffset ?? 0), ...data.bookQueue.slice(0, job.bookOffset ?? 0)]);
      return [{
        setupRequest: (req) => {
          const item = next();
          const session = data.patientSessions[item.session];
          return {
            ...req, method: 'POST', path: '/api/appointments',
            headers: withSession(session, { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }),
            body: JSON.stringify({ doctorId: item.doctorId, start: item.start, reason: 'Bench booking' }),
          };
        },
      }];
    }
    case 'login': {
      const email = rotate(data.loginEmails);
      return [{
        setupRequest: (req) => ({
          ...req, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: email(), password: data.password }),
        }),
      }];
    }
    default:
      throw new Error(`unknown scenario ${name}`);
  }
}

function run(requests, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url: job.url, connections: job.connections, duration, requests, timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const requests = scenarioRequests(job.scenario);
const warm = job.warmup > 0 ? await run(requests, job.warmup) : null;
// Tells run.js the measured window starts (it reads the app's CPU time then).
if (process.send) await new Promise((resolve) => process.send({ phase: 'measuring' }, resolve));
const result = await run(requests, job.duration);
const ok = result['2xx'];
const summary = {
  rps: ok / result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  // Every request sent, warm-up included, plus at most one in flight per connection at each window's end.
  sent: (warm?.requests.sent ?? 0) + result.requests.sent + 2 * job.connections,
  // autocannon counts a timeout both as an error and as a timeout.
  errors: result.non2xx + result.errors,
  non2xx: result.non2xx,
  socketErrors: result.errors - result.timeouts,
  timeouts: result.timeouts,
  statusCodes: result.statusCodeStats,
};
if (process.send) process.send(summary, () => process.exit(0));
else console.log(JSON.stringify(summary));
