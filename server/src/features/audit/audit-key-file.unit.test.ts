import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { loadAuditKey } from './audit-key-file.ts';

describe('the audit key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-key-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('with SQLite defaults to audit.key in the data directory, created 0600 once and then read back', () => {
    const config = loadConfig({ HMS_DATA_DIR: path.join(dir, 'data') }, '/');
    expect(config.auditKeyFile).toBe(path.join(dir, 'data', 'audit.key'));
    const first = loadAuditKey(config, { create: true });
    expect(fs.statSync(path.join(dir, 'data', 'audit.key')).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(config, { create: true }).id).toBe(first.id);
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual(['audit.key']);
  });

  it('is never created to verify, nor on PostgreSQL, where it must be named', () => {
    expect(() => loadAuditKey(loadConfig({ HMS_DATA_DIR: path.join(dir, 'empty') }, '/'), { create: false })).toThrow(/there is no audit key/);
    expect(fs.existsSync(path.join(dir, 'empty', 'audit.key'))).toBe(false);
    const pg = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/hms', HMS_DATA_DIR: dir }, '/');
    expect(pg.auditKeyFile).toBeNull();
    expect(() => loadAuditKey(pg, { create: true })).toThrow(/set HMS_AUDIT_KEY or HMS_AUDIT_KEY_FILE/);
    const named = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/hms', HMS_AUDIT_KEY_FILE: path.join(dir, 'missing.key') }, '/');
    expect(() => loadAuditKey(named, { create: true })).toThrow(/there is no audit key/);
  });

  it('comes from HMS_AUDIT_KEY when set; a short key or both settings at once are refused', () => {
    const key = loadAuditKey(loadConfig({ HMS_AUDIT_KEY: 'k'.repeat(32) }, '/'), { create: false });
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify({ key })).not.toContain('kkkk');
    expect(() => loadConfig({ HMS_AUDIT_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ HMS_AUDIT_KEY: 'k'.repeat(32), HMS_AUDIT_KEY_FILE: 'x' })).toThrow(/not both/);
  });

  it('refuses a key file other users may read', () => {
    const file = path.join(dir, 'loose.key');
    fs.writeFileSync(file, `${'a'.repeat(64)}\n`, { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(() => loadAuditKey(loadConfig({ HMS_AUDIT_KEY_FILE: file }, '/'), { create: false })).toThrow(/chmod 600/);
  });
});
