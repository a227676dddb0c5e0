import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../../config.ts';
import { AuditKey } from '../../db/audit-key.ts';

type KeyConfig = Pick<Config, 'auditKey' | 'auditKeyFile' | 'databaseUrl'>;

/**
 * The audit chain's key: HMS_AUDIT_KEY, or the key file. With SQLite the default file (`audit.key` in the data
 * directory) is created on first start when `create` is set; a PostgreSQL deployment names its key explicitly,
 * since every server of it must share one key. The key is never written to the database: back it up separately.
 */
export function loadAuditKey(config: KeyConfig, options: { create: boolean }): AuditKey {
  if (config.auditKey !== null) return new AuditKey(config.auditKey);
  const file = config.auditKeyFile;
  if (file === null) {
    throw new ConfigError('with PostgreSQL (DATABASE_URL), set HMS_AUDIT_KEY or HMS_AUDIT_KEY_FILE: every server must sign the audit log with the same key, which is kept out of the database');
  }
  if (!fs.existsSync(file)) {
    if (!options.create || config.databaseUrl !== null) {
      throw new ConfigError(`there is no audit key at ${file}; create one (e.g. \`openssl rand -hex 32 > ${file} && chmod 600 ${file}\`) or restore it from your backup`);
    }
    createKeyFile(file);
  }
  return new AuditKey(readKeyFile(file));
}

function createKeyFile(file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new ConfigError(`cannot create the folder ${path.dirname(file)} for the audit key${typeof code === 'string' ? ` (${code})` : ''}: check HMS_DATA_DIR (or HMS_AUDIT_KEY_FILE)`);
  }
  const draft = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    // A hard link appears whole or not at all: when two processes start at once, one key wins and both read it.
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

function readKeyFile(file: string): string {
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    throw new ConfigError(`the audit key ${file} may be read by other users: \`chmod 600 ${file}\``);
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new ConfigError(`the audit key in ${file} is shorter than 32 characters`);
  return key;
}
