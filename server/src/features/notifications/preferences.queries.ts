import type { Executor, NotificationPreferencesTable, Trx } from '../../db/types.ts';

export async function listPreferenceRows(db: Executor, userId: string): Promise<NotificationPreferencesTable[]> {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

export async function findPreferenceRow(db: Executor, userId: string, kind: string): Promise<NotificationPreferencesTable | undefined> {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst();
}

export async function upsertPreferenceRow(trx: Trx, row: NotificationPreferencesTable): Promise<void> {
  await trx
    .insertInto('notification_preferences')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email: row.email, sms: row.sms, updated_at: row.updated_at }))
    .execute();
}

/** The phone number text messages would go to: the patient's or the doctor's record of this user. */
export async function findUserPhone(db: Executor, userId: string): Promise<string | null> {
  const patient = await db.selectFrom('patients').select('phone').where('user_id', '=', userId).executeTakeFirst();
  if (patient?.phone.trim()) return patient.phone.trim();
  const doctor = await db.selectFrom('doctors').select('phone').where('user_id', '=', userId).executeTakeFirst();
  return doctor?.phone.trim() ? doctor.phone.trim() : null;
}
