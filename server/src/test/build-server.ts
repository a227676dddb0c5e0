import { spawnSync } from 'node:child_process';

/** Vitest global setup: bundle the server once, for the tests that run it as a real process. */
export default function buildServer(): void {
  const build = spawnSync(process.execPath, ['scripts/build-server.js'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the server failed:\n${build.stderr}`);
}
