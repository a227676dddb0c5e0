import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDriver } from '../db/sqlite.ts';
import { runHms } from '../test/cli.ts';
import { dialectsUnderTest } from '../test/harness.ts';
import { startServer } from '../test/processes.ts';

const ADMIN = { HMS_ADMIN_EMAIL: 'keeper@example.org', HMS_ADMIN_PASSWORD: 'Granite-Lantern-Orchid-42' };
const dirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-restore-'));
  dirs.push(dir);
  return dir;
};

function onSqlite<T>(file: string, run: (db: InstanceType<ReturnType<typeof loadDriver>>) => T): T {
  const Sqlite = loadDriver();
  const db = new Sqlite(file);
  try {
    return run(db);
  } finally {
    db.close();
  }
}

async function signIn(base: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.HMS_ADMIN_EMAIL, password: ADMIN.HMS_ADMIN_PASSWORD }),
  });
  return { status: response.status, cookie: (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '' };
}

const sessionStatus = (base: string, cookie: string) => fetch(`${base}/api/auth/session`, { headers: { cookie } }).then((r) => r.status);

describe.runIf(dialectsUnderTest().includes('sqlite'))('backup --verify and restore', () => {
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a verified backup restored while no server runs brings the data back and ends every session it held', async () => {
    const dir = freshDir();
    const server = await startServer({ HMS_DATA_DIR: dir, ...ADMIN });
    try {
      expect(await server.healthy(), server.output()).toBe(true);
      const { status, cookie } = await signIn(server.base);
      expect(status).toBe(200);
      expect(await sessionStatus(server.base, cookie)).toBe(200);

      const out = path.join(dir, 'copies', 'nightly.sqlite');
      const backup = await runHms(dir, ['backup', '--out', out, '--verify']);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/verified .*nightly\.sqlite: integrity ok, \d+ migrations, audit chain of \d+ rows intact/);
      expect(fs.statSync(out).mode & 0o777).toBe(0o600);

      const whileServing = await runHms(dir, ['restore', out]);
      expect(whileServing.code).toBe(1);
      expect(whileServing.stderr).toContain('HMS is serving');
      expect(await sessionStatus(server.base, cookie)).toBe(200);

      expect(await server.stop()).toBe(0);
      const restored = await runHms(dir, ['restore', out]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('1 session ended');
      const live = path.join(dir, 'hms.sqlite');
      expect(fs.statSync(live).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(path.join(dir, 'backups')).some((name) => name.endsWith('-before-restore.sqlite'))).toBe(true);
      expect(onSqlite(live, (db) => db.prepare('select count(*) as n from sessions').get())).toEqual({ n: 0 });
      expect(onSqlite(live, (db) => db.prepare('select action from audit_log order by seq desc limit 1').get())).toEqual({ action: 'database.restore' });

      const again = await startServer({ HMS_DATA_DIR: dir, ...ADMIN });
      try {
        expect(await again.healthy(), again.output()).toBe(true);
        expect(await sessionStatus(again.base, cookie)).toBe(401);
        expect((await signIn(again.base)).status).toBe(200);
      } finally {
        await again.stop();
      }
      const check = await runHms(dir, ['backup', '--out', path.join(dir, 'after.sqlite'), '--verify']);
      expect(check.code, check.stderr).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('backup --verify exits 3 when the audit chain of the copy is broken', async () => {
    const dir = freshDir();
    expect((await runHms(dir, ['migrate'], ADMIN)).code).toBe(0);
    onSqlite(path.join(dir, 'hms.sqlite'), (db) => {
      // As someone with write access to the file would: past the append-only trigger first.
      db.exec('drop trigger audit_log_no_update');
      db.prepare(`update audit_log set details = '{"role":"patient"}' where seq = 1`).run();
    });
    const out = path.join(dir, 'copy.sqlite');
    const run = await runHms(dir, ['backup', '--out', out, '--verify']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('failed verification: its audit chain is broken at row 1');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('restore refuses, changing nothing, a file that is not SQLite, not HMS, or from a newer HMS', async () => {
    const dir = freshDir();
    expect((await runHms(dir, ['migrate'], ADMIN)).code).toBe(0);
    const live = path.join(dir, 'hms.sqlite');

    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'this is not a database at all, just some text in a file'.repeat(100));
    const stranger = path.join(dir, 'stranger.sqlite');
    onSqlite(stranger, (db) => db.exec('create table notes (body text)'));
    const newer = path.join(dir, 'newer.sqlite');
    expect((await runHms(dir, ['backup', '--out', newer])).code).toBe(0);
    const before = fs.readFileSync(live);
    onSqlite(newer, (db) => db.prepare(`insert into schema_migrations (name, timestamp) values ('090_from_the_future', '2027-01-01T00:00:00.000Z')`).run());

    for (const [file, reason] of [[garbage, 'cannot be opened as a SQLite database'], [stranger, 'it is not an HMS database'], [newer, 'written by a newer HMS than this one']] as const) {
      for (const args of [['restore', file], ['restore', '--check', file]]) {
        const run = await runHms(dir, args);
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(3);
        expect(run.stderr).toContain(reason);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    }
    expect((await runHms(dir, ['restore', '--check', newer.replace('newer', 'missing')])).code).toBe(3);
    expect(fs.readFileSync(live).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.restore-'))).toEqual([]);
  });
});
