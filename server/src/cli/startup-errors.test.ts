import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { dialectsUnderTest } from '../test/harness.ts';
import { freePort } from '../test/processes.ts';

const rootDir = fileURLToPath(new URL('../../..', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-startup-'));
  dirs.push(dir);
  return dir;
};

/** Runs the built CLI (`hms <args>`) or the server entry point, and gives back its exit code and stderr. */
/** PostgreSQL deployments name their audit key; these runs are about the database URL. */
const AUDIT_KEY = 'startup-errors-test-audit-key-0123456789';

function run(entry: 'cli' | 'main', args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(rootDir, `dist/server/${entry}.js`), ...args], {
    cwd: rootDir, encoding: 'utf8', timeout: 30_000,
    env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', HMS_LOG_LEVEL: 'silent', PORT: '0', ...env },
  });
  return { code: result.status, stderr: result.stderr.trim() };
}

/** One plain line: no stack frames, no dumped error object. */
function expectOnePlainLine(stderr: string): void {
  expect(stderr.split('\n'), stderr).toHaveLength(1);
  expect(stderr).toMatch(/^hms: /);
  expect(stderr).not.toMatch(/\n\s+at |\{$|Error:/);
}

describe.runIf(dialectsUnderTest().includes('sqlite'))('expected start-up failures', () => {
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a database from a newer HMS is refused with the version it needs', async () => {
    const dataDir = tempDir();
    const handle = await createDb({ kind: 'sqlite', file: path.join(dataDir, 'hms.sqlite') });
    await migrateToLatest(handle.db);
    await sql`insert into schema_migrations (name, timestamp) values ('090_from_the_future', '2027-01-01T00:00:00.000Z')`.execute(handle.db);
    await sql`insert into schema_version (id, hms_version, updated_at) values (1, '9.4.0', '2027-01-01T00:00:00.000Z')
      on conflict (id) do update set hms_version = excluded.hms_version`.execute(handle.db);
    await handle.close();
    for (const [entry, args] of [['cli', ['migrate']], ['cli', ['serve']], ['main', []]] as const) {
      const { code, stderr } = run(entry, [...args], { HMS_DATA_DIR: dataDir });
      expect(code).toBe(1);
      expectOnePlainLine(stderr);
      expect(stderr).toContain('HMS 9.4.0 or newer');
      expect(stderr).toContain('090_from_the_future');
    }
  });

  it('a data directory that is not a directory is named plainly', () => {
    const file = path.join(tempDir(), 'not-a-directory');
    fs.writeFileSync(file, 'x');
    const { code, stderr } = run('main', [], { HMS_DATA_DIR: file });
    expect(code).toBe(1);
    expectOnePlainLine(stderr);
    expect(stderr).toContain('HMS_DATA_DIR');
  });

  it('a port another program holds is named plainly', async () => {
    const port = await freePort();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', () => resolve()));
    try {
      const { code, stderr } = run('main', [], { HMS_DATA_DIR: tempDir(), PORT: String(port), HOST: '127.0.0.1' });
      expect(code).toBe(1);
      expectOnePlainLine(stderr);
      expect(stderr).toContain(`cannot listen on 127.0.0.1:${port}: another program uses that port`);
    } finally {
      holder.close();
    }
  });

  it('a DATABASE_URL that is not a URL, or a server nobody listens on, is named plainly', async () => {
    const bad = run('main', [], { DATABASE_URL: 'postgres://hms:secret@[not-a-host/hms', HMS_AUDIT_KEY: AUDIT_KEY });
    expect(bad.code).toBe(1);
    expectOnePlainLine(bad.stderr);
    expect(bad.stderr).toContain('DATABASE_URL');
    expect(bad.stderr).not.toContain('secret');

    const port = await freePort();
    for (const [entry, args] of [['main', []], ['cli', ['migrate']]] as const) {
      const down = run(entry, [...args], { DATABASE_URL: `postgres://hms:secret@127.0.0.1:${port}/hms`, HMS_AUDIT_KEY: AUDIT_KEY });
      expect(down.code).toBe(1);
      expectOnePlainLine(down.stderr);
      expect(down.stderr).toContain(`cannot reach the PostgreSQL database at postgres://hms@127.0.0.1:${port}/hms`);
      expect(down.stderr).not.toContain('secret');
    }
  });
});
