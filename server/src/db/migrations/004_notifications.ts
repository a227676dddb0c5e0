import { sql, type Kysely } from 'kysely';

// Delivery outbox (email, text message, reminder jobs), notification preferences, personal calendar feeds,
// and the hospital's reminder offsets.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('delivery_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.references('notifications.id'))
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms', 'reminder')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sending', 'sent', 'failed', 'dead', 'skipped')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_jobs_due').on('delivery_jobs').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('delivery_jobs_appointment').on('delivery_jobs').columns(['appointment_id', 'channel', 'status']).execute();
  await db.schema.createIndex('delivery_jobs_notification').on('delivery_jobs').column('notification_id').execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull().check(sql`email in (0, 1)`))
    .addColumn('sms', 'integer', (c) => c.notNull().check(sql`sms in (0, 1)`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('notifications_user_unread').on('notifications').columns(['user_id', 'read_at']).execute();

  await db.schema
    .alterTable('settings')
    .addColumn('reminder_offsets_minutes', 'text', (c) => c.notNull().defaultTo('[1440,120]'))
    .execute();
}
