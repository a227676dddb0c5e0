import { createHash } from 'node:crypto';
import type { AuditKey } from '../../db/audit-key.ts';
import type { AuditLogTable, Executor } from '../../db/types.ts';
import { findAuditHead, listAuditRowsAfter, type AuditHead } from './audit.queries.ts';

// The audit hash chain (docs/decisions/011-keyed-audit-chain.md). Each row's hash covers its content and the
// previous row's hash. Rows written before 012_audit carry a plain SHA-256 (key_id null); every later row an
// HMAC-SHA-256 with the audit key, which is not in the database, so rewriting rows and computing fresh hashes
// is detected. The first keyed row is the anchor: its HMAC covers the last unkeyed hash, pinning the old rows.

export const GENESIS_HASH = '0'.repeat(64);
export const ANCHOR_ACTION = 'audit.key_anchor';

type HashedFields = Omit<AuditLogTable, 'hash'>;

const content = (row: HashedFields) => JSON.stringify([
  row.id, row.seq, row.at, row.actor_id, row.actor_role, row.action,
  row.entity_type, row.entity_id, row.outcome, row.ip, row.details,
]);

/** The hash of a row written before 012_audit. */
export function legacyHash(row: HashedFields): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(content(row)).digest('hex');
}

/** The hash of a keyed row: an HMAC that also covers which key signed it. */
export function keyedHash(key: AuditKey, row: HashedFields): string {
  return key.mac(row.prev_hash, '\n', content(row), '\n', row.key_id ?? '');
}

/** Authenticates the chain head, so that removing the newest rows and moving the head back is detected. */
export function headMac(key: AuditKey, seq: number, lastHash: string): string {
  return key.mac('head\n', String(seq), '\n', lastHash);
}

export type ChainProblem =
  | 'sequence' // a row is missing or out of order
  | 'link' // a row does not point at the previous row's hash
  | 'content' // a row's hash does not match its content
  | 'unkeyed' // a row after the anchor carries no HMAC (a rewrite with plain SHA-256)
  | 'unknown_key' // a row was signed with another key than the configured one
  | 'anchor' // the anchor recorded in the head is not a keyed anchor row, or there is none
  | 'head'; // the head does not match the last row (rows removed), or its MAC is wrong

export interface ChainReport {
  intact: boolean;
  checked: number;
  /** The sequence number of the first row that does not verify. */
  brokenAtSeq: number | null;
  problem: ChainProblem | null;
}

function rowProblem(key: AuditKey, head: AuditHead, row: AuditLogTable, expectedSeq: number, previous: string): ChainProblem | null {
  if (row.seq !== expectedSeq) return 'sequence';
  if (row.prev_hash !== previous) return 'link';
  if (head.anchorSeq === null || head.anchorSeq > head.seq) return 'anchor';
  if (row.key_id === null) {
    if (row.seq >= head.anchorSeq) return 'unkeyed';
    return legacyHash(row) === row.hash ? null : 'content';
  }
  if (row.key_id !== key.id) return 'unknown_key';
  if (keyedHash(key, row) !== row.hash) return 'content';
  if (row.seq === head.anchorSeq && row.action !== ANCHOR_ACTION) return 'anchor';
  return null;
}

/** Walks the whole chain: every row must match its hash, its place and the previous row; the head must match the last row. */
export async function verifyAuditChain(db: Executor, key: AuditKey): Promise<ChainReport> {
  const head = await findAuditHead(db);
  let previous = GENESIS_HASH;
  let lastSeq = 0;
  for (;;) {
    const rows = await listAuditRowsAfter(db, lastSeq, 1000);
    for (const row of rows) {
      const problem = rowProblem(key, head, row, lastSeq + 1, previous);
      if (problem) return { intact: false, checked: lastSeq, brokenAtSeq: row.seq, problem };
      previous = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < 1000) break;
  }
  const headIntact = head.seq === lastSeq && head.lastHash === previous
    && (lastSeq === 0 ? head.headMac === null : head.headMac === headMac(key, head.seq, head.lastHash));
  if (!headIntact) return { intact: false, checked: lastSeq, brokenAtSeq: lastSeq + 1, problem: 'head' };
  return { intact: true, checked: lastSeq, brokenAtSeq: null, problem: null };
}
