import type { Executor, Trx } from '../../db/types.ts';
import type { AuditLogTable } from '../../db/types.ts';
import type { AuditOutcome } from '#shared/audit';

/** Advances the chain head and returns the new sequence number, the previous hash and the anchor; locks the head until commit. */
export async function advanceAuditHead(trx: Trx): Promise<{ seq: number; lastHash: string; anchorSeq: number | null }> {
  const row = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'last_hash', 'anchor_seq'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), lastHash: row.last_hash, anchorSeq: row.anchor_seq === null ? null : Number(row.anchor_seq) };
}

export async function insertAuditRow(trx: Trx, row: AuditLogTable, headMac: string): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
  await trx.updateTable('audit_head').set({ last_hash: row.hash, head_mac: headMac }).where('id', '=', 1).execute();
}

export async function setAuditAnchor(trx: Trx, seq: number): Promise<void> {
  await trx.updateTable('audit_head').set({ anchor_seq: seq }).where('id', '=', 1).execute();
}

export async function listAuditRowsAfter(db: Executor, afterSeq: number, limit: number): Promise<AuditLogTable[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export interface AuditHead {
  seq: number;
  lastHash: string;
  anchorSeq: number | null;
  headMac: string | null;
}

export async function findAuditHead(db: Executor): Promise<AuditHead> {
  const row = await db.selectFrom('audit_head').select(['seq', 'last_hash', 'anchor_seq', 'head_mac']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), lastHash: row.last_hash, anchorSeq: row.anchor_seq === null ? null : Number(row.anchor_seq), headMac: row.head_mac };
}

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  outcome?: AuditOutcome | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Rows with a sequence number below this one (the page cursor). */
  beforeSeq?: number | undefined;
}

/** Newest first. */
export async function listAuditRows(db: Executor, filter: AuditFilter, limit: number): Promise<AuditLogTable[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** The names of the users with these ids (actors of audit rows). */
export async function listUserNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
