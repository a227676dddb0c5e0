import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { prepareDatabase } from '../../bootstrap.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { createDb, type DbHandle } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest, freshDatabase, startTestApp, TEST_AUDIT_KEY, type TestApp, type TestDialect } from '../../test/harness.ts';
import { AuditKey } from '../../db/audit-key.ts';
import { call, loginAdmin, registerPatient } from '../../test/http.ts';
import { jobsOf, memoryTransports, notifyNow } from './notifications.fixtures.ts';
import { notify } from './notifications.service.ts';
import { claimDueJobs } from './outbox.queries.ts';
import { LEASE_MS, MAX_ATTEMPTS, retryDelayMs, runDueJobs, startDeliveryWorker } from './worker.ts';

const env = {
  HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD, HMS_LOG_LEVEL: 'silent', HMS_AUTH_RATE_LIMIT: '100000',
  HMS_WEB_DIR: path.join(os.tmpdir(), 'hms-no-web-build'),
};

async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(dialectsUnderTest())('the delivery outbox on %s', (dialect: TestDialect) => {
  it('a notification committed while no worker runs is delivered exactly once by the next process', async () => {
    const { handle: first, drop } = await freshDatabase(dialect);
    const config = loadConfig(env);
    const clock = fixedClock(new Date());
    await prepareDatabase(first, config, clock);
    const before = await buildApp({ config, db: first.db, dialect: first.dialect, clock });
    const patient = await registerPatient(before.app);
    const notificationIds = await first.db.transaction().execute(async (trx) => [
      await notify(trx, clock.now(), { userId: patient.userId, kind: 'doctor.deactivated', title: 'First', body: 'First.' }),
      await notify(trx, clock.now(), { userId: patient.userId, kind: 'doctor.deactivated', title: 'Second', body: 'Second.' }),
    ]);
    // The process "dies" here: committed jobs, nothing sent.
    await before.app.close();
    let second: DbHandle = first;
    if (first.sqlite) {
      const file = first.sqlite.name;
      await first.close();
      second = await createDb({ kind: 'sqlite', file }, { auditKey: new AuditKey(TEST_AUDIT_KEY) });
    }
    try {
      const deps: Deps = { config, db: second.db, dialect: second.dialect, clock };
      const after = await buildApp(deps);
      const transports = memoryTransports();
      const worker = startDeliveryWorker(deps, transports, { intervalMs: 10 });
      await waitFor(() => transports.emails.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await worker.stop();
      expect(await runDueJobs(deps, transports)).toEqual({ sent: 0, failed: 0, dead: 0, skipped: 0, lapsed: 0 });
      expect(transports.emails.map((e) => [e.to, e.subject]).sort()).toEqual([
        [patient.email, 'First — HMS General Hospital'],
        [patient.email, 'Second — HMS General Hospital'],
      ]);
      const jobs = await second.db.selectFrom('delivery_jobs').select(['notification_id', 'status', 'attempts']).where('user_id', '=', patient.userId).execute();
      expect(jobs.map((j) => j.notification_id).sort()).toEqual([...notificationIds].sort());
      expect(jobs.every((j) => j.status === 'sent' && Number(j.attempts) === 1)).toBe(true);
      await after.app.close();
    } finally {
      await second.close();
      await drop();
    }
  }, 120_000);

  describe('with a running app', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(async () => {
      await t.close();
    });

    it('a job left in "sending" by a worker that died is sent again once its lease runs out', async () => {
      const patient = await registerPatient(t.app);
      await notifyNow(t, { userId: patient.userId, kind: 'doctor.deactivated', title: 'Lease', body: 'Lease.' });
      const now = t.clock.now();
      const claimed = await t.deps.db.transaction().execute((trx) =>
        claimDueJobs(trx, t.deps.dialect, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), 100));
      expect(claimed.filter((j) => j.user_id === patient.userId)).toHaveLength(1);

      const transports = memoryTransports();
      await runDueJobs(t.deps, transports);
      expect(transports.emails.filter((e) => e.to === patient.email)).toEqual([]);
      t.clock.advance(LEASE_MS);
      await runDueJobs(t.deps, transports);
      expect(transports.emails.filter((e) => e.to === patient.email)).toHaveLength(1);
      expect((await jobsOf(t, { userId: patient.userId }))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('two workers running at once send each job once', async () => {
      const patient = await registerPatient(t.app);
      for (let n = 0; n < 30; n += 1) await notifyNow(t, { userId: patient.userId, kind: 'doctor.deactivated', title: `Job ${n}`, body: '.' });
      const a = memoryTransports();
      const b = memoryTransports();
      await Promise.all([runDueJobs(t.deps, a), runDueJobs({ ...t.deps }, b)]);
      const sent = [...a.emails, ...b.emails].filter((e) => e.to === patient.email).map((e) => e.messageId);
      expect(sent).toHaveLength(30);
      expect(new Set(sent).size).toBe(30);
    });

    it('sends up to the configured number of emails at once, never more', async () => {
      const patient = await registerPatient(t.app);
      for (let n = 0; n < 10; n += 1) await notifyNow(t, { userId: patient.userId, kind: 'doctor.deactivated', title: `Batch ${n}`, body: '.' });
      const counted = memoryTransports();
      const email = counted.email!;
      let inFlight = 0;
      let most = 0;
      counted.email = { ...email, send: async (message) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFlight -= 1;
        await email.send(message);
      } };
      expect(await runDueJobs(t.deps, counted, { concurrency: 3 })).toMatchObject({ failed: 0, lapsed: 0 });
      expect(counted.emails.filter((e) => e.to === patient.email)).toHaveLength(10);
      expect(most).toBe(3);
    });

    it('a heartbeat renews the lease of a job being sent, so a second worker does not take it over while it lasts', async () => {
      const patient = await registerPatient(t.app);
      await notifyNow(t, { userId: patient.userId, kind: 'doctor.deactivated', title: 'Slow', body: 'Slow.' });
      const slow = memoryTransports();
      let finish = () => {};
      let began = false;
      const held = new Promise<void>((resolve) => (finish = resolve));
      const email = slow.email!;
      slow.email = { ...email, send: async (message) => {
        if (message.to === patient.email) {
          began = true;
          await held;
        }
        await email.send(message);
      } };
      const first = runDueJobs(t.deps, slow, { leaseMs: 900 });
      await waitFor(() => began);
      const other = memoryTransports();
      for (let step = 0; step < 3; step += 1) {
        t.clock.advance(600);
        // Wait for a heartbeat (every third of the lease) to move the lease past the new time.
        await new Promise((resolve) => setTimeout(resolve, 400));
        await runDueJobs(t.deps, other, { leaseMs: 900 });
      }
      finish();
      await first;
      expect(other.emails.filter((e) => e.to === patient.email)).toEqual([]);
      expect(slow.emails.filter((e) => e.to === patient.email)).toHaveLength(1);
      expect((await jobsOf(t, { userId: patient.userId, channel: 'email' }))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it(`backs off exponentially, gives up after ${MAX_ATTEMPTS} attempts, and shows the dead job to administrators only`, async () => {
      const patient = await registerPatient(t.app);
      await notifyNow(t, { userId: patient.userId, kind: 'doctor.deactivated', title: 'Doomed', body: 'Doomed.' });
      const broken = memoryTransports({ failWith: 'connection refused by mail.example' });
      const delays: number[] = [];
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        await runDueJobs(t.deps, broken);
        const [job] = await jobsOf(t, { userId: patient.userId });
        expect(job?.attempts).toBe(attempt);
        if (attempt < MAX_ATTEMPTS) {
          expect(job?.status).toBe('failed');
          delays.push(new Date(job?.next_attempt_at ?? 0).getTime() - t.clock.now().getTime());
          t.clock.advance(retryDelayMs(attempt));
        } else {
          expect(job).toMatchObject({ status: 'dead', last_error: 'connection refused by mail.example' });
        }
      }
      expect(delays).toEqual([1, 2, 4, 8, 16].map((m) => m * 60_000));
      t.clock.advance(24 * 3600_000);
      await runDueJobs(t.deps, broken);
      expect((await jobsOf(t, { userId: patient.userId }))[0]?.status).toBe('dead');

      const admin = await loginAdmin(t.app);
      const stranger = await registerPatient(t.app);
      const list = await call(t.app, { url: '/api/admin/deliveries?status=dead', as: admin });
      expect(list.status).toBe(200);
      const dead = list.json.items.find((d: { userId: string }) => d.userId === patient.userId);
      expect(dead).toMatchObject({ channel: 'email', kind: 'doctor.deactivated', recipient: patient.email, status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'connection refused by mail.example', sentAt: null });
      expect(dead).not.toHaveProperty('payload');
      expect(list.json.items.every((d: { status: string }) => d.status === 'dead')).toBe(true);
      expect((await call(t.app, { url: '/api/admin/deliveries?status=dead', as: stranger })).status).toBe(403);
      expect((await call(t.app, { url: '/api/admin/deliveries?status=dead' })).status).toBe(401);
      expect((await call(t.app, { url: '/api/admin/deliveries?status=lost', as: admin })).status).toBe(400);

      expect((await call(t.app, { method: 'POST', url: `/api/admin/deliveries/${dead.id}/retry`, as: stranger })).status).toBe(403);
      expect((await call(t.app, { method: 'POST', url: `/api/admin/deliveries/${dead.id}/retry`, as: admin })).status).toBe(204);
      const again = await call(t.app, { method: 'POST', url: `/api/admin/deliveries/${dead.id}/retry`, as: admin });
      expect(again.status).toBe(409);
      expect((await call(t.app, { method: 'POST', url: '/api/admin/deliveries/00000000-0000-7000-8000-000000000000/retry', as: admin })).status).toBe(404);
      const working = memoryTransports();
      await runDueJobs(t.deps, working);
      expect(working.emails.filter((e) => e.to === patient.email)).toHaveLength(1);
      expect((await jobsOf(t, { userId: patient.userId }))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    });
  });
});
