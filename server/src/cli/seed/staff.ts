import type { Trx } from '../../db/types.ts';
import { writeAudit } from '../../features/audit/audit.service.ts';
import { countActiveAdmins, findUserByEmail, insertUser } from '../../features/auth/auth.queries.ts';
import { newId } from '../../ids.ts';
import { DEMO_EMAIL_DOMAIN } from './demo-people.ts';
import { countActiveUsersWithRole } from './seed.queries.ts';
import type { SeedContext, SeedModule, SignIn } from './seed-module.ts';

const DEMO_STAFF = [
  { role: 'admin', label: 'administrator', name: 'Morgan Ellis', email: `admin@${DEMO_EMAIL_DOMAIN}` },
  { role: 'receptionist', label: 'receptionist', name: 'Priya Shah', email: `reception@${DEMO_EMAIL_DOMAIN}` },
] as const;

async function insertStaff(trx: Trx, context: SeedContext, member: (typeof DEMO_STAFF)[number]): Promise<void> {
  const id = newId();
  const at = context.now.toISOString();
  await insertUser(trx, {
    id, email: member.email, name: member.name, role: member.role, password_hash: context.demoPasswordHash,
    active: 1, must_change_password: 0, created_at: at, updated_at: at,
  });
  await writeAudit(trx, context.now, {
    actorId: null, actorRole: null, action: 'user.create', entityType: 'user', entityId: id, outcome: 'success',
    details: { role: member.role, via: 'hms seed-demo' },
  });
}

/** A demo administrator and a receptionist, each only when the database has no active user of that role. */
export const staffSeed: SeedModule = {
  name: 'staff',
  async run(context) {
    const created: string[] = [];
    const signIns: SignIn[] = [];
    for (const member of DEMO_STAFF) {
      const existing = member.role === 'admin' ? await countActiveAdmins(context.db) : await countActiveUsersWithRole(context.db, member.role);
      if (existing > 0 || (await findUserByEmail(context.db, member.email))) continue;
      await context.db.transaction().execute((trx) => insertStaff(trx, context, member));
      created.push(`1 ${member.label}`);
      signIns.push({ role: member.label, email: member.email });
    }
    return { created, signIns };
  },
};
