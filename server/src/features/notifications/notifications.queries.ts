import type { Executor, NotificationsTable } from '../../db/types.ts';

export async function insertNotification(db: Executor, row: NotificationsTable): Promise<void> {
  await db.insertInto('notifications').values(row).execute();
}

export interface NotificationFilter {
  unreadOnly: boolean;
  /** Rows older than this id (the page cursor; ids sort by creation). */
  beforeId?: string | undefined;
}

/** Newest first. */
export async function listNotificationRows(db: Executor, userId: string, filter: NotificationFilter, limit: number): Promise<NotificationsTable[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countUnreadNotifications(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findOwnNotification(db: Executor, userId: string, id: string): Promise<{ id: string; read_at: string | null } | undefined> {
  return db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export async function markNotificationRead(db: Executor, userId: string, id: string, at: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

export async function markAllNotificationsRead(db: Executor, userId: string, at: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

export interface UserContact {
  email: string;
  name: string;
  active: number;
}

export async function findUserContact(db: Executor, userId: string): Promise<UserContact | undefined> {
  return db.selectFrom('users').select(['email', 'name', 'active']).where('id', '=', userId).executeTakeFirst();
}

export interface AppointmentParties {
  id: string;
  start_at: string;
  end_at: string;
  status: string;
  sequence: number;
  doctor_name: string;
  doctor_user_id: string;
  patient_name: string;
  patient_user_id: string | null;
}

export async function findAppointmentParties(db: Executor, appointmentId: string): Promise<AppointmentParties | undefined> {
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('doctors as d', 'd.id', 'a.doctor_id')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .select([
      'a.id', 'a.start_at', 'a.end_at', 'a.status', 'a.sequence',
      'd.name as doctor_name', 'd.user_id as doctor_user_id', 'p.name as patient_name', 'p.user_id as patient_user_id',
    ])
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
  return row ? { ...row, sequence: Number(row.sequence) } : undefined;
}

export interface HospitalBasics {
  hospital_name: string;
  time_zone: string;
  reminder_offsets_minutes: string;
}

export async function findHospitalBasics(db: Executor): Promise<HospitalBasics> {
  return db.selectFrom('settings').select(['hospital_name', 'time_zone', 'reminder_offsets_minutes']).where('id', '=', 1).executeTakeFirstOrThrow();
}
