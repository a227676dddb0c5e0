import { sql, type Kysely } from 'kysely';
import { isSqlite } from '../dialect.ts';

// A patient's blood group is one of the eight ABO/Rh groups of shared/people.ts, or unknown (null), like every
// other vocabulary column. PostgreSQL takes a CHECK constraint; SQLite cannot add one to an existing table, so
// two triggers refuse the same values there.
const GROUPS = sql.raw("('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')");

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) {
    await sql`alter table patients add constraint patients_blood_group_check check (blood_group is null or blood_group in ${GROUPS})`.execute(db);
    return;
  }
  for (const event of ['insert', 'update of blood_group']) {
    await sql`create trigger ${sql.raw(`patients_blood_group_${event.split(' ')[0]}`)}
      before ${sql.raw(event)} on patients
      when new.blood_group is not null and new.blood_group not in ${GROUPS}
      begin
        select raise(abort, 'CHECK constraint failed: blood_group');
      end`.execute(db);
  }
}
