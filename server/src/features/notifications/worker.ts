import type { Deps } from '../../deps.ts';
import type { DeliveryJobsTable } from '../../db/types.ts';
import { parseMailbox } from './email.ts';
import { renderEmail, renderSms } from './messages.ts';
import { claimDueJobs, extendLeases, releaseClaim, settleJob, type Claim } from './outbox.queries.ts';
import { parseMessagePayload, REMINDER_KIND } from './payload.ts';
import { deliverReminder, LapsedClaim, reminderStillHolds } from './reminders.ts';
import type { Transports } from './transports.ts';

/** A job is tried this many times, then left 'dead' for an administrator to look at. */
export const MAX_ATTEMPTS = 6;
/**
 * How long a claimed job belongs to its process unless renewed (HMS_DELIVERY_LEASE_SECONDS). A heartbeat renews the
 * lease of every job the process holds every third of it, so only a process that died (or lost its database) lets
 * a lease run out, and its jobs are claimed again within this time.
 */
export const LEASE_MS = 20_000;
const BATCH_SIZE = 20;
const MAX_ROUNDS = 10;

export interface RunOptions {
  leaseMs?: number;
  /** Jobs sent at once per channel (email, text message, reminder). */
  concurrency?: number;
  /** Polled between jobs: once true, no new job starts and the claimed ones not started are given back. */
  stopping?: () => boolean;
}

/** 1, 2, 4, 8, 16 … minutes after the attempt that failed, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export type Outcome = 'sent' | 'failed' | 'dead' | 'skipped' | 'lapsed';
export type RunReport = Record<Outcome, number>;

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

async function fail(deps: Deps, transports: Transports, job: DeliveryJobsTable, claim: Claim, error: unknown): Promise<Outcome> {
  const now = deps.clock.now();
  const message = errorText(error);
  const dead = claim.attempts >= MAX_ATTEMPTS;
  const settled = await settleJob(deps.db, claim, dead
    ? { status: 'dead', last_error: message, updated_at: now.toISOString() }
    : { status: 'failed', last_error: message, next_attempt_at: new Date(now.getTime() + retryDelayMs(claim.attempts)).toISOString(), updated_at: now.toISOString() });
  transports.log.warn({ jobId: job.id, channel: job.channel, attempts: claim.attempts, error: message }, dead ? 'delivery given up' : 'delivery failed; will retry');
  if (!settled) return 'lapsed';
  return dead ? 'dead' : 'failed';
}

async function skip(deps: Deps, claim: Claim, reason: string): Promise<Outcome> {
  const settled = await settleJob(deps.db, claim, { status: 'skipped', last_error: reason, updated_at: deps.clock.now().toISOString() });
  return settled ? 'skipped' : 'lapsed';
}

/** Hands an email or text job to its transport; 'accepted' once the transport took it. */
async function send(deps: Deps, transports: Transports, job: DeliveryJobsTable, claim: Claim): Promise<Outcome | 'accepted'> {
  const payload = parseMessagePayload(job.payload);
  const now = deps.clock.now();
  if (payload.kind === REMINDER_KIND && !(await reminderStillHolds(deps.db, payload, now))) {
    return skip(deps, claim, 'The appointment no longer takes place at this time');
  }
  if (job.channel === 'email') {
    if (!transports.email) return skip(deps, claim, 'Email is not configured (HMS_SMTP_URL)');
    const content = renderEmail(payload, { publicUrl: deps.config.publicUrl, organizer: parseMailbox(transports.email.from), recipient: job.recipient, now });
    await transports.email.send({ to: job.recipient, subject: content.subject, text: content.text, html: content.html, invite: content.invite, messageId: `<${job.id}@hms>` });
    return 'accepted';
  }
  if (job.channel === 'sms') {
    await transports.sms.send({ to: job.recipient, body: renderSms(payload) });
    return 'accepted';
  }
  throw new Error(`Unknown delivery channel ${job.channel}`);
}

/**
 * Delivers one claimed job. Email and text messages are at-least-once: the job is marked 'sent' in its own commit
 * right after the transport accepts it, but if the process dies (or the database is unreachable) between that
 * acceptance and the commit, the job stays 'sending', its lease runs out, and it is sent again. The window is that
 * one commit; the email's Message-ID is stable per job, so a receiving server can drop the repeat.
 * Reminder jobs touch only the database and are exactly-once.
 */
