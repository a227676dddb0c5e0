import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from './features/notifications/notifications.fixtures.ts';
import { emailJobs, queueNotifications, registerOverHttp, until } from './features/notifications/process.fixtures.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest } from './test/harness.ts';
import { startServer } from './test/processes.ts';

/** Sends a sign-in whose body arrives in two halves; `between` runs once the first half (and the headers) went out. */
function slowSignIn(port: number, between: () => Promise<void>): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.flushHeaders();
    request.write(body.slice(0, 10));
    between().then(() => request.end(body.slice(10)), reject);
  });
}

describe.runIf(dialectsUnderTest().includes('sqlite'))('a graceful stop (SIGTERM)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers the request in flight and finishes the email being sent, gives back the rest, then exits 0', async () => {
    const smtp = await startSmtpServer({ delayMs: 1500 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-stop-'));
    dirs.push(dir);
    const server = await startServer({
      HMS_DATA_DIR: dir, HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
      HMS_SMTP_URL: smtp.url, HMS_MAIL_FROM: 'HMS <noreply@hospital.test>', HMS_DELIVERY_INTERVAL_SECONDS: '1', HMS_DELIVERY_CONCURRENCY: '1',
    });
    try {
      expect(await server.healthy(), server.output()).toBe(true);
      const patient = await registerOverHttp(server.base);
      const file = path.join(dir, 'hms.sqlite');
      await queueNotifications(file, patient.userId, 2);
      await until(() => smtp.started() === 1, 15_000, 'the first email to reach the mail server');

      const answer = await slowSignIn(server.port, async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        server.child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      expect(answer.status, answer.body).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ user: { email: ADMIN_EMAIL } });
      expect(await server.exited, server.output()).toBe(0);

      expect(smtp.received.map((m) => m.envelopeTo)).toEqual([[patient.email]]);
      const jobs = await emailJobs(file);
      expect(jobs.map((job) => [job.status, job.attempts])).toEqual([['sent', 1], ['pending', 0]]);
      expect(smtp.received[0]?.mail.messageId).toBe(`<${jobs[0]?.id ?? ''}@hms>`);
    } finally {
      await server.stop();
      await smtp.close();
    }
  });
});
