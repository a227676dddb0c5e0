import type { DeliveryJobsTable, Dialect, Executor, Trx } from '../../db/types.ts';

export async function insertDeliveryJob(db: Executor, row: DeliveryJobsTable): Promise<void> {
  await db.insertInto('delivery_jobs').values(row).execute();
}

/**
 * Claims up to `limit` due jobs — pending or failed ones whose time has come, and ones left in 'sending' past their
 * lease — marking them 'sending' until `lockedUntil` and counting the attempt. Run inside a short transaction:
 * on PostgreSQL concurrent workers skip each other's rows (FOR UPDATE SKIP LOCKED); on SQLite the transaction
 * starts with BEGIN IMMEDIATE, so claims are serialised.
 */
export async function claimDueJobs(trx: Trx, dialect: Dialect, now: string, lockedUntil: string, limit: number): Promise<DeliveryJobsTable[]> {
  const due = trx
    .selectFrom('delivery_jobs')
    .select('id')
    .where((eb) => eb.or([
      eb.and([eb('status', 'in', ['pending', 'failed']), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now)]),
    ]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit);
  const rows = await trx
    .updateTable('delivery_jobs')
    .set((eb) => ({ status: 'sending', locked_until: lockedUntil, attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', 'in', dialect === 'sqlite' ? due : due.forUpdate().skipLocked())
    .returningAll()
    .execute();
  return rows
    .map((row) => ({ ...row, attempts: Number(row.attempts) }))
    .sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id));
}

export interface Claim {
  id: string;
  /** The attempt number the claim was made with: a settle only applies while the claim is still ours. */
  attempts: number;
}

export type Settlement =
  | { status: 'sent'; sent_at: string; updated_at: string }
  | { status: 'skipped'; last_error: string; updated_at: string }
  | { status: 'failed'; last_error: string; next_attempt_at: string; updated_at: string }
  | { status: 'dead'; last_error: string; updated_at: string };

/** Records how a claimed job ended; false when the claim had lapsed and another worker took the job over. */
export async function settleJob(db: Executor, claim: Claim, settlement: Settlement): Promise<boolean> {
  const result = await db
    .updateTable('delivery_jobs')
    .set({ ...settlement, locked_until: null })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves the lease of jobs this process still holds (`sending`, same attempt) to `lockedUntil`; returns how many it kept. */
export async function extendLeases(db: Executor, claims: readonly Claim[], lockedUntil: string): Promise<number> {
  if (claims.length === 0) return 0;
  const result = await db
    .updateTable('delivery_jobs')
    .set({ locked_until: lockedUntil })
    .where('status', '=', 'sending')
    .where((eb) => eb.or(claims.map((claim) => eb.and([eb('id', '=', claim.id), eb('attempts', '=', claim.attempts)]))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Gives back a claimed job that was not started (the process is stopping): due again at once, the attempt not counted. */
export async function releaseClaim(db: Executor, claim: Claim, at: string): Promise<void> {
  await db
    .updateTable('delivery_jobs')
    .set((eb) => ({
      status: eb.case().when('last_error', 'is', null).then('pending').else('failed').end(),
      attempts: eb('attempts', '-', 1),
      locked_until: null,
      updated_at: at,
    }))
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .execute();
}

/** Reminder jobs of an appointment that have not gone out yet. */
export async function deletePendingReminderJobs(trx: Trx, appointmentId: string): Promise<void> {
  await trx
    .deleteFrom('delivery_jobs')
    .where('appointment_id', '=', appointmentId)
    .where('channel', '=', 'reminder')
    .where('status', 'in', ['pending', 'failed'])
    .execute();
}

export interface AppointmentState {
  status: string;
  start_at: string;
  patient_user_id: string | null;
}

/** The appointment as it is now; on PostgreSQL the row stays locked until the transaction ends, so a change waits for the reminder. */
export async function findAppointmentState(trx: Trx, dialect: Dialect, appointmentId: string): Promise<AppointmentState | undefined> {
  const query = trx
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(['a.status', 'a.start_at', 'p.user_id as patient_user_id'])
    .where('a.id', '=', appointmentId);
  return (dialect === 'sqlite' ? query : query.forUpdate('a')).executeTakeFirst();
}

export async function findPatientUserId(db: Executor, patientId: string): Promise<string | null> {
  const row = await db.selectFrom('patients').select('user_id').where('id', '=', patientId).executeTakeFirst();
  return row?.user_id ?? null;
}

export interface DeliveryFilter {
  status?: string | undefined;
  channel?: string | undefined;
  beforeId?: string | undefined;
}

/** Newest first. */
export async function listDeliveryJobRows(db: Executor, filter: DeliveryFilter, limit: number): Promise<DeliveryJobsTable[]> {
  let query = db.selectFrom('delivery_jobs').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

/** Puts a dead or failed job back in the queue with a fresh count of attempts; false when it is in another state. */
export async function requeueJob(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('delivery_jobs')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at, locked_until: null, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['dead', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findDeliveryJobStatus(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('delivery_jobs').select('status').where('id', '=', id).executeTakeFirst())?.status;
}