async function deliver(deps: Deps, transports: Transports, job: DeliveryJobsTable): Promise<Outcome> {
  const claim: Claim = { id: job.id, attempts: job.attempts };
  if (claim.attempts > MAX_ATTEMPTS) {
    return fail(deps, transports, job, claim, new Error(job.last_error ?? 'Interrupted on every attempt'));
  }
  let result: Outcome | 'accepted';
  try {
    if (job.channel === 'reminder') return await deliverReminder(deps, job, claim);
    result = await send(deps, transports, job, claim);
  } catch (error) {
    if (error instanceof LapsedClaim) return 'lapsed';
    return fail(deps, transports, job, claim, error);
  }
  if (result !== 'accepted') return result;
  const at = deps.clock.now().toISOString();
  return (await settleJob(deps.db, claim, { status: 'sent', sent_at: at, updated_at: at })) ? 'sent' : 'lapsed';
}

/**
 * Claims and delivers every due job, batch by batch (reminders can make new jobs that are due at once). Each channel
 * sends up to `concurrency` jobs at once; while jobs are held, a heartbeat keeps their lease.
 */
export async function runDueJobs(deps: Deps, transports: Transports, options: RunOptions = {}): Promise<RunReport> {
  const leaseMs = options.leaseMs ?? deps.config.deliveryLeaseSeconds * 1000;
  const concurrency = options.concurrency ?? deps.config.deliveryConcurrency;
  const stopping = options.stopping ?? (() => false);
  const report: RunReport = { sent: 0, failed: 0, dead: 0, skipped: 0, lapsed: 0 };
  const held = new Map<string, Claim>();
  const renew = () => {
    const until = new Date(deps.clock.now().getTime() + leaseMs).toISOString();
    return extendLeases(deps.db, [...held.values()], until)
      .catch((error: unknown) => transports.log.warn({ error: errorText(error) }, 'could not renew delivery leases'));
  };
  const heartbeat = setInterval(() => void renew(), Math.max(200, Math.floor(leaseMs / 3)));
  heartbeat.unref();
  try {
    for (let round = 0; round < MAX_ROUNDS && !stopping(); round += 1) {
      const now = deps.clock.now();
      const jobs = await deps.db.transaction().execute((trx) =>
        claimDueJobs(trx, deps.dialect, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), Math.max(BATCH_SIZE, concurrency * 3)));
      if (jobs.length === 0) break;
      for (const job of jobs) held.set(job.id, { id: job.id, attempts: job.attempts });
      const lanes = new Map<string, DeliveryJobsTable[]>();
      for (const job of jobs) lanes.set(job.channel, [...(lanes.get(job.channel) ?? []), job]);
      const lane = async (queue: DeliveryJobsTable[]) => {
        for (let job = queue.shift(); job && !stopping(); job = queue.shift()) {
          report[await deliver(deps, transports, job)] += 1;
          held.delete(job.id);
        }
      };
      await Promise.all([...lanes.values()].flatMap((queue) => Array.from({ length: Math.min(concurrency, queue.length) }, () => lane(queue))));
      for (const claim of held.values()) await releaseClaim(deps.db, claim, deps.clock.now().toISOString());
      held.clear();
    }
  } finally {
    clearInterval(heartbeat);
  }
  return report;
}

export interface DeliveryWorker {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** Runs the due jobs now and then every `intervalMs`; what is due is judged by deps.clock. The timer does not keep the process alive. */
export function startDeliveryWorker(deps: Deps, transports: Transports, options: { intervalMs?: number } = {}): DeliveryWorker {
  const intervalMs = options.intervalMs ?? deps.config.deliveryIntervalSeconds * 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    timer = null;
    running = runDueJobs(deps, transports, { stopping: () => stopped })
      .then(() => undefined, (error: unknown) => transports.log.warn({ error: errorText(error) }, 'delivery run failed'))
      .finally(() => {
        running = null;
        if (!stopped) schedule(intervalMs);
      });
  };
  const schedule = (delay: number) => {
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  schedule(0);
  return {
    /** The jobs being sent finish and are recorded; claimed jobs not yet started are given back to the queue. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
