import { sql } from 'kysely';
import type { AuditLogTable, Db, Dialect } from '../db/types.ts';

/** A database and its dialect: a test app's deps, or a handle the test opened itself. */
interface Target {
  db: Db;
  dialect: Dialect;
}

// What an attacker with write access to the database does before rewriting audit rows: drop the append-only triggers.

export async function dropAuditGuards(target: Target): Promise<void> {
  if (target.dialect === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(target.db);
    await sql`drop trigger audit_log_no_delete`.execute(target.db);
  } else {
    await sql`drop trigger audit_log_no_update_delete on audit_log`.execute(target.db);
  }
}

export async function restoreAuditGuards(target: Target): Promise<void> {
  if (target.dialect === 'sqlite') {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'AUDIT_LOG_APPEND_ONLY'); end`.execute(target.db);
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'AUDIT_LOG_APPEND_ONLY'); end`.execute(target.db);
  } else {
    await sql`create trigger audit_log_no_update_delete before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(target.db);
  }
}


/**
 * Rewrites every row from `fromSeq` on as an attacker without the key would: changes each row's ip, recomputes
 * plain SHA-256 hashes along the chain (the algorithm is public) and moves the head to the new last hash.
 * `unkeyed` also clears the key id, as if the rows predated keyed hashing. Returns a function that puts the
 * original rows and head back.
 */
export async function rewriteSuffix(target: Target, fromSeq: number, options: { unkeyed?: boolean; clearAnchor?: boolean } = {}) {
  const { legacyHash } = await import('../features/audit/audit-chain.ts');
  const original = (await sql<AuditLogTable>`select * from audit_log where seq >= ${fromSeq} order by seq`.execute(target.db)).rows;
  const head = (await sql<Record<string, unknown>>`select * from audit_head`.execute(target.db)).rows[0];
  const before = (await sql<{ hash: string }>`select hash from audit_log where seq = ${fromSeq - 1}`.execute(target.db)).rows[0];
  let previous = before?.hash ?? '0'.repeat(64);
  for (const row of original) {
    const forged: AuditLogTable = { ...row, seq: Number(row.seq), ip: '203.0.113.66', prev_hash: previous, key_id: options.unkeyed ? null : row.key_id };
    const hash = legacyHash(forged);
    await sql`update audit_log set ip = ${forged.ip}, prev_hash = ${previous}, hash = ${hash}, key_id = ${forged.key_id} where seq = ${row.seq}`.execute(target.db);
    previous = hash;
  }
  await sql`update audit_head set last_hash = ${previous}`.execute(target.db);
  if (options.clearAnchor) await sql`update audit_head set anchor_seq = null`.execute(target.db);
  return async () => {
    for (const row of original) {
      await sql`update audit_log set ip = ${row.ip}, prev_hash = ${row.prev_hash}, hash = ${row.hash}, key_id = ${row.key_id} where seq = ${row.seq}`.execute(target.db);
    }
    await sql`update audit_head set last_hash = ${head?.['last_hash']}, anchor_seq = ${head?.['anchor_seq'] ?? null}, head_mac = ${head?.['head_mac'] ?? null}`.execute(target.db);
  };
}
