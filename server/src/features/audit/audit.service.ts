import { auditKeyOf, type AuditKey } from '../../db/audit-key.ts';
import { isDatabaseUnavailable, isRetryableConflict } from '../../db/availability.ts';
import type { Db, Executor, Trx } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../../http/actor.ts';
import type { AuditLogTable } from '../../db/types.ts';
import { newId } from '../../ids.ts';
import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import { AppError } from '../../http/app-error.ts';
import { ANCHOR_ACTION, headMac, keyedHash, verifyAuditChain } from './audit-chain.ts';
import { advanceAuditHead, findAuditHead, insertAuditRow, listAuditRows, listUserNames, setAuditAnchor, type AuditFilter } from './audit.queries.ts';

import type { AuditAction, AuditOutcome } from '#shared/audit';

export type { AuditAction, AuditOutcome };

export interface AuditEntry {
  actorId: string | null;
  actorRole: AuditLogTable['actor_role'];
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | null;
  outcome: AuditOutcome;
  ip?: string | null;
  /** Non-sensitive context (changed field names, before/after values): never passwords or tokens. */
  details?: Record<string, unknown> | null;
}

/** Refuses the action when its audit row cannot be written: the caller's transaction rolls back (fail closed). */
export class AuditUnavailable extends AppError {
  constructor(cause?: unknown) {
    super(503, 'AUDIT_UNAVAILABLE', 'The action could not be recorded in the audit log, so nothing was changed. Try again shortly.');
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * Records a read, or a refusal that has no business transaction, in a transaction of its own. The caller awaits
 * it before answering, so a read whose audit row cannot be written is not answered (fail closed).
 */
export async function recordAudit(db: Db, at: Date, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((trx) => writeAudit(trx, at, entry));
}

/**
 * Appends one row to the audit log inside the caller's transaction, chained to the previous row by an HMAC with
 * the audit key. A failure fails the caller's transaction too: no action goes unrecorded.
 */
export async function writeAudit(trx: Trx, at: Date, entry: AuditEntry): Promise<void> {
  const key = auditKeyOf(trx);
  if (!key) throw new AuditUnavailable(new Error('the database handle has no audit key'));
  try {
    let head = await advanceAuditHead(trx);
    if (head.anchorSeq === null) {
      // Normally written at start-up (ensureAuditAnchor); a handle that skipped it anchors on its first write.
      await appendRow(trx, key, head, at, anchorEntry(key, head.seq));
      await setAuditAnchor(trx, head.seq);
      head = await advanceAuditHead(trx);
    }
    await appendRow(trx, key, head, at, entry);
  } catch (error) {
    // A lost connection and a retryable conflict keep their own meaning (503 DATABASE_UNAVAILABLE, a retry).
    if (error instanceof AppError || isDatabaseUnavailable(error) || isRetryableConflict(error)) throw error;
    throw new AuditUnavailable(error);
  }
}

/** The first keyed row: it chains onto the rows hashed before keys were used (if any) and names the key. */
function anchorEntry(key: AuditKey, seq: number): AuditEntry {
  return { actorId: null, actorRole: null, action: ANCHOR_ACTION, entityType: 'audit', outcome: 'success', details: { keyId: key.id, earlierRows: seq - 1 } };
}

async function appendRow(trx: Trx, key: AuditKey, head: { seq: number; lastHash: string }, at: Date, entry: AuditEntry): Promise<void> {
  const row: Omit<AuditLogTable, 'hash'> = {
    id: newId(),
    seq: head.seq,
    at: at.toISOString(),
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    outcome: entry.outcome,
    ip: entry.ip ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
    prev_hash: head.lastHash,
    key_id: key.id,
  };
  const hash = keyedHash(key, row);
  await insertAuditRow(trx, { ...row, hash }, headMac(key, head.seq, hash));
}

/** Writes the anchor row now if the chain has none yet (first start after 012_audit, or a new database). */
export async function ensureAuditAnchor(db: Db, at: Date): Promise<void> {
  const head = await findAuditHead(db);
  if (head.anchorSeq !== null) return;
  await db.transaction().execute(async (trx) => {
    const key = auditKeyOf(trx);
    if (!key) throw new AuditUnavailable(new Error('the database handle has no audit key'));
    const current = await advanceAuditHead(trx);
    if (current.anchorSeq !== null) throw new AnchorWritten();
    await appendRow(trx, key, current, at, anchorEntry(key, current.seq));
    await setAuditAnchor(trx, current.seq);
  }).catch((error: unknown) => {
    if (!(error instanceof AnchorWritten)) throw error;
  });
}

/** Another process wrote the anchor first: roll back the advanced head. */
class AnchorWritten extends Error {}

export async function verifyAudit(db: Executor) {
  const key = auditKeyOf(db);
  if (!key) throw new AuditUnavailable(new Error('the database handle has no audit key'));
  return verifyAuditChain(db, key);
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

/** The chain's report for an administrator; the check itself is audited once it is done (so it never reports on its own row). */
export async function verifyAuditAs(deps: Deps, actor: Actor, ip: string | null) {
  const report = await verifyAudit(deps.db);
  await recordAudit(deps.db, deps.clock.now(), {
    actorId: actor.userId, actorRole: actor.role, action: 'audit.verify', entityType: 'audit', outcome: 'success', ip,
    details: { intact: report.intact, checked: report.checked, brokenAtSeq: report.brokenAtSeq },
  });
  return report;
}

type AuditListQuery = Omit<AuditFilter, 'beforeSeq'> & { limit?: number | undefined; cursor?: string | undefined };

/** A page of the audit log; the read is audited with its filters after the page is read (its own row is not in it). */
export async function listAudit(deps: Deps, actor: Actor, ip: string | null, query: AuditListQuery) {
  const page = await readAuditPage(deps.db, query);
  const filter = Object.fromEntries(Object.entries({ ...query, limit: undefined, cursor: undefined }).filter(([, value]) => value !== undefined));
  await recordAudit(deps.db, deps.clock.now(), {
    actorId: actor.userId, actorRole: actor.role, action: 'audit.read', entityType: 'audit', outcome: 'success', ip,
    details: { count: page.items.length, filter },
  });
  return page;
}

async function readAuditPage(db: Executor, query: AuditListQuery) {
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
