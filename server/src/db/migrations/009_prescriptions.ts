import { sql, type Kysely } from 'kysely';
import { newId } from '../../ids.ts';
import { isSqlite } from '../dialect.ts';
import { STARTER_FORMULARY } from './data/formulary-starter.ts';

const STATUSES = sql`('draft', 'active', 'completed', 'stopped', 'entered-in-error')`;
/** What an issued prescription keeps for ever: who, for whom, what was checked and when it was issued. */
const LOCKED_COLUMNS = ['id', 'number', 'patient_id', 'doctor_id', 'appointment_id', 'replaces_id', 'override_reason', 'conflicts', 'issued_at', 'ends_at', 'created_by', 'created_at'];
/** The state machine: draft → active → completed | stopped, and any issued one may be marked entered-in-error. */
const TRANSITIONS = `(old.status = 'draft' and new.status = 'active')
  or (old.status = 'active' and new.status in ('completed', 'stopped', 'entered-in-error'))
  or (old.status in ('completed', 'stopped') and new.status = 'entered-in-error')`;

// The formulary (seeded with a starter list), prescriptions with their items, and the optional coded allergen of
// an allergy entry in the medical history. Items of a prescription that is no longer a draft are immutable:
// triggers refuse to insert, change or delete them, a prescription past draft cannot be deleted, its identity and
// issue columns cannot change, and its status moves only along the state machine.
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  const decimal = (column: string) =>
    sqlite
      ? sql.raw(`${column} <> '' and ${column} not glob '*[^0-9.]*' and ${column} not glob '*.*.*' and ${column} not glob '.*' and ${column} not glob '*.'`)
      : sql.raw(`${column} ~ '^(0|[1-9][0-9]{0,5})(\\.[0-9]{1,3})?$'`);

  await db.schema
    .createTable('formulary')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('strength', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('ingredients', 'text', (c) => c.notNull())
    .addColumn('classes', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('formulary_name_strength_form').on('formulary').columns(['name', 'strength', 'form']).unique().execute();

  // One row per ingredient and per class of a medicine: the vocabulary allergy entries are coded against.
  await db.schema
    .createTable('formulary_terms')
    .addColumn('formulary_id', 'text', (c) => c.notNull().references('formulary.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ingredient', 'class')`))
    .addColumn('term', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('formulary_terms_pk', ['formulary_id', 'kind', 'term'])
    .execute();
  await db.schema.createIndex('formulary_terms_term').on('formulary_terms').columns(['kind', 'term']).execute();

  const at = new Date().toISOString();
  const medicines = STARTER_FORMULARY.map((medicine) => ({ id: newId(), medicine }));
  const rows = medicines.map(({ id, medicine: [name, strength, form, route, ingredients, classes] }) =>
    sql`(${id}, ${name}, ${strength}, ${form}, ${route}, ${JSON.stringify(ingredients)}, ${JSON.stringify(classes)},
      ${[name, ...ingredients].join(' ').toLowerCase()}, 1, ${at}, ${at})`);
  await sql`insert into formulary (id, name, strength, form, route, ingredients, classes, search_text, active, created_at, updated_at)
    values ${sql.join(rows)}`.execute(db);
  const terms = medicines.flatMap(({ id, medicine: [, , , , ingredients, classes] }) => [
    ...ingredients.map((term) => sql`(${id}, 'ingredient', ${term})`),
    ...classes.map((term) => sql`(${id}, 'class', ${term})`),
  ]);
  await sql`insert into formulary_terms (formulary_id, kind, term) values ${sql.join(terms)}`.execute(db);

  await db.schema
    .createTable('prescription_numbers')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull().check(sql`last > 0`))
    .execute();

  await db.schema
    .createTable('prescriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('doctor_id', 'text', (c) => c.notNull().references('doctors.id'))
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
    .addColumn('replaces_id', 'text', (c) => c.references('prescriptions.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${STATUSES}`))
    .addColumn('override_reason', 'text')
    .addColumn('conflicts', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('ended_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('prescriptions_issued', sql`(status = 'draft') = (issued_at is null)`)
    .addCheckConstraint('prescriptions_ended', sql`(status in ('stopped', 'entered-in-error')) = (end_reason is not null)`)
    .addCheckConstraint('prescriptions_closed', sql`(status in ('completed', 'stopped', 'entered-in-error')) = (ended_at is not null)`)
    .addCheckConstraint('prescriptions_override', sql`(override_reason is null) = (conflicts is null)`)
    .execute();
  await db.schema.createIndex('prescriptions_number').on('prescriptions').column('number').unique().execute();
  await db.schema.createIndex('prescriptions_patient').on('prescriptions').columns(['patient_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('prescriptions_appointment').on('prescriptions').column('appointment_id').execute();

  await db.schema
    .createTable('prescription_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prescription_id', 'text', (c) => c.notNull().references('prescriptions.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
    .addColumn('formulary_id', 'text', (c) => c.references('formulary.id'))
    .addColumn('drug_name', 'text', (c) => c.notNull())
    .addColumn('drug_text', 'text')
    .addColumn('ingredients', 'text', (c) => c.notNull())
    .addColumn('classes', 'text', (c) => c.notNull())
    .addColumn('dose_value', 'text', (c) => c.notNull().check(decimal('dose_value')))
    .addColumn('dose_unit', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('frequency_text', 'text')
    .addColumn('duration_value', 'integer', (c) => c.check(sql`duration_value > 0`))
    .addColumn('duration_unit', 'text', (c) => c.check(sql`duration_unit in ('d', 'wk', 'mo')`))
    .addColumn('quantity_value', 'text', (c) => c.check(decimal('quantity_value')))
    .addColumn('quantity_unit', 'text')
    .addColumn('refills', 'integer', (c) => c.notNull().defaultTo(0).check(sql`refills >= 0`))
    .addColumn('instructions', 'text')
    .addCheckConstraint('prescription_items_drug', sql`(formulary_id is null) <> (drug_text is null)`)
    .addCheckConstraint('prescription_items_duration', sql`(duration_value is null) = (duration_unit is null)`)
    .addCheckConstraint('prescription_items_quantity', sql`(quantity_value is null) = (quantity_unit is null)`)
    .execute();
  await db.schema.createIndex('prescription_items_position').on('prescription_items').columns(['prescription_id', 'position']).unique().execute();

  if (sqlite) {
    for (const [event, row] of [['insert', 'new'], ['update', 'old'], ['delete', 'old']] as const) {
      await sql`create trigger ${sql.raw(`prescription_items_locked_${event}`)} before ${sql.raw(event)} on prescription_items
        when (select status from prescriptions where id = ${sql.raw(row)}.prescription_id) <> 'draft'
        begin select raise(abort, 'PRESCRIPTION_LOCKED'); end`.execute(db);
    }
    await sql`create trigger prescriptions_locked_delete before delete on prescriptions when old.status <> 'draft'
      begin select raise(abort, 'PRESCRIPTION_LOCKED'); end`.execute(db);
    await sql`create trigger prescriptions_locked_update before update on prescriptions
      when old.status <> 'draft' and (${sql.raw(LOCKED_COLUMNS.map((c) => `new.${c} is not old.${c}`).join(' or '))})
      begin select raise(abort, 'PRESCRIPTION_LOCKED'); end`.execute(db);
    await sql`create trigger prescriptions_transition before update of status on prescriptions
      when new.status <> old.status and not (${sql.raw(TRANSITIONS)})
      begin select raise(abort, 'PRESCRIPTION_TRANSITION'); end`.execute(db);
  } else {
    await sql`create function hms_prescription_items_locked() returns trigger language plpgsql as $$
      declare
        target text;
      begin
        if tg_op = 'INSERT' then target := new.prescription_id; else target := old.prescription_id; end if;
        if exists (select 1 from prescriptions where id = target and status <> 'draft') then
          raise exception 'PRESCRIPTION_LOCKED' using errcode = 'P0001';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger prescription_items_locked before insert or update or delete on prescription_items
      for each row execute function hms_prescription_items_locked()`.execute(db);
    await sql`create function hms_prescriptions_locked_delete() returns trigger language plpgsql as $$
      begin
        if old.status <> 'draft' then raise exception 'PRESCRIPTION_LOCKED' using errcode = 'P0001'; end if;
        return old;
      end $$`.execute(db);
    await sql`create trigger prescriptions_locked_delete before delete on prescriptions
      for each row execute function hms_prescriptions_locked_delete()`.execute(db);
    await sql`create function hms_prescriptions_locked_update() returns trigger language plpgsql as $$
      begin
        if old.status <> 'draft' and (${sql.raw(LOCKED_COLUMNS.map((c) => `new.${c} is distinct from old.${c}`).join(' or '))}) then
          raise exception 'PRESCRIPTION_LOCKED' using errcode = 'P0001';
        end if;
        if new.status <> old.status and not (${sql.raw(TRANSITIONS)}) then
          raise exception 'PRESCRIPTION_TRANSITION' using errcode = 'P0001';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger prescriptions_locked_update before update on prescriptions
      for each row execute function hms_prescriptions_locked_update()`.execute(db);
  }

  for (const table of ['medical_history', 'medical_history_versions']) {
    await db.schema.alterTable(table).addColumn('allergen_ingredient', 'text').execute();
    await db.schema.alterTable(table).addColumn('allergen_class', 'text').execute();
  }
}
