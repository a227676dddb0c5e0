import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { prepareDatabase } from '../bootstrap.ts';
import { fixedClock } from '../clock.ts';
import { loadConfig, type Config } from '../config.ts';
import { createDb, type DbHandle, type DbTarget } from '../db/create-db.ts';
import { AuditKey } from '../db/audit-key.ts';
import type { Deps } from '../deps.ts';
import { loadAuditKey } from '../features/audit/audit-key-file.ts';
import type { DeclaredRoute } from '../http/permissions.ts';
import type { App } from '../http/types.ts';

export type TestDialect = 'sqlite' | 'pglite' | 'postgres';

/** The dialects this run covers: `npm test` → SQLite and PGlite; `npm run test:pg` → real PostgreSQL. */
export function dialectsUnderTest(): TestDialect[] {
  const list = (process.env['HMS_TEST_DIALECTS'] ?? 'sqlite,pglite').split(',').map((d) => d.trim()).filter(Boolean);
  for (const dialect of list) {
    if (dialect !== 'sqlite' && dialect !== 'pglite' && dialect !== 'postgres') throw new Error(`Unknown test dialect ${dialect}`);
    if (dialect === 'postgres' && !process.env['HMS_TEST_DATABASE_URL']) {
      throw new Error('HMS_TEST_DATABASE_URL must point at a PostgreSQL server to run the suite on PostgreSQL');
    }
  }
  return list as TestDialect[];
}

/** The first dialect of the run, for tests that need only one database. */
export const primaryDialect = (): TestDialect => dialectsUnderTest()[0] ?? 'sqlite';

export const ADMIN_EMAIL = 'admin@hospital.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';

/** The audit key of the test apps (HMS_AUDIT_KEY); a test that plays an attacker does not know it. */
export const TEST_AUDIT_KEY = 'test-audit-key-0123456789abcdef0123456789abcdef';

/** A fresh, empty database of the dialect: a temp SQLite file, an in-memory PGlite, or a new PostgreSQL database. */
export async function freshDatabase(dialect: TestDialect, auditKey: AuditKey = new AuditKey(TEST_AUDIT_KEY)): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-test-'));
    const handle = await createDb({ kind: 'sqlite', file: path.join(dir, 'hms.sqlite') }, { auditKey });
    return { handle, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  if (dialect === 'pglite') {
    return { handle: await createDb({ kind: 'pglite' }, { auditKey }), drop: async () => {} };
  }
  const adminUrl = process.env['HMS_TEST_DATABASE_URL'] ?? '';
  const name = `hms_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: DbTarget = { kind: 'postgres', url: url.toString() };
  const handle = await createDb(target, { auditKey });
  return {
    handle,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // An autovacuum worker on the database belongs to no role, so a role without pg_signal_backend may not
        // end it and the drop fails (42501) until the worker is done: a moment on a test database.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await client.query(`drop database if exists ${name} with (force)`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt >= 40) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestApp {
  app: App;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  routes: DeclaredRoute[];
  dialect: TestDialect;
  close(): Promise<void>;
}

/** A migrated database with the first administrator, and the app on top of it, with a clock the test controls. */
export async function startTestApp(dialect: TestDialect, env: Record<string, string> = {}): Promise<TestApp> {
  const config: Config = loadConfig({
    HMS_AUDIT_KEY: TEST_AUDIT_KEY,
    HMS_ADMIN_EMAIL: ADMIN_EMAIL,
    HMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HMS_LOG_LEVEL: 'silent',
    HMS_AUTH_RATE_LIMIT: '100000',
    HMS_WEB_DIR: path.join(os.tmpdir(), 'hms-no-web-build'),
    ...env,
  });
  const { handle, drop } = await freshDatabase(dialect, loadAuditKey(config, { create: false }));
  const clock = fixedClock(new Date());
  await prepareDatabase(handle, config, clock);
  const deps: Deps = { config, db: handle.db, dialect: handle.dialect, clock };
  const { app, routes } = await buildApp(deps);
  return {
    app, deps, clock, routes, dialect,
    close: async () => {
      await app.close();
      await handle.close();
      await drop();
    },
  };
}
