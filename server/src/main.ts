import { prepareDemo } from './cli/demo.ts';
import { loadConfig } from './config.ts';
import { exitOnStartupError, serve } from './serve.ts';

// `npm start -- --demo` (node dist/server/main.js --demo) serves a fresh demo hospital.
const demo = process.argv.slice(2).includes('--demo');
try {
  await serve(demo ? await prepareDemo() : loadConfig());
} catch (error) {
  exitOnStartupError(error);
}
