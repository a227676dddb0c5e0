import type { CalendarFeedsTable, Executor, Trx } from '../../db/types.ts';

export async function upsertCalendarFeed(trx: Trx, row: CalendarFeedsTable): Promise<void> {
  await trx
    .insertInto('calendar_feeds')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }))
    .execute();
}

export async function deleteCalendarFeed(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

export async function findFeedOwner(db: Executor, tokenHash: string): Promise<{ user_id: string; role: string; active: number } | undefined> {
  return db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.user_id', 'u.role', 'u.active'])
    .where('f.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export interface FeedAppointment {
  id: string;
  start_at: string;
  end_at: string;
  status: string;
  sequence: number;
  doctor_name: string;
  patient_name: string;
}

/** Requested and confirmed appointments not yet over, of the patient or doctor who is this user; soonest first. */
export async function listFeedAppointments(db: Executor, userId: string, as: 'patient' | 'doctor', after: string, limit: number): Promise<FeedAppointment[]> {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select(['a.id', 'a.start_at', 'a.end_at', 'a.status', 'a.sequence', 'd.name as doctor_name', 'p.name as patient_name'])
    .where(as === 'patient' ? 'p.user_id' : 'd.user_id', '=', userId)
    .where('a.status', 'in', ['requested', 'confirmed'])
    .where('a.end_at', '>', after)
    .orderBy('a.start_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
}
