// `npm run token` / `npm run ingest`: build the API if needed (cached), then run its CLI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { API_NODE_FLAGS } from './api-node.mjs';
import { buildOrExit, NX_ENV, ROOT } from './nx.mjs';

buildOrExit(['api'], { quiet: true });
const run = spawnSync(
  process.execPath,
  [...API_NODE_FLAGS, join(ROOT, 'dist/apps/api/cli.js'), ...process.argv.slice(2)],
  {
    cwd: process.cwd(),
    env: { ...process.env, ...NX_ENV },
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
