#!/usr/bin/env node
// The `hms` command: runs the bundled CLI (built by `npm install`/`npm run build:server`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('hms: the server is not built yet; run `npm run build:server` (or `npm install`) first');
  process.exit(1);
}
await import(cli);
