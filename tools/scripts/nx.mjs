// Runs Nx the way every project script needs it: no daemon, no cloud, no analytics.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NG_CLI_ANALYTICS: 'false' };

/** Runs `nx <args>` in the workspace; returns the exit status. `quiet` hides Nx's own output. */
export function nx(args, { quiet = false, env = {} } = {}) {
  return spawnSync(
    process.execPath,
    [require.resolve('nx/bin/nx.js'), ...args, '--output-style=static'],
    {
      cwd: ROOT,
      env: { ...process.env, ...NX_ENV, ...env },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    },
  ).status;
}

/** Builds the given projects (cached by Nx after the first time); exits the process on failure. */
export function buildOrExit(projects, { quiet = false } = {}) {
  const status = nx(['run-many', '-t', 'build', '-p', ...projects], { quiet });
  if (status !== 0) {
    console.error(
      `The build of ${projects.join(', ')} failed: run \`npx nx run-many -t build -p ${projects.join(' ')}\` to see why.`,
    );
    process.exit(status ?? 1);
  }
}
