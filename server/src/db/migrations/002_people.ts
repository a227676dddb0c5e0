import { sql, type Kysely } from 'kysely';
import { newId } from '../../ids.ts';

const DEFAULT_SPECIALIZATIONS: [string, string][] = [
  ['General practice', 'First point of care for everyday illness, check-ups and referrals.'],
  ['Cardiology', 'Heart and blood vessels: chest pain, blood pressure, rhythm problems.'],
  ['Dermatology', 'Skin, hair and nails: rashes, moles, acne, eczema.'],
  ['Paediatrics', 'Care for babies, children and teenagers.'],
  ['Orthopaedics', 'Bones, joints and muscles: injuries, back pain, arthritis.'],
  ['Neurology', 'Brain and nerves: headaches, epilepsy, stroke follow-up.'],
  ['Gynaecology', "Women's health, pregnancy and reproductive care."],
  ['ENT', 'Ear, nose and throat: hearing, sinuses, tonsils.'],
  ['Ophthalmology', 'Eyes and vision: cataracts, glaucoma, eye tests.'],
  ['Psychiatry', 'Mental health: anxiety, depression and other conditions.'],
  ['Radiology', 'Imaging: X-ray, ultrasound, CT and MRI.'],
  ['Oncology', 'Diagnosis and treatment of cancer.'],
  ['Endocrinology', 'Hormones and metabolism: diabetes, thyroid.'],
  ['Gastroenterology', 'Stomach, bowel and liver.'],
];

// Specializations, doctors, medical history with versions, in-app notifications, patient search text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('specializations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  for (const [name, description] of DEFAULT_SPECIALIZATIONS) {
    await sql`insert into specializations (id, name, name_key, description, active, created_at, updated_at)
      values (${newId()}, ${name}, ${name.toLowerCase()}, ${description}, 1, ${at}, ${at})`.execute(db);
  }

  await db.schema
    .createTable('doctors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('specialization_id', 'text', (c) => c.notNull().references('specializations.id'))
    .addColumn('department', 'text')
    .addColumn('bio', 'text')
    .addColumn('years_experience', 'integer', (c) => c.check(sql`years_experience between 0 and 80`))
    .addColumn('fee_minor', 'integer', (c) => c.check(sql`fee_minor >= 0`))
    .addColumn('fee_currency', 'text', (c) => c.check(sql`length(fee_currency) = 3`))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('public_email', 'integer', (c) => c.notNull().defaultTo(0).check(sql`public_email in (0, 1)`))
    .addColumn('public_phone', 'integer', (c) => c.notNull().defaultTo(0).check(sql`public_phone in (0, 1)`))
    .addColumn('slot_minutes', 'integer', (c) => c.notNull().defaultTo(30).check(sql`slot_minutes between 10 and 120`))
    .addColumn('photo_content_type', 'text')
    .addColumn('photo_base64', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('doctors_specialization').on('doctors').columns(['specialization_id', 'active']).execute();

  // Lower-cased, accent-stripped name, email and phone: case- and accent-insensitive search on both dialects.
  await db.schema.alterTable('patients').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('patients_date_of_birth').on('patients').column('date_of_birth').execute();

  await db.schema
    .createTable('medical_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('condition', 'allergy', 'medication', 'surgery', 'note')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('onset_date', 'text')
    .addColumn('resolved_date', 'text')
    .addColumn('self_reported', 'integer', (c) => c.notNull().defaultTo(0).check(sql`self_reported in (0, 1)`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('deleted_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('medical_history_patient').on('medical_history').columns(['patient_id', 'recorded_at']).execute();

  // Every earlier version of an entry, written before the entry changes: nothing clinical is overwritten silently.
  await db.schema
    .createTable('medical_history_versions')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('medical_history.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('onset_date', 'text')
    .addColumn('resolved_date', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('medical_history_versions_pk', ['entry_id', 'version'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();
}
