import fs from 'node:fs';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '../db/create-db.ts';
import { migrations } from '../db/migrations/index.ts';
import { recordedVersion } from '../db/schema-version.queries.ts';
import type { AuditKey } from '../db/audit-key.ts';
import { verifyAudit } from '../features/audit/audit.service.ts';
import { VERSION } from '../version.ts';

/** What the checks of a copy found: `problems` is empty when the copy is a sound HMS database this version can run. */
export interface CopyReport {
  problems: string[];
  /** Migrations recorded in the copy that this version also has; the rest are named in `problems`. */
  applied: number;
  pending: number;
  auditRows: number;
}

const HMS_TABLES = ['schema_migrations', 'users', 'sessions', 'audit_log', 'audit_head', 'settings'];

/**
 * Checks a SQLite copy (a backup, or a file about to be restored) through an open handle: SQLite's integrity check,
 * that it is an HMS database, that it was not written by a newer HMS, and that its audit chain verifies.
 */
export async function checkCopy(handle: DbHandle): Promise<CopyReport> {
  const raw = handle.sqlite;
  if (!raw) throw new Error('the SQLite connection is missing');
  const report: CopyReport = { problems: [], applied: 0, pending: 0, auditRows: 0 };
  const integrity = raw.pragma('integrity_check(20)') as { integrity_check: string }[];
  const messages = integrity.map((row) => row.integrity_check);
  if (messages.length !== 1 || messages[0] !== 'ok') {
    report.problems.push(`SQLite's integrity check failed: ${messages.slice(0, 3).join('; ')}`);
    return report;
  }
  const tables = new Set((raw.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((row) => row.name));
  const missing = HMS_TABLES.filter((name) => !tables.has(name));
  if (missing.length > 0) {
    report.problems.push(`it is not an HMS database (no ${missing.join(', ')} table${missing.length === 1 ? '' : 's'})`);
    return report;
  }
  const recorded = (await sql<{ name: string }>`select name from schema_migrations`.execute(handle.db)).rows.map((row) => row.name);
  const unknown = recorded.filter((name) => !Object.hasOwn(migrations, name)).sort();
  if (unknown.length > 0) {
    const version = await recordedVersion(handle.db);
    report.problems.push(`it was written by a newer HMS than this one (${VERSION}): it has migrations ${unknown.join(', ')} that this version does not know`
      + (version ? `; restore it with HMS ${version} or newer` : ''));
  }
  report.applied = recorded.length - unknown.length;
  report.pending = Object.keys(migrations).filter((name) => !recorded.includes(name)).length;
  const chain = await verifyAudit(handle.db);
  report.auditRows = chain.checked;
  if (!chain.intact) report.problems.push(`its audit chain is broken at row ${String(chain.brokenAtSeq)} (${chain.problem ?? 'does not verify'}; ${chain.checked} rows before it verify)`);
  return report;
}

/** Opens `file` (which must exist and be a SQLite file) and checks it; an unreadable file is one problem, not a crash. */
export async function checkCopyFile(file: string, auditKey: AuditKey): Promise<CopyReport> {
  if (!fs.existsSync(file)) return { problems: [`${file} does not exist`], applied: 0, pending: 0, auditRows: 0 };
  let handle: DbHandle;
  try {
    handle = await createDb({ kind: 'sqlite', file }, { auditKey });
  } catch (error) {
    return { problems: [`it cannot be opened as a SQLite database (${errorText(error)})`], applied: 0, pending: 0, auditRows: 0 };
  }
  try {
    return await checkCopy(handle);
  } catch (error) {
    return { problems: [`it cannot be read as an HMS database (${errorText(error)})`], applied: 0, pending: 0, auditRows: 0 };
  } finally {
    await handle.close();
  }
}

export function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${message}, ${e.code}` : message;
}
