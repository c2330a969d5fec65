// Runs a TypeScript entry of tools/text-model with ts-node (transpile only) and the
// workspace's path aliases: `node tools/text-model/run.mjs train --set dev`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const [entry = 'train', ...args] = process.argv.slice(2);
const run = spawnSync(
  process.execPath,
  [
    '-r',
    require.resolve('ts-node/register/transpile-only'),
    '-r',
    require.resolve('tsconfig-paths/register'),
    join(here, 'src', `${entry}.ts`),
    ...args,
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_PROJECT: join(here, 'tsconfig.lib.json') },
  },
);
process.exit(run.status ?? 1);
