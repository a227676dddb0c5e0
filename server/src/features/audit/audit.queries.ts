import type { Executor, Trx } from '../../db/types.ts';
import type { AuditLogTable } from '../../db/types.ts';

/** Advances the chain head and returns the new sequence number and the previous hash; locks the head until commit. */
export async function advanceAuditHead(trx: Trx): Promise<{ seq: number; lastHash: string }> {
  const row = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), lastHash: row.last_hash };
}

export async function insertAuditRow(trx: Trx, row: AuditLogTable): Promise<void> {
  await trx.insertInto('audit_log').values(row).execute();
  await trx.updateTable('audit_head').set({ last_hash: row.hash }).where('id', '=', 1).execute();
}

export async function listAuditRowsAfter(db: Executor, afterSeq: number, limit: number): Promise<AuditLogTable[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export async function findAuditHead(db: Executor): Promise<{ seq: number; last_hash: string }> {
  const row = await db.selectFrom('audit_head').select(['seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), last_hash: row.last_hash };
}
