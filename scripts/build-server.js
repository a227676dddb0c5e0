// Bundles the server (and the `hms` CLI) into dist/server with esbuild; npm packages stay external.
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const started = Date.now();
await build({
  entryPoints: { main: 'server/src/main.ts', cli: 'server/src/cli/index.ts', openapi: 'server/src/openapi-document.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __hmsRequire } from 'node:module'; const require = __hmsRequire(import.meta.url);" },
});
mkdirSync('dist/server', { recursive: true });
console.log(`server built in dist/server (${Date.now() - started} ms)`);
