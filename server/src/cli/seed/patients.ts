import type { Trx } from '../../db/types.ts';
import { writeAudit } from '../../features/audit/audit.service.ts';
import { insertPatient, insertUser } from '../../features/auth/auth.queries.ts';
import { newId } from '../../ids.ts';
import { searchKey } from '../../text.ts';
import { demoPatient, type DemoPatient } from './demo-people.ts';
import { createRandom } from './random.ts';
import { countPatients } from './seed.queries.ts';
import { insertInBatches, type SeedContext, type SeedModule } from './seed-module.ts';

async function insertDemoPatient(trx: Trx, context: SeedContext, person: DemoPatient): Promise<void> {
  const userId = newId();
  const patientId = newId();
  const at = context.now.toISOString();
  await insertUser(trx, {
    id: userId, email: person.email, name: person.name, role: 'patient', password_hash: context.demoPasswordHash,
    active: 1, must_change_password: 0, created_at: at, updated_at: at,
  });
  await insertPatient(trx, {
    id: patientId, user_id: userId, name: person.name, date_of_birth: person.dateOfBirth, gender: person.gender,
    phone: person.phone, email: person.email, address: person.address, emergency_contact_name: person.emergencyContactName,
    emergency_contact_phone: person.emergencyContactPhone, blood_group: person.bloodGroup, active: 1, created_at: at, updated_at: at,
    search_text: searchKey(person.name, person.email, person.phone),
  });
  await writeAudit(trx, context.now, {
    actorId: null, actorRole: null, action: 'user.create', entityType: 'user', entityId: userId, outcome: 'success',
    details: { role: 'patient', patientId, via: 'hms seed-demo' },
  });
}

/**
 * Patients with a login each. Numbering continues after the patients already present, so a run with
 * --force adds new people (with new emails) instead of colliding with an earlier run's.
 */
export const patientsSeed: SeedModule = {
  name: 'patients',
  async run(context) {
    const existing = await countPatients(context.db);
    const random = existing === 0 ? context.random : createRandom(`${context.options.seed}/patients/after-${existing}`);
    const people = Array.from({ length: context.options.patients }, (_, i) => demoPatient(random, existing + i + 1));
    await insertInBatches(context.db, 'patients', people, (trx, person) => insertDemoPatient(trx, context, person));
    const first = people[0];
    return {
      created: [`${people.length} patient${people.length === 1 ? '' : 's'}`],
      signIns: first ? [{ role: 'patient', email: `${first.email} (and the other demo patients)` }] : [],
    };
  },
};
