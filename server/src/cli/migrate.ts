import { parseArgs } from 'node:util';
import { prepareDatabase } from '../bootstrap.ts';
import { systemClock } from '../clock.ts';
import { parseCommandLine, type Command } from './command.ts';
import { describeDatabase, withDatabase } from './database.ts';

const usage = `Usage: hms migrate

Brings the configured database up to date: applies the migrations it lacks, creates the
settings row and, when HMS_ADMIN_EMAIL/HMS_ADMIN_PASSWORD are set and no administrator
exists, the first administrator. Safe to run again; \`hms serve\` does the same on start.`;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the database migrations, then exit',
  usage,
  async run(args) {
    const { values } = parseCommandLine(() => parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } }), usage);
    if (values.help) {
      console.log(usage);
      return;
    }
    await withDatabase(async (handle, config) => {
      console.log(`hms: migrating the ${describeDatabase(config)}`);
      const { migrated, adminCreated, backup } = await prepareDatabase(handle, config, systemClock);
      if (backup) console.log(`hms: copied the database to ${backup} before migrating it`);
      for (const name of migrated) console.log(`applied ${name}`);
      if (migrated.length === 0) console.log('hms: the database is already up to date');
      else console.log(`hms: applied ${migrated.length} migration${migrated.length === 1 ? '' : 's'}`);
      if (adminCreated) console.log(`hms: created the first administrator ${config.adminEmail}`);
    });
  },
};
