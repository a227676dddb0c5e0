import { sql } from 'kysely';
import type { TestApp } from './harness.ts';

// What an attacker with write access to the database does before rewriting audit rows: drop the append-only triggers.

export async function dropAuditGuards(t: TestApp): Promise<void> {
  if (t.deps.dialect === 'sqlite') {
    await sql`drop trigger audit_log_no_update`.execute(t.deps.db);
    await sql`drop trigger audit_log_no_delete`.execute(t.deps.db);
  } else {
    await sql`drop trigger audit_log_no_update_delete on audit_log`.execute(t.deps.db);
  }
}

export async function restoreAuditGuards(t: TestApp): Promise<void> {
  if (t.deps.dialect === 'sqlite') {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'AUDIT_LOG_APPEND_ONLY'); end`.execute(t.deps.db);
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'AUDIT_LOG_APPEND_ONLY'); end`.execute(t.deps.db);
  } else {
    await sql`create trigger audit_log_no_update_delete before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(t.deps.db);
  }
}
