// `npm start`: builds the server and the web app quietly (their output is shown only when a build fails),
// then runs the server in this process with the arguments given (`npm start -- --demo`).
import { spawnSync } from 'node:child_process';

const builds = [
  ['scripts/build-server.js'],
  ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
];
for (const args of builds) {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    console.error(`hms: the build failed (node ${args.join(' ')})`);
    process.exit(run.status ?? 1);
  }
  if (run.stderr) process.stderr.write(run.stderr);
}
await import('../dist/server/main.js');
