import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../bootstrap.ts';
import { systemClock } from '../clock.ts';
import { loadConfig, type Config } from '../config.ts';
import { createDb, dbTargetFromConfig } from '../db/create-db.ts';
import { loadAuditKey } from '../features/audit/audit-key-file.ts';
import { DEMO_PASSWORD, seedDemoData } from './seed/index.ts';

/**
 * `--demo`: a fresh SQLite data directory in the system's temporary folder, filled with the demo hospital,
 * and the demo sign-ins printed. The configured database (HMS_DATA_DIR, DATABASE_URL) is never touched.
 */
export async function prepareDemo(env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = (line) => console.log(line)): Promise<Config> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hms-demo-'));
  const config = loadConfig({ ...env, HMS_DATA_DIR: dataDir, DATABASE_URL: '', HMS_ADMIN_EMAIL: '', HMS_ADMIN_PASSWORD: '' });
  const handle = await createDb(dbTargetFromConfig(config), { auditKey: loadAuditKey(config, { create: true }) });
  try {
    await prepareDatabase(handle, config, systemClock);
    const outcome = await seedDemoData(handle.db, systemClock.now(), { patients: 50, seed: 'hms-demo', force: false });
    print(`Demo hospital in ${dataDir} (a new one at every --demo start; delete the folder when done)`);
    print(`Demo sign-ins, all with the password ${DEMO_PASSWORD}: ${outcome.signIns.map((signIn) => `${signIn.role} ${signIn.email}`).join(', ')}`);
  } finally {
    await handle.close();
  }
  return config;
}
