// `npm run token` / `npm run ingest`: build the API if needed (cached), then run its CLI.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync(
  process.execPath,
  [require.resolve('nx/bin/nx.js'), 'build', 'api', '--output-style=static'],
  {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (build.status !== 0) {
  console.error('Building the API failed: run `npx nx build api` to see why.');
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  [join(root, 'dist/apps/api/cli.js'), ...process.argv.slice(2)],
  {
    cwd: process.cwd(),
    env,
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
