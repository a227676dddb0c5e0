import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/hms');
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/hms/data', databaseUrl: null, secureCookies: false, logLevel: 'info', timeZone: 'UTC' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(config.passwordHashConcurrency).toBeGreaterThanOrEqual(1);
    expect(config.passwordHashQueue).toBe(64);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ HMS_PUBLIC_URL: 'not a url' }, 'HMS_PUBLIC_URL'],
    [{ HMS_PUBLIC_URL: 'ftp://example.org' }, 'HMS_PUBLIC_URL'],
    [{ HMS_LOG_LEVEL: 'loud' }, 'HMS_LOG_LEVEL'],
    [{ HMS_ADMIN_EMAIL: 'a@b.c' }, 'HMS_ADMIN_PASSWORD'],
    [{ HMS_TIME_ZONE: 'Mars/Olympus' }, 'HMS_TIME_ZONE'],
    [{ HMS_SESSION_IDLE_MINUTES: '0' }, 'HMS_SESSION_IDLE_MINUTES'],
    [{ HMS_PASSWORD_HASH_CONCURRENCY: '0' }, 'HMS_PASSWORD_HASH_CONCURRENCY'],
    [{ HMS_PASSWORD_HASH_QUEUE: 'many' }, 'HMS_PASSWORD_HASH_QUEUE'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('sets Secure cookies when the public URL is https', () => {
    expect(loadConfig({ HMS_PUBLIC_URL: 'https://hms.example.org' }).secureCookies).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/hms' }).databaseUrl).toBe('postgres://u:p@localhost/hms');
  });
});
