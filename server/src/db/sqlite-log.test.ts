import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest } from '../test/harness.ts';
import { startServer } from '../test/processes.ts';

const LIMIT = 64 * 1024 * 1024;
const LOAD_MS = 4_000;
const CLIENTS = 8;

const logBytes = (base: string) => fetch(`${base}/api/health`).then(async (r) => (await r.json() as { sqliteLogBytes?: number }).sqliteLogBytes);

// The write-ahead log beside a SQLite database grew to gigabytes under sustained load and never shrank.
describe.runIf(dialectsUnderTest().includes('sqlite'))('the SQLite write-ahead log under sustained writes', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`stays under ${LIMIT / 1024 / 1024} MiB while ${CLIENTS} clients write for ${LOAD_MS / 1000} s, and is emptied once the writes pause`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-wal-'));
    dirs.push(dir);
    const server = await startServer({ HMS_DATA_DIR: dir, HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD });
    try {
      expect(await server.healthy(), server.output()).toBe(true);
      const login = await fetch(`${server.base}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      const { csrfToken } = await login.json() as { csrfToken: string };
      const headers = { 'content-type': 'application/json', cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': csrfToken };

      const until = Date.now() + LOAD_MS;
      let writes = 0;
      let failures = 0;
      const client = async (n: number) => {
        for (let i = 0; Date.now() < until; i += 1) {
          const response = await fetch(`${server.base}/api/specializations`, { method: 'POST', headers, body: JSON.stringify({ name: `Load ${n}-${i} ${'x'.repeat(60)}` }) });
          if (response.status === 201) writes += 1;
          else failures += 1;
        }
      };
      const sizes: number[] = [];
      const watch = async () => {
        while (Date.now() < until) {
          sizes.push((await logBytes(server.base)) ?? -1);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), watch()]);

      expect(failures).toBe(0);
      expect(writes).toBeGreaterThan(100);
      expect(sizes.length).toBeGreaterThan(10);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...sizes)).toBeLessThan(LIMIT);
      // Writes paused: the checkpointer empties the log (a TRUNCATE checkpoint), so the file does not keep its largest size.
      await expect.poll(() => logBytes(server.base), { timeout: 5_000, interval: 100 }).toBe(0);
      expect(fs.statSync(path.join(dir, 'hms.sqlite-wal')).size).toBe(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
