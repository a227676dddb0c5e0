import { parseArgs } from 'node:util';
import { prepareDatabase } from '../bootstrap.ts';
import { systemClock } from '../clock.ts';
import { createAdmin } from '../features/auth/admins.ts';
import { CommandError, parseCommandLine, usageError, type Command } from './command.ts';
import { withDatabase } from './database.ts';
import { readNewPassword } from './password-input.ts';

const usage = `Usage: hms create-admin --email EMAIL [--name NAME]

Creates an administrator and prints its id. The password is the first line of standard
input when input is piped (printf '%s\\n' "$PASSWORD" | hms create-admin --email ...),
otherwise it is asked for twice without echo. It is never read from the command line.`;

const passwordRefusal =
  '--password is not accepted: a password on the command line is visible to other users of the machine ' +
  '(ps, /proc) and stays in the shell history. Pipe it on stdin or type it at the prompt instead.';

export const createAdminCommand: Command = {
  name: 'create-admin',
  summary: 'add an administrator (password from stdin or a prompt)',
  usage,
  async run(args) {
    if (args.some((arg) => arg === '--password' || arg.startsWith('--password='))) throw new CommandError(passwordRefusal, 2);
    const { values } = parseCommandLine(
      () => parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }),
      usage,
    );
    if (values.help) {
      console.log(usage);
      return;
    }
    const email = values.email?.trim();
    if (!email) throw usageError('--email is required', usage);
    const name = values.name?.trim() || undefined;
    const password = await readNewPassword();
    await withDatabase(async (handle, config) => {
      await prepareDatabase(handle, config, systemClock);
      const id = await createAdmin(handle.db, systemClock.now(), { email, password, ...(name ? { name } : {}) }, 'hms create-admin');
      console.error(`hms: created the administrator ${email.toLowerCase()}`);
      console.log(id);
    });
  },
};
