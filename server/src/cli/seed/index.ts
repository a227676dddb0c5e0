import type { Db } from '../../db/types.ts';
import { hashPassword } from '../../features/auth/passwords.ts';
import { appointmentsSeed } from './appointments.ts';
import { consultationsSeed } from './consultations.ts';
import { doctorsSeed } from './doctors.ts';
import { patientsSeed } from './patients.ts';
import { createRandom } from './random.ts';
import type { SeedModule, SeedOptions, SeedOutcome } from './seed-module.ts';
import { staffSeed } from './staff.ts';

/** Shared by every demo account, printed once at the end of `hms seed-demo`. */
export const DEMO_PASSWORD = 'hms-demo-pass-2026';

/** The sections of the demo data, in the order they run; each may rely on the ones before it. */
export const seedModules: readonly SeedModule[] = [staffSeed, patientsSeed, doctorsSeed, appointmentsSeed, consultationsSeed];

export async function seedDemoData(db: Db, now: Date, options: SeedOptions): Promise<SeedOutcome> {
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  const signIns: SeedOutcome['signIns'] = [];
  for (const section of seedModules) {
    const random = createRandom(`${options.seed}/${section.name}`);
    const outcome = await section.run({ db, now, options, random, demoPasswordHash });
    created.push(...outcome.created);
    signIns.push(...outcome.signIns);
  }
  return { created, signIns };
}
