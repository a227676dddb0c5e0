import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect.ts';

// Payments of consultation fees. Amounts are integers in the currency's minor unit. The appointment keeps the fee it
// was booked at; a payment's status only moves forward from pending; an appointment has at most one succeeded and
// one pending payment; what was refunded never exceeds what was paid; a provider's event is applied once.
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  await db.schema.alterTable('appointments').addColumn('fee_minor', 'integer', (c) => c.check(sql`fee_minor >= 0`)).execute();
  await db.schema.alterTable('appointments').addColumn('fee_currency', 'text', (c) => c.check(sql`length(fee_currency) = 3`)).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('online', 'cash', 'card', 'other')`))
    .addColumn('provider', 'text', (c) => c.check(sql`provider in ('fake', 'stripe')`))
    .addColumn('provider_ref', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'succeeded', 'failed', 'cancelled')`))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3`))
    .addColumn('refunded_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reference', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('succeeded_at', 'text')
    .addCheckConstraint('payments_refund_within_paid', sql`refunded_minor >= 0 and refunded_minor <= amount_minor and (refunded_minor = 0 or status = 'succeeded')`)
    .addCheckConstraint('payments_online_provider', sql`(method = 'online') = (provider is not null)`)
    .addCheckConstraint('payments_succeeded_at', sql`(status = 'succeeded') = (succeeded_at is not null)`)
    .execute();
  await sql`create unique index payments_one_succeeded on payments (appointment_id) where status = 'succeeded'`.execute(db);
  await sql`create unique index payments_one_pending on payments (appointment_id) where status = 'pending'`.execute(db);
  await db.schema.createIndex('payments_created').on('payments').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('payment_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payment_id', 'text', (c) => c.notNull().references('payments.id'))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('succeeded', 'due_at_desk')`))
    /** What makes a refund happen once: e.g. "cancel:<appointment id>". */
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payment_refunds_once', ['payment_id', 'idempotency_key'])
    .execute();

  await db.schema
    .createTable('payment_events')
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.references('payments.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_events_pk', ['provider', 'event_id'])
    .execute();

  // Forward only: pending → succeeded | failed | cancelled. A settled payment's amount, currency and appointment never change.
  const forward = `old.status = new.status or (old.status = 'pending' and new.status in ('succeeded', 'failed', 'cancelled'))`;
  if (sqlite) {
    await sql`create trigger payments_forward_only before update on payments
      when not (${sql.raw(forward)}) or new.amount_minor <> old.amount_minor or new.currency <> old.currency or new.appointment_id <> old.appointment_id
        or new.refunded_minor < old.refunded_minor
      begin select raise(abort, 'PAYMENT_TRANSITION'); end`.execute(db);
    await sql`create trigger payments_no_delete before delete on payments begin select raise(abort, 'PAYMENT_TRANSITION'); end`.execute(db);
  } else {
    await sql`create function hms_payments_forward_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then raise exception 'PAYMENT_TRANSITION' using errcode = 'P0001'; end if;
        if not (${sql.raw(forward)}) or new.amount_minor <> old.amount_minor or new.currency <> old.currency
          or new.appointment_id <> old.appointment_id or new.refunded_minor < old.refunded_minor then
          raise exception 'PAYMENT_TRANSITION' using errcode = 'P0001';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger payments_forward_only before update or delete on payments
      for each row execute function hms_payments_forward_only()`.execute(db);
  }

  await db.schema.alterTable('settings')
    .addColumn('payment_mode', 'text', (c) => c.notNull().defaultTo('off').check(sql`payment_mode in ('off', 'optional', 'required')`)).execute();
  await db.schema.alterTable('settings')
    .addColumn('payment_hold_minutes', 'integer', (c) => c.notNull().defaultTo(15).check(sql`payment_hold_minutes between 5 and 1440`)).execute();
  await db.schema.alterTable('settings')
    .addColumn('refund_full_notice_hours', 'integer', (c) => c.notNull().defaultTo(24).check(sql`refund_full_notice_hours between 0 and 720`)).execute();
  await db.schema.alterTable('settings')
    .addColumn('refund_late_percent', 'integer', (c) => c.notNull().defaultTo(50).check(sql`refund_late_percent between 0 and 100`)).execute();
}
