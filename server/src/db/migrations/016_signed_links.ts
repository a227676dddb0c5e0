import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect.ts';

// Signed links for patients without an account (issue 16).
// - signed_links: one row per link; only the SHA-256 of the 256-bit token is kept. A purpose, an expiry, a revocation
//   time, and a per-token request counter over a one-minute window.
// - appointment_history.actor_id becomes optional and actor_kind says whether a signed-in user ('user') or a patient
//   through a link ('patient_link') made the change.
// - delivery_jobs.user_id becomes optional and patient_id names a patient without an account, so that the outbox can
//   write to their email address or phone number.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signed_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('manage', 'feedback', 'waitlist_offer')`))
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('window_start', 'text')
    .addColumn('window_count', 'integer', (c) => c.notNull().defaultTo(0).check(sql`window_count >= 0`))
    .execute();
  await db.schema.createIndex('signed_links_appointment').on('signed_links').columns(['appointment_id', 'purpose']).execute();

  if (isSqlite(db)) {
    await sql`create table appointment_history_new (
      id text primary key,
      appointment_id text not null references appointments(id),
      at text not null,
      actor_id text references users(id),
      actor_role text not null,
      actor_kind text not null default 'user' check (actor_kind in ('user', 'patient_link')),
      from_status text,
      to_status text not null,
      from_start text,
      to_start text,
      note text,
      check (actor_id is not null or actor_kind = 'patient_link')
    )`.execute(db);
    await sql`insert into appointment_history_new (id, appointment_id, at, actor_id, actor_role, from_status, to_status, from_start, to_start, note)
      select id, appointment_id, at, actor_id, actor_role, from_status, to_status, from_start, to_start, note from appointment_history`.execute(db);
    await sql`drop table appointment_history`.execute(db);
    await sql`alter table appointment_history_new rename to appointment_history`.execute(db);
    await db.schema.createIndex('appointment_history_appointment').on('appointment_history').columns(['appointment_id', 'at']).execute();

    await sql`create table delivery_jobs_new (
      id text primary key,
      notification_id text references notifications(id),
      appointment_id text references appointments(id),
      user_id text references users(id),
      patient_id text references patients(id),
      kind text not null,
      channel text not null check (channel in ('email', 'sms', 'reminder')),
      recipient text not null,
      payload text not null,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'dead', 'skipped')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at text not null,
      locked_until text,
      last_error text,
      sent_at text,
      created_at text not null,
      updated_at text not null,
      check (user_id is not null or patient_id is not null)
    )`.execute(db);
    await sql`insert into delivery_jobs_new (id, notification_id, appointment_id, user_id, kind, channel, recipient, payload, status, attempts,
        next_attempt_at, locked_until, last_error, sent_at, created_at, updated_at)
      select id, notification_id, appointment_id, user_id, kind, channel, recipient, payload, status, attempts,
        next_attempt_at, locked_until, last_error, sent_at, created_at, updated_at from delivery_jobs`.execute(db);
    await sql`drop table delivery_jobs`.execute(db);
    await sql`alter table delivery_jobs_new rename to delivery_jobs`.execute(db);
    await db.schema.createIndex('delivery_jobs_due').on('delivery_jobs').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('delivery_jobs_appointment').on('delivery_jobs').columns(['appointment_id', 'channel', 'status']).execute();
    await db.schema.createIndex('delivery_jobs_notification').on('delivery_jobs').column('notification_id').execute();
  } else {
    await sql`alter table appointment_history alter column actor_id drop not null`.execute(db);
    await sql`alter table appointment_history add column actor_kind text not null default 'user'
      check (actor_kind in ('user', 'patient_link'))`.execute(db);
    await sql`alter table appointment_history add constraint appointment_history_actor
      check (actor_id is not null or actor_kind = 'patient_link')`.execute(db);
    await sql`alter table delivery_jobs alter column user_id drop not null`.execute(db);
    await sql`alter table delivery_jobs add column patient_id text references patients(id)`.execute(db);
    await sql`alter table delivery_jobs add constraint delivery_jobs_addressee check (user_id is not null or patient_id is not null)`.execute(db);
  }
}
