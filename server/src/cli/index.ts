import { ConfigError } from '../config.ts';
import { StartupError } from '../db/startup-error.ts';
import { AppError } from '../http/app-error.ts';
import { exitOnStartupError } from '../serve.ts';
import { auditCommand } from './audit.ts';
import { backupCommand } from './backup.ts';
import { CommandError, type Command } from './command.ts';
import { createAdminCommand } from './create-admin.ts';
import { migrateCommand } from './migrate.ts';
import { restoreCommand } from './restore.ts';
import { seedDemoCommand } from './seed-demo.ts';
import { serveCommand } from './serve.ts';

const commands: readonly Command[] = [serveCommand, migrateCommand, createAdminCommand, backupCommand, restoreCommand, seedDemoCommand, auditCommand];

const usage = `Usage: hms <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(14)}${c.summary}`).join('\n')}

Run \`hms <command> --help\` for a command's options. Configuration comes from the environment
(HMS_DATA_DIR, DATABASE_URL, HMS_ADMIN_EMAIL, ...); see the README.`;

function exitOnCommandError(command: Command, error: unknown): never {
  if (error instanceof CommandError) {
    console.error(`hms: ${error.message}`);
    process.exit(error.exitCode);
  }
  if (command === serveCommand || error instanceof ConfigError || error instanceof AppError || error instanceof StartupError) exitOnStartupError(error);
  console.error(`hms ${command.name}: failed:`, error);
  process.exit(1);
}

const [name = 'serve', ...args] = process.argv.slice(2);
if (name === '--help' || name === '-h' || name === 'help') {
  console.log(usage);
} else {
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`hms: unknown command "${name}"\n\n${usage}`);
    process.exit(2);
  }
  try {
    await command.run(args);
  } catch (error) {
    exitOnCommandError(command, error);
  }
}
