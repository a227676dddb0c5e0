import type { Migration } from 'kysely';
import * as m001 from './001_foundation.ts';

/** Every migration, in order. Never edit one that has landed: add the next number. */
export const migrations: Record<string, Migration> = {
  '001_foundation': m001,
};
