import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect.ts';

const ACTIVE = sql<boolean>`status in ('requested', 'confirmed')`;

// Weekly availability, time off, appointments with their history, idempotency keys —
// and the guarantee that two active appointments of one doctor never overlap.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('availability_intervals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_minute', 'integer', (c) => c.notNull().check(sql`start_minute between 0 and 1439`))
    .addColumn('end_minute', 'integer', (c) => c.notNull().check(sql`end_minute <= 1440`))
    .addCheckConstraint('availability_intervals_order', sql`start_minute < end_minute`)
    .execute();
  await db.schema.createIndex('availability_intervals_doctor').on('availability_intervals').columns(['doctor_id', 'weekday']).execute();

  await db.schema
    .createTable('time_off')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('time_off_order', sql`start_at < end_at`)
    .execute();
  await db.schema.createIndex('time_off_doctor').on('time_off').columns(['doctor_id', 'end_at']).execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('requested', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show')`),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('appointments_order', sql`start_at < end_at`)
    .execute();
  await db.schema.createIndex('appointments_doctor_start').on('appointments').columns(['doctor_id', 'start_at']).execute();
  await db.schema.createIndex('appointments_patient_start').on('appointments').columns(['patient_id', 'start_at']).execute();
  await db.schema.createIndex('appointments_status_start').on('appointments').columns(['status', 'start_at']).execute();
  // Same doctor, same start, both active: refused on every dialect.
  await db.schema
    .createIndex('appointments_doctor_active_start')
    .on('appointments')
    .columns(['doctor_id', 'start_at'])
    .unique()
    .where(ACTIVE)
    .execute();

  if (isSqlite(db)) {
    // Overlaps of any length: writers are serialised (BEGIN IMMEDIATE), so this check cannot race.
    for (const [event, self] of [['insert', sql``], ['update of doctor_id, start_at, end_at, status', sql`and a.id <> new.id`]] as const) {
      await sql`create trigger ${sql.raw(`appointments_no_overlap_${event.split(' ')[0]}`)}
        before ${sql.raw(event)} on appointments
        when new.status in ('requested', 'confirmed')
        begin
          select raise(abort, 'APPOINTMENT_OVERLAP') where exists (
            select 1 from appointments a
            where a.doctor_id = new.doctor_id and a.status in ('requested', 'confirmed')
              and a.start_at < new.end_at and a.end_at > new.start_at ${self}
          );
        end`.execute(db);
    }
  } else {
    await sql`create extension if not exists btree_gist`.execute(db);
    // Instants are stored as ISO-8601 UTC text ending in Z, so this cast does not depend on the session's time zone.
    await sql`create function hms_instant(text) returns timestamptz language sql immutable strict parallel safe
      as $$ select $1::timestamptz $$`.execute(db);
    await sql`alter table appointments add constraint appointments_no_overlap
      exclude using gist (doctor_id with =, tstzrange(hms_instant(start_at), hms_instant(end_at), '[)') with &&)
      where (status in ('requested', 'confirmed'))`.execute(db);
  }

  await db.schema
    .createTable('appointment_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('from_start', 'text')
    .addColumn('to_start', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('appointment_history_appointment').on('appointment_history').columns(['appointment_id', 'at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();
}
