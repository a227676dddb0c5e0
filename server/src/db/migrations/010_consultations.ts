import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect.ts';

// Consultations (one per appointment: draft → signed), their append-only addenda, administrators' break-glass
// grants, and two hospital settings. A signed consultation is locked by the database itself, so every UPDATE or
// DELETE of it, and of an addendum, is refused on both dialects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('settings')
    .addColumn('temperature_unit', 'text', (c) => c.notNull().defaultTo('C').check(sql`temperature_unit in ('C', 'F')`))
    .execute();
  await db.schema
    .alterTable('settings')
    .addColumn('require_signed_consultation', 'integer', (c) => c.notNull().defaultTo(1).check(sql`require_signed_consultation in (0, 1)`))
    .execute();

  // Vitals are whole numbers of their smallest step (shared/vitals.ts): temperature in tenths of °C,
  // weight in hundredths of kg (10 g), height in tenths of cm (mm).
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().unique().references('appointments.id'))
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'signed')`))
    .addColumn('complaint', 'text')
    .addColumn('note_history', 'text')
    .addColumn('note_examination', 'text')
    .addColumn('note_assessment', 'text')
    .addColumn('note_plan', 'text')
    .addColumn('systolic', 'integer', (c) => c.check(sql`systolic between 50 and 300`))
    .addColumn('diastolic', 'integer', (c) => c.check(sql`diastolic between 20 and 200`))
    .addColumn('pulse', 'integer', (c) => c.check(sql`pulse between 20 and 300`))
    .addColumn('temperature_dc', 'integer', (c) => c.check(sql`temperature_dc between 250 and 450`))
    .addColumn('respiratory_rate', 'integer', (c) => c.check(sql`respiratory_rate between 4 and 80`))
    .addColumn('spo2', 'integer', (c) => c.check(sql`spo2 between 50 and 100`))
    .addColumn('weight_dag', 'integer', (c) => c.check(sql`weight_dag between 30 and 50000`))
    .addColumn('height_mm', 'integer', (c) => c.check(sql`height_mm between 200 and 2720`))
    /** JSON list of { text, code, primary, status }. */
    .addColumn('diagnoses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('follow_up', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addCheckConstraint('consultations_blood_pressure', sql`systolic is null or diastolic is null or diastolic < systolic`)
    .addCheckConstraint('consultations_signed', sql`(status = 'signed') = (signed_at is not null and signed_by is not null)`)
    .execute();
  await db.schema.createIndex('consultations_patient_signed').on('consultations').columns(['patient_id', 'status', 'signed_at', 'id']).execute();
  await db.schema.createIndex('consultations_doctor').on('consultations').columns(['doctor_id']).execute();

  await db.schema
    .createTable('consultation_addenda')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_addenda_consultation').on('consultation_addenda').columns(['consultation_id', 'at']).execute();

  await db.schema
    .createTable('break_glass_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addCheckConstraint('break_glass_grants_order', sql`created_at < expires_at`)
    .execute();
  await db.schema.createIndex('break_glass_grants_lookup').on('break_glass_grants').columns(['user_id', 'patient_id', 'expires_at']).execute();

  if (isSqlite(db)) {
    await sql`create trigger consultations_locked_update before update on consultations when old.status = 'signed'
      begin select raise(abort, 'CONSULTATION_SIGNED'); end`.execute(db);
    await sql`create trigger consultations_locked_delete before delete on consultations when old.status = 'signed'
      begin select raise(abort, 'CONSULTATION_SIGNED'); end`.execute(db);
    await sql`create trigger consultation_addenda_no_update before update on consultation_addenda
      begin select raise(abort, 'ADDENDUM_IMMUTABLE'); end`.execute(db);
    await sql`create trigger consultation_addenda_no_delete before delete on consultation_addenda
      begin select raise(abort, 'ADDENDUM_IMMUTABLE'); end`.execute(db);
    await sql`create trigger consultation_addenda_signed_only before insert on consultation_addenda
      when (select status from consultations where id = new.consultation_id) is not 'signed'
      begin select raise(abort, 'ADDENDUM_NEEDS_SIGNED'); end`.execute(db);
  } else {
    await sql`create function hms_consultation_locked() returns trigger language plpgsql as $$
      begin
        raise exception 'CONSULTATION_SIGNED: a signed consultation cannot be changed; add an addendum' using errcode = '23514';
      end $$`.execute(db);
    await sql`create trigger consultations_locked before update or delete on consultations
      for each row when (old.status = 'signed') execute function hms_consultation_locked()`.execute(db);
    await sql`create function hms_addendum_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'ADDENDUM_IMMUTABLE: an addendum cannot be changed or removed' using errcode = '23514';
      end $$`.execute(db);
    await sql`create trigger consultation_addenda_immutable before update or delete on consultation_addenda
      for each row execute function hms_addendum_immutable()`.execute(db);
    await sql`create function hms_addendum_signed_only() returns trigger language plpgsql as $$
      begin
        if (select status from consultations where id = new.consultation_id) is distinct from 'signed' then
          raise exception 'ADDENDUM_NEEDS_SIGNED: addenda follow a signed consultation' using errcode = '23514';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger consultation_addenda_signed_only before insert on consultation_addenda
      for each row execute function hms_addendum_signed_only()`.execute(db);
  }
}
