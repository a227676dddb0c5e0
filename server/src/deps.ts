import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/create-db.ts';

/** What the app is built from: passed down explicitly, never imported as singletons. */
export interface Deps {
  config: Config;
  db: DbHandle['db'];
  dialect: DbHandle['dialect'];
  clock: Clock;
}
