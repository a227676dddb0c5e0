import { createHash } from 'node:crypto';
import type { Executor } from '../../db/types.ts';
import { idempotencyKeyReused } from './errors.ts';
import { findIdempotencyKey } from './appointments.queries.ts';

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Identifies a request for the idempotency check: what it does and with which body. */
export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonical(body)).digest('hex');
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * The response stored for this user's key: replayed when the request is the same,
 * refused (409 IDEMPOTENCY_KEY_REUSED) when the key came with a different request; null when the key is new.
 */
export async function storedResponse(db: Executor, userId: string, key: string, hash: string): Promise<StoredResponse | null> {
  const row = await findIdempotencyKey(db, userId, key);
  if (!row) return null;
  if (row.request_hash !== hash) throw idempotencyKeyReused();
  return { status: row.status_code, body: JSON.parse(row.response_body) as unknown };
}
