import { PAGE_DEFAULT_LIMIT } from '#shared/limits';
import type { Deps } from '../../deps.ts';
import type { DeliveryJobsTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/app-error.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findDeliveryJobStatus, listDeliveryJobRows, requeueJob } from './outbox.queries.ts';

type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead' | 'skipped';
type DeliveryChannel = 'email' | 'sms' | 'reminder';

/** What administrators see of a delivery job: never its payload. */
function toDelivery(row: DeliveryJobsTable) {
  return {
    id: row.id, channel: row.channel as DeliveryChannel, kind: row.kind, recipient: row.recipient, status: row.status as DeliveryStatus, attempts: row.attempts,
    lastError: row.last_error, nextAttemptAt: row.next_attempt_at, sentAt: row.sent_at, notificationId: row.notification_id,
    appointmentId: row.appointment_id, userId: row.user_id, patientId: row.patient_id ?? null, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

const CURSOR = /^[0-9A-Za-z-]{1,64}$/;

export async function listDeliveries(deps: Deps, query: { status?: string | undefined; channel?: string | undefined; limit?: number | undefined; cursor?: string | undefined }) {
  const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
  if (query.cursor !== undefined && !CURSOR.test(query.cursor)) throw invalid('/cursor', 'The cursor is not one this list gave out');
  const rows = await listDeliveryJobRows(deps.db, { status: query.status, channel: query.channel, beforeId: query.cursor }, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toDelivery), nextCursor: rows.length > limit && last ? last.id : null };
}

/** Puts a dead (or failed) job back in the queue, due now, with its attempts counted afresh. */
export async function retryDelivery(deps: Deps, actor: Actor, id: string, ip: string | null): Promise<void> {
  const now = deps.clock.now();
  const retried = await deps.db.transaction().execute(async (trx) => {
    if (!(await requeueJob(trx, id, now.toISOString()))) return false;
    await writeAudit(trx, now, { actorId: actor.userId, actorRole: actor.role, action: 'delivery.retry', entityType: 'delivery_job', entityId: id, outcome: 'success', ip });
    return true;
  });
  if (retried) return;
  const status = await findDeliveryJobStatus(deps.db, id);
  if (status === undefined) throw notFound('Delivery');
  throw new AppError(409, 'INVALID_TRANSITION', `Only a dead or failed delivery can be retried (this one is ${status})`);
}
