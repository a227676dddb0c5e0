import type { Deps } from '../../deps.ts';
import type { AuditLogTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { csvDocument, type CsvValue } from '../../csv.ts';
import { csvFilename, EXPORT_MAX_ROWS, readAllRows } from '../../csv-export.ts';
import { findAuditHead, listAuditRows, type AuditFilter } from './audit.queries.ts';
import { toStoredInstant, writeAudit } from './audit.service.ts';

export type AuditExportFilter = Omit<AuditFilter, 'beforeSeq'>;

const HEADER = ['seq', 'id', 'at', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'outcome', 'ip', 'details'] as const;

const toCells = (row: AuditLogTable): CsvValue[] => [
  row.seq, row.id, row.at, row.actor_id, row.actor_role, row.action, row.entity_type, row.entity_id, row.outcome, row.ip, row.details,
];

/**
 * The audit rows matching the filters as CSV, newest first. The rows are those present when the export starts
 * (its own audit row, written before the file is sent, is not in it); the export is audited with its filters and row count.
 */
export async function exportAuditCsv(deps: Deps, actor: Actor, ip: string | null, query: AuditExportFilter, maxRows = EXPORT_MAX_ROWS) {
  const filter: AuditExportFilter = { ...query, from: toStoredInstant(query.from), to: toStoredInstant(query.to) };
  const head = await findAuditHead(deps.db);
  const rows = await readAllRows<AuditLogTable>(
    (after, limit) => listAuditRows(deps.db, { ...filter, beforeSeq: after ? after.seq : head.seq + 1 }, limit),
    maxRows,
  );
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    writeAudit(trx, now, {
      actorId: actor.userId, actorRole: actor.role, action: 'audit.export', entityType: 'audit', outcome: 'success', ip,
      details: { rows: rows.length, filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) },
    }),
  );
  return { filename: csvFilename('audit', now), body: csvDocument(HEADER, rows.map(toCells)) };
}
