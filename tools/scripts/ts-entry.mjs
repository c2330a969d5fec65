// Runs a TypeScript entry of a tool (tools/<tool>/src/<entry>.ts) with ts-node (transpile
// only) and the workspace's path aliases, under the tool's tsconfig.lib.json, and exits with
// its status: `node tools/text-eval/run.mjs eval-text --set dev`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * @param {string} toolDir the tool's directory (where its src/ and tsconfig.lib.json are)
 * @param {string} defaultEntry the entry when the command line names none
 * @param {readonly string[]} argv the command line after the script: [entry, ...args]
 */
export function runTsEntry(toolDir, defaultEntry, argv = process.argv.slice(2)) {
  const [entry = defaultEntry, ...args] = argv;
  const run = spawnSync(
    process.execPath,
    [
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      '-r',
      require.resolve('tsconfig-paths/register'),
      join(toolDir, 'src', `${entry}.ts`),
      ...args,
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, TS_NODE_PROJECT: join(toolDir, 'tsconfig.lib.json') },
    },
  );
  process.exit(run.status ?? 1);
}
