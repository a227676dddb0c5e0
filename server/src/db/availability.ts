import { Kysely, type TransactionBuilder } from 'kysely';

/** Seconds a client is told to wait (Retry-After) while the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 2;

// PostgreSQL SQLSTATEs that mean the connection or the server is gone, not that the statement was wrong:
// class 08 (connection exception), 57P01–57P03 (shut down, crashed, starting), 53300 (too many connections).
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
// What pg says when the socket went away under a client, or a connection could not be had in time.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end',
];

interface ErrorLike { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown }

/** True when an error says the database cannot be reached at the moment (a restart, a failover, a lost socket). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && (UNAVAILABLE_STATES.test(e.code) || NETWORK_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** 40001 serialization failure, 40P01 deadlock: PostgreSQL rolled the transaction back and it may simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as ErrorLike | null)?.code;
  return code === '40001' || code === '40P01';
}

/** A transaction that PostgreSQL aborted as a serialization failure or deadlock runs again, at most this many times in all. */
export const TRANSACTION_ATTEMPTS = 4;

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryableConflict(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      // A short, growing, jittered pause so the two sides of a deadlock do not meet again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

function retrying<DB>(builder: TransactionBuilder<DB>): TransactionBuilder<DB> {
  const execute = builder.execute.bind(builder);
  const setIsolationLevel = builder.setIsolationLevel.bind(builder);
  const setAccessMode = builder.setAccessMode.bind(builder);
  builder.execute = (callback) => withRetries(() => execute(callback));
  builder.setIsolationLevel = (level) => retrying(setIsolationLevel(level));
  builder.setAccessMode = (mode) => retrying(setAccessMode(mode));
  return builder;
}

/** Kysely whose `transaction().execute(...)` runs the callback again when PostgreSQL reports 40001 or 40P01. */
export class RetryingKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    return retrying(super.transaction());
  }
}
