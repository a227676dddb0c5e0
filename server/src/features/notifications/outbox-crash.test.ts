import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest } from '../../test/harness.ts';
import { startServer, type ServerProcess } from '../../test/processes.ts';
import { startSmtpServer } from './notifications.fixtures.ts';
import { emailJobs, queueNotifications, registerOverHttp, until } from './process.fixtures.ts';

const JOBS = 12;

// A process killed while it sends used to leave its claimed jobs 'sending' for the 5-minute lease.
describe.runIf(dialectsUnderTest().includes('sqlite'))('the outbox after kill -9 during a send', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is taken over within seconds by the next process and drained: nothing lost, at most one repeat per kill, with the same Message-ID', async () => {
    const smtp = await startSmtpServer({ delayMs: 700 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-outbox-'));
    dirs.push(dir);
    const file = path.join(dir, 'hms.sqlite');
    const start = (concurrency: number) => startServer({
      HMS_DATA_DIR: dir, HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HMS_SMTP_URL: smtp.url, HMS_MAIL_FROM: 'HMS <noreply@hospital.test>',
      HMS_DELIVERY_LEASE_SECONDS: '2', HMS_DELIVERY_INTERVAL_SECONDS: '1', HMS_DELIVERY_CONCURRENCY: String(concurrency),
    });
    const running: ServerProcess[] = [];
    try {
      // Two processes that send one email at a time are killed, each while a message is at the mail server.
      let kills = 0;
      for (const round of [0, 1]) {
        const server = await start(1);
        running.push(server);
        expect(await server.healthy(), server.output()).toBe(true);
        if (round === 0) await queueNotifications(file, (await registerOverHttp(server.base)).userId, JOBS);
        const before = smtp.started();
        await until(() => smtp.started() > before, 15_000, 'a send to begin');
        server.child.kill('SIGKILL');
        await server.exited;
        kills += 1;
      }
      expect((await emailJobs(file)).filter((job) => job.status === 'sending')).not.toEqual([]);

      // The next process claims what the dead ones held once their short lease runs out, and sends four at a time.
      const last = await start(4);
      running.push(last);
      expect(await last.healthy(), last.output()).toBe(true);
      await until(async () => (await emailJobs(file)).every((job) => job.status === 'sent'), 30_000, 'every email job to be sent');

      const jobs = await emailJobs(file);
      expect(jobs).toHaveLength(JOBS);
      const counts = new Map<string, number>();
      for (const { mail } of smtp.received) counts.set(mail.messageId ?? '', (counts.get(mail.messageId ?? '') ?? 0) + 1);
      // Nothing lost: every job reached the mail server under its own stable Message-ID, and nothing else did.
      expect([...counts.keys()].sort()).toEqual(jobs.map((job) => `<${job.id}@hms>`).sort());
      const repeats = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
      // The second process may take over the first one's message when its lease runs out and die sending it too:
      // one message can then arrive three times, still one repeat per kill.
      expect(repeats).toBeLessThanOrEqual(kills);
      expect(smtp.received).toHaveLength(JOBS + repeats);
    } finally {
      for (const server of running) await server.stop();
      await smtp.close();
    }
  });
});
