import { loadConfig } from '../config.ts';
import { exitOnStartupError, serve } from '../serve.ts';

const [command = 'serve'] = process.argv.slice(2);
try {
  if (command === 'serve') await serve(loadConfig());
  else {
    console.error(`hms: unknown command "${command}"`);
    process.exit(2);
  }
} catch (error) {
  exitOnStartupError(error);
}
