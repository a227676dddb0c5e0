import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { serve } from '../serve.ts';
import { prepareDemo } from './demo.ts';
import { parseCommandLine, type Command } from './command.ts';

const usage = `Usage: hms serve [--demo]

Migrates the configured database and serves the API and the web app until SIGTERM or SIGINT.
Configuration comes from the environment (PORT, HOST, HMS_DATA_DIR, DATABASE_URL, ...).
With --demo: serves a fresh demo hospital in a new temporary folder instead, and prints its sign-ins.`;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'migrate the database and serve the app (the default)',
  usage,
  async run(args) {
    const { values } = parseCommandLine(() => parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, demo: { type: 'boolean' } } }), usage);
    if (values.help) {
      console.log(usage);
      return;
    }
    await serve(values.demo ? await prepareDemo() : loadConfig());
  },
};
