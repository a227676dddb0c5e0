import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDriver } from '../db/sqlite.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/create-db.ts';
import { passwordProblem, verifyPassword } from '../features/auth/passwords.ts';
import { dialectsUnderTest } from '../test/harness.ts';

const rootDir = fileURLToPath(new URL('../../..', import.meta.url));
const cliEntry = path.join(rootDir, 'dist/server/cli.js');
const STRONG_PASSWORD = 'Granite-Lantern-Orchid-42';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `hms` CLI against the data directory; `input` is piped to stdin (closed empty otherwise). */
function hms(dataDir: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], {
      cwd: rootDir,
      env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', HMS_DATA_DIR: dataDir, HMS_LOG_LEVEL: 'silent', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

const dataDirs: string[] = [];
function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-cli-'));
  dataDirs.push(dir);
  return dir;
}

function readSqlite<T>(file: string, query: string): T[] {
  const Sqlite = loadDriver();
  const db = new Sqlite(file, { readonly: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

describe.runIf(dialectsUnderTest().includes('sqlite'))('the hms command', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-server.js'], { cwd: rootDir, stdio: 'pipe' });
  });
  afterAll(() => {
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the commands for --help (exit 0) and for an unknown command (exit 2)', async () => {
    const dir = freshDataDir();
    const help = await hms(dir, ['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'create-admin', 'backup', 'seed-demo']) expect(help.stdout).toContain(command);
    const unknown = await hms(dir, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('seed-demo');
  });

  it('migrates a new database, then says it is already up to date', async () => {
    const dir = freshDataDir();
    const first = await hms(dir, ['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied 001_foundation/);
    const second = await hms(dir, ['migrate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already up to date');
    expect(second.stdout).not.toContain('applied 001');
  });

  it('reports a bad configuration value the way the server does', async () => {
    const run = await hms(freshDataDir(), ['migrate'], { env: { HMS_TIME_ZONE: 'Mars/Olympus' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^hms: configuration error: HMS_TIME_ZONE/);
  });

  describe('create-admin', () => {
    let dir = '';
    beforeAll(() => {
      dir = freshDataDir();
    });

    it('creates an administrator with the password from stdin and prints its id', async () => {
      const run = await hms(dir, ['create-admin', '--email', 'Chief@Example.org', '--name', 'Ada Chief'], { input: `${STRONG_PASSWORD}\nignored\n` });
      expect(run.stderr).toContain('created the administrator chief@example.org');
      expect(run.code).toBe(0);
      const id = run.stdout.trim();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const handle = await createDb({ kind: 'sqlite', file: path.join(dir, 'hms.sqlite') });
      try {
        const user = await handle.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        expect(user).toMatchObject({ email: 'chief@example.org', name: 'Ada Chief', role: 'admin', active: 1 });
        expect(user.password_hash).toMatch(/^\$argon2id\$/);
        expect(await verifyPassword(user.password_hash ?? '', STRONG_PASSWORD)).toBe(true);
      } finally {
        await handle.close();
      }
    });

    it('refuses an email that is taken (exit 1, one line)', async () => {
      const run = await hms(dir, ['create-admin', '--email', 'chief@example.org'], { input: `${STRONG_PASSWORD}\n` });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe('hms: A user with the email chief@example.org already exists');
      expect(run.stdout).toBe('');
    });

    it('refuses a weak password (exit 1) and says why', async () => {
      const run = await hms(dir, ['create-admin', '--email', 'weak@example.org'], { input: 'short\n' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^hms: The administrator password is not acceptable: Use at least 12 characters/);
      expect(readSqlite(path.join(dir, 'hms.sqlite'), "select id from users where email = 'weak@example.org'")).toEqual([]);
    });

    it('refuses a password on the command line, saying why', async () => {
      const run = await hms(dir, ['create-admin', '--email', 'argv@example.org', '--password', STRONG_PASSWORD]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--password is not accepted: .*visible to other users/);
      expect(readSqlite(path.join(dir, 'hms.sqlite'), "select id from users where email = 'argv@example.org'")).toEqual([]);
    });

    it('asks for --email', async () => {
      const run = await hms(dir, ['create-admin'], { input: `${STRONG_PASSWORD}\n` });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--email is required');
    });
  });

  describe('backup', () => {
    let dir = '';
    let out = '';
    beforeAll(() => {
      dir = freshDataDir();
      out = path.join(dir, 'copy.sqlite');
    });

    it('refuses when there is no database yet', async () => {
      const run = await hms(freshDataDir(), ['backup', '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('there is no database');
      expect(fs.existsSync(out)).toBe(false);
    });

    it('copies the live database into a file that opens and holds the users', async () => {
      await hms(dir, ['create-admin', '--email', 'keeper@example.org'], { input: `${STRONG_PASSWORD}\n` });
      const run = await hms(dir, ['backup', '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('100%');
      expect(readSqlite<{ email: string; role: string }>(out, 'select email, role from users')).toEqual([{ email: 'keeper@example.org', role: 'admin' }]);
      expect(fs.readdirSync(dir).filter((name) => name.includes('.partial-'))).toEqual([]);
    });

    it('refuses to overwrite an existing file unless --force', async () => {
      fs.writeFileSync(out, 'keep me');
      const refused = await hms(dir, ['backup', '--out', out]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('already exists');
      expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
      const forced = await hms(dir, ['backup', '--out', out, '--force']);
      expect(forced.code).toBe(0);
      expect(readSqlite(out, 'select email from users')).toHaveLength(1);
    });

    it('prints the pg_dump command for PostgreSQL, without the password', async () => {
      const run = await hms(dir, ['backup', '--out', 'hms.dump'], { env: { DATABASE_URL: 'postgres://hms:s3cret-pw@db.internal:5432/hms' } });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('pg_dump --format=custom --file=hms.dump postgres://hms@db.internal:5432/hms');
      expect(run.stdout).toContain('PGPASSWORD');
      expect(run.stdout + run.stderr).not.toContain('s3cret-pw');
    });
  });

  describe('seed-demo', () => {
    let dir = '';
    beforeAll(() => {
      dir = freshDataDir();
    });

    it('fills a fresh database with 50 patients who can sign in, demo staff, 10 doctors with hours and appointments in every status', async () => {
      const run = await hms(dir, ['seed-demo']);
      expect(run.stderr).toContain('patients: 50/50');
      expect(run.code).toBe(0);
      const password = /password: (\S+)/.exec(run.stdout)?.[1] ?? '';
      expect(passwordProblem(password, null)).toBeNull();
      const file = path.join(dir, 'hms.sqlite');
      const patients = readSqlite<{ name: string; email: string; role: string; password_hash: string }>(
        file,
        'select p.name, p.email, u.role, u.password_hash from patients p join users u on u.id = p.user_id',
      );
      expect(patients).toHaveLength(50);
      expect(new Set(patients.map((p) => p.email)).size).toBe(50);
      expect(patients.every((p) => p.role === 'patient')).toBe(true);
      expect(await verifyPassword(patients[0]?.password_hash ?? '', password)).toBe(true);
      const staff = readSqlite<{ role: string }>(file, "select role from users where role in ('admin', 'receptionist') order by role");
      expect(staff.map((s) => s.role)).toEqual(['admin', 'receptionist']);
      const doctors = readSqlite<{ role: string; must_change_password: number; intervals: number; specialization_id: string }>(
        file,
        `select u.role, u.must_change_password, d.specialization_id, (select count(*) from availability_intervals a where a.doctor_id = d.id) as intervals
         from doctors d join users u on u.id = d.user_id`,
      );
      expect(doctors).toHaveLength(10);
      expect(doctors.every((d) => d.role === 'doctor' && d.must_change_password === 0 && d.intervals >= 5)).toBe(true);
      expect(new Set(doctors.map((d) => d.specialization_id)).size).toBe(10);
      const statuses = readSqlite<{ status: string }>(file, 'select distinct status from appointments order by status');
      expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'completed', 'confirmed', 'no_show', 'rejected', 'requested']);
      const withoutHistory = readSqlite(file, 'select a.id from appointments a where not exists (select 1 from appointment_history h where h.appointment_id = a.id)');
      expect(withoutHistory).toHaveLength(0);
      const patientClashes = readSqlite(
        file,
        `select a.id from appointments a join appointments b on a.patient_id = b.patient_id and a.id < b.id
         where a.status in ('requested', 'confirmed') and b.status in ('requested', 'confirmed') and a.start_at < b.end_at and b.start_at < a.end_at`,
      );
      expect(patientClashes).toHaveLength(0);
      const visits = readSqlite<{ completed: number; signed: number; coded: number }>(
        file,
        `select (select count(*) from appointments where status = 'completed') as completed,
           (select count(*) from consultations c join appointments a on a.id = c.appointment_id where a.status = 'completed' and c.status = 'signed'
              and c.pulse is not null and c.temperature_dc is not null) as signed,
           (select count(*) from consultations where diagnoses like '%"code":"%') as coded`,
      );
      expect(visits[0]?.completed).toBeGreaterThan(0);
      expect(visits[0]?.signed).toBe(visits[0]?.completed);
      expect(visits[0]?.coded).toBe(visits[0]?.completed);
    });

    it('refuses a database that already has patients, unless --force', async () => {
      const refused = await hms(dir, ['seed-demo']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('already has 50 patients');
      const forced = await hms(dir, ['seed-demo', '--force', '--patients', '3']);
      expect(forced.code).toBe(0);
      expect(readSqlite(path.join(dir, 'hms.sqlite'), 'select id from patients')).toHaveLength(53);
      expect(readSqlite(path.join(dir, 'hms.sqlite'), "select id from users where role = 'admin'")).toHaveLength(1);
    });

    it('makes the same people from the same seed', async () => {
      const people = async () => {
        const other = freshDataDir();
        expect((await hms(other, ['seed-demo', '--patients', '5', '--seed', 'repeat'])).code).toBe(0);
        return readSqlite(path.join(other, 'hms.sqlite'), 'select name, email, date_of_birth, gender, phone, address from patients order by email');
      };
      expect(await people()).toEqual(await people());
    });

    it('refuses a patient count that is not a whole number', async () => {
      const run = await hms(freshDataDir(), ['seed-demo', '--patients', 'lots']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--patients must be a whole number');
    });
  });
});
