import os from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../bootstrap.ts';
import { fixedClock } from '../../clock.ts';
import { loadConfig } from '../../config.ts';
import { migrations } from '../../db/migrations/index.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, dialectsUnderTest, freshDatabase, startTestApp, type TestApp } from '../../test/harness.ts';
import { call, loginAdmin, registerPatient, type Caller } from '../../test/http.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const testConfig = (env: Record<string, string>) =>
  loadConfig({
    HMS_ADMIN_EMAIL: ADMIN_EMAIL, HMS_ADMIN_PASSWORD: ADMIN_PASSWORD, HMS_LOG_LEVEL: 'silent',
    HMS_WEB_DIR: path.join(os.tmpdir(), 'hms-no-web-build'), ...env,
  });

describe.each(dialectsUnderTest())('session timeouts from Settings on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  /** Signs the administrator in afresh (the timeouts under test end earlier sessions) and saves the changes. */
  async function changeSettings(changes: Record<string, unknown>): Promise<Caller> {
    const admin = await loginAdmin(t.app);
    const { updatedAt: _updatedAt, ...current } = (await call(t.app, { url: '/api/settings', as: admin })).json;
    const response = await call(t.app, { method: 'PUT', url: '/api/settings', as: admin, body: { ...current, ...changes } });
    expect(response.status).toBe(200);
    return admin;
  }
  const sessionStatus = async (caller: Caller) => (await call(t.app, { url: '/api/auth/session', as: caller })).status;

  it('a shorter idle timeout set in Settings ends a session idle longer than it, and spares a busy one', async () => {
    await changeSettings({ sessionIdleMinutes: 5 });
    const idle = await registerPatient(t.app);
    const busy = await registerPatient(t.app);
    t.clock.advance(4 * MINUTE);
    expect(await sessionStatus(busy)).toBe(200);
    t.clock.advance(2 * MINUTE);
    expect(await sessionStatus(idle)).toBe(401);
    expect(await sessionStatus(busy)).toBe(200);
    await changeSettings({ sessionIdleMinutes: 30 });
  });

  it('a longer idle timeout keeps a session that the old one would have ended', async () => {
    await changeSettings({ sessionIdleMinutes: 120 });
    const patient = await registerPatient(t.app);
    t.clock.advance(90 * MINUTE);
    expect(await sessionStatus(patient)).toBe(200);
    await changeSettings({ sessionIdleMinutes: 30 });
  });

  it('new sessions get the absolute lifetime in Settings, and a lower one ends older sessions at once', async () => {
    await changeSettings({ sessionIdleMinutes: 1440 });
    const older = await registerPatient(t.app);
    t.clock.advance(2 * HOUR);
    expect(await sessionStatus(older)).toBe(200);

    await changeSettings({ sessionAbsoluteHours: 1 });
    expect(await sessionStatus(older)).toBe(401);
    const newer = await registerPatient(t.app);
    const row = await t.deps.db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', newer.userId).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(HOUR);
    t.clock.advance(HOUR - MINUTE);
    expect(await sessionStatus(newer)).toBe(200);
    t.clock.advance(MINUTE);
    expect(await sessionStatus(newer)).toBe(401);
    await changeSettings({ sessionIdleMinutes: 30, sessionAbsoluteHours: 12 });
  });
});

describe.each(dialectsUnderTest())('session timeouts from the environment on %s', (dialect) => {
  it('HMS_SESSION_IDLE_MINUTES and HMS_SESSION_ABSOLUTE_HOURS seed the settings on first start', async () => {
    const t = await startTestApp(dialect, { HMS_SESSION_IDLE_MINUTES: '45', HMS_SESSION_ABSOLUTE_HOURS: '8' });
    try {
      const admin = await loginAdmin(t.app);
      expect((await call(t.app, { url: '/api/settings', as: admin })).json).toMatchObject({ sessionIdleMinutes: 45, sessionAbsoluteHours: 8 });
      t.clock.advance(44 * MINUTE);
      expect((await call(t.app, { url: '/api/auth/session', as: admin })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('a hospital upgraded from before the timeouts were settings keeps its configured values, read once', async () => {
    const { handle, drop } = await freshDatabase(dialect);
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '006'));
      const migrator = new Migrator({
        db: handle.db, provider: { getMigrations: async () => before }, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock',
      });
      const { error } = await migrator.migrateToLatest();
      expect(error).toBeUndefined();
      await sql`insert into settings (id, hospital_name, time_zone, updated_at) values (1, 'Old Town Infirmary', 'UTC', '2026-01-01T00:00:00.000Z')`.execute(handle.db);

      const clock = fixedClock(new Date());
      const { migrated } = await prepareDatabase(handle, testConfig({ HMS_SESSION_IDLE_MINUTES: '90', HMS_SESSION_ABSOLUTE_HOURS: '24' }), clock);
      expect(migrated).toContain('006_settings_sessions');
      const read = () => handle.db.selectFrom('settings').select(['hospital_name', 'session_idle_minutes', 'session_absolute_hours']).executeTakeFirstOrThrow();
      expect(await read()).toEqual({ hospital_name: 'Old Town Infirmary', session_idle_minutes: 90, session_absolute_hours: 24 });

      await prepareDatabase(handle, testConfig({ HMS_SESSION_IDLE_MINUTES: '60', HMS_SESSION_ABSOLUTE_HOURS: '6' }), clock);
      expect(await read()).toMatchObject({ session_idle_minutes: 90, session_absolute_hours: 24 });
    } finally {
      await handle.close();
      await drop();
    }
  });

  it('refuses an idle timeout under five minutes at start-up, like Settings does', () => {
    expect(() => testConfig({ HMS_SESSION_IDLE_MINUTES: '4' })).toThrow('HMS_SESSION_IDLE_MINUTES must be a whole number from 5 to 1440');
  });
});
