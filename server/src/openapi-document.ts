import os from 'node:os';
import path from 'node:path';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { createDb } from './db/create-db.ts';

/** The OpenAPI document, built from the route schemas without a real database (for `npm run api:gen`). */
export async function openApiDocument(): Promise<unknown> {
  const handle = await createDb({ kind: 'sqlite', file: ':memory:' });
  const config = loadConfig({ HMS_LOG_LEVEL: 'silent', HMS_WEB_DIR: path.join(os.tmpdir(), 'hms-no-web-build') });
  const { app } = await buildApp({ config, db: handle.db, dialect: handle.dialect, clock: systemClock });
  const document = app.swagger();
  await app.close();
  await handle.close();
  return document;
}
