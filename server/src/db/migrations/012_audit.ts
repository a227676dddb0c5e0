import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect.ts';

// The audit log becomes append-only in the database itself and its chain becomes keyed (docs/decisions/011).
// - UPDATE and DELETE on audit_log (and TRUNCATE on PostgreSQL) are refused by triggers: only INSERT remains.
// - key_id names the HMAC key a row was hashed with; rows written before this migration keep NULL and their
//   plain SHA-256 hashes, and are pinned by the first keyed row (the anchor) that chains onto them.
// - audit_head.anchor_seq is that anchor row; head_mac authenticates the head (seq, last_hash) with the key,
//   so that removing the newest rows and moving the head back is detected too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('key_id', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('anchor_seq', 'integer').execute();
  await db.schema.alterTable('audit_head').addColumn('head_mac', 'text').execute();

  if (isSqlite(db)) {
    for (const event of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`audit_log_no_${event}`)} before ${sql.raw(event)} on audit_log
        begin
          select raise(abort, 'AUDIT_LOG_APPEND_ONLY');
        end`.execute(db);
    }
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'AUDIT_LOG_APPEND_ONLY: % on audit_log is refused', tg_op using errcode = '42501';
      end
    $$`.execute(db);
    await sql`create trigger audit_log_no_update_delete before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  }
}
