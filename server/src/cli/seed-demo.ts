import { parseArgs } from 'node:util';
import { prepareDatabase } from '../bootstrap.ts';
import { systemClock } from '../clock.ts';
import { CommandError, parseCommandLine, usageError, type Command } from './command.ts';
import { describeDatabase, withDatabase } from './database.ts';
import { DEMO_PASSWORD, seedDemoData } from './seed/index.ts';
import { countPatients } from './seed/seed.queries.ts';

const MAX_PATIENTS = 100_000;

const usage = `Usage: hms seed-demo [--patients N] [--seed TEXT] [--force]

Fills a fresh database with demo data: a demo administrator and a receptionist (when there are
none), N made-up patients (default 50) each with a login, 10 doctors with weekly hours, and about
150 appointments in every status around today. Every demo account shares one
password, printed at the end. The same --seed (default "hms-demo") makes the same people.
Refuses a database that already has patients unless --force is given.`;

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'fill a fresh database with a demo hospital: staff, patients, doctors, appointments',
  usage,
  async run(args) {
    const { values } = parseCommandLine(
      () =>
        parseArgs({
          args,
          options: { patients: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        }),
      usage,
    );
    if (values.help) {
      console.log(usage);
      return;
    }
    const patients = values.patients ?? '50';
    if (!/^\d+$/.test(patients) || Number(patients) < 1 || Number(patients) > MAX_PATIENTS) {
      throw usageError(`--patients must be a whole number from 1 to ${MAX_PATIENTS} (got "${patients}")`, usage);
    }
    await withDatabase(async (handle, config) => {
      await prepareDatabase(handle, config, systemClock);
      const existing = await countPatients(handle.db);
      if (existing > 0 && !values.force) {
        throw new CommandError(`the database already has ${existing} patient${existing === 1 ? '' : 's'}; seed-demo fills a fresh one (add --force to add demo patients anyway)`);
      }
      console.error(`hms: adding demo data to the ${describeDatabase(config)}`);
      const outcome = await seedDemoData(handle.db, systemClock.now(), { patients: Number(patients), seed: values.seed ?? 'hms-demo', force: values.force ?? false });
      console.log(`Created ${outcome.created.join(', ')}.`);
      if (outcome.signIns.length > 0) {
        console.log('Sign in as:');
        for (const signIn of outcome.signIns) console.log(`  ${signIn.role.padEnd(14)} ${signIn.email}`);
        console.log(`Every demo account's password: ${DEMO_PASSWORD}`);
        console.log('It is shown only this once. Demo accounts are for trying HMS out: never use them with real patients.');
      }
    });
  },
};
