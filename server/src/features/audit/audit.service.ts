import { createHash } from 'node:crypto';
import type { Executor, Trx } from '../../db/types.ts';
import type { AuditLogTable } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { AppError } from '../../http/app-error.ts';
import { advanceAuditHead, findAuditHead, insertAuditRow, listAuditRows, listAuditRowsAfter, listUserNames, type AuditFilter } from './audit.queries.ts';

import type { AuditAction, AuditOutcome } from '#shared/audit';

export type { AuditAction, AuditOutcome };

export interface AuditEntry {
  actorId: string | null;
  actorRole: string | null;
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  /** Non-sensitive context (changed field names, before/after values): never passwords or tokens. */
  details?: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);

function hashRow(row: Omit<AuditLogTable, 'hash'>): string {
  const body = JSON.stringify([
    row.id, row.seq, row.at, row.actor_id, row.actor_role, row.action,
    row.entity_type, row.entity_id, row.outcome, row.ip, row.details,
  ]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(body).digest('hex');
}

/** Appends one row to the audit log inside the caller's transaction, chained to the previous row by hash. */
export async function writeAudit(trx: Trx, at: Date, entry: AuditEntry): Promise<void> {
  const { seq, lastHash } = await advanceAuditHead(trx);
  const row: Omit<AuditLogTable, 'hash'> = {
    id: newId(),
    seq,
    at: at.toISOString(),
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    prev_hash: lastHash,
  };
  await insertAuditRow(trx, { ...row, hash: hashRow(row) });
}

export interface ChainReport {
  intact: boolean;
  checked: number;
  /** The sequence number of the first row that does not verify. */
  brokenAtSeq: number | null;
}

/** Walks the whole chain: every row's hash must match its content and the previous row's hash. */
export async function verifyAuditChain(db: Executor): Promise<ChainReport> {
  let previous = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await listAuditRowsAfter(db, lastSeq, 1000);
    for (const row of rows) {
      const { hash, ...rest } = row;
      if (row.seq !== lastSeq + 1 || row.prev_hash !== previous || hashRow(rest) !== hash) {
        return { intact: false, checked, brokenAtSeq: row.seq };
      }
      previous = hash;
      lastSeq = row.seq;
      checked += 1;
    }
    if (rows.length < 1000) break;
  }
  const head = await findAuditHead(db);
  if (head.seq !== lastSeq || head.last_hash !== previous) {
    return { intact: false, checked, brokenAtSeq: lastSeq + 1 };
  }
  return { intact: true, checked, brokenAtSeq: null };
}

/** Instants compare as UTC text: an input with an offset is turned into the stored form first. */
export const toStoredInstant = (text: string | undefined) => (text === undefined ? undefined : new Date(text).toISOString());

function toAuditEntry(row: AuditLogTable, actorName: string | undefined) {
  return {
    id: row.id, seq: row.seq, at: row.at, actorId: row.actor_id, ...(actorName === undefined ? {} : { actorName }), actorRole: row.actor_role, action: row.action,
    entityType: row.entity_type, entityId: row.entity_id, outcome: row.outcome as AuditOutcome,
    ...(row.ip ? { ip: row.ip } : {}),
    ...(row.details ? { details: JSON.parse(row.details) as Record<string, unknown> } : {}),
  };
}

export async function listAudit(db: Executor, query: Omit<AuditFilter, 'beforeSeq'> & { limit?: number | undefined; cursor?: string | undefined }) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  let beforeSeq: number | undefined;
  if (query.cursor !== undefined) {
    if (!/^[1-9][0-9]{0,15}$/.test(query.cursor)) throw new AppError(400, 'VALIDATION_FAILED', 'The cursor is not one this list gave out', [{ path: '/cursor', message: 'is invalid' }]);
    beforeSeq = Number(query.cursor);
  }
  const filter = { ...query, from: toStoredInstant(query.from), to: toStoredInstant(query.to), beforeSeq };
  const rows = await listAuditRows(db, filter, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const names = await listUserNames(db, [...new Set(page.flatMap((row) => (row.actor_id ? [row.actor_id] : [])))]);
  return {
    items: page.map((row) => toAuditEntry(row, row.actor_id ? names.get(row.actor_id) : undefined)),
    nextCursor: rows.length > limit && last ? String(last.seq) : null,
  };
}
