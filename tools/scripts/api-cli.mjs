// `npm run token` / `npm run ingest`: build the API if needed (cached), then run its CLI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildOrExit, NX_ENV, ROOT } from './nx.mjs';

buildOrExit(['api'], { quiet: true });
const run = spawnSync(
  process.execPath,
  // The API's heap budget (docs/decisions/0012-api-heap-budget.md).
  ['--max-old-space-size=1024', join(ROOT, 'dist/apps/api/cli.js'), ...process.argv.slice(2)],
  {
    cwd: process.cwd(),
    env: { ...process.env, ...NX_ENV },
    stdio: 'inherit',
  },
);
process.exit(run.status ?? 1);
