// `npm test`: every test — unit (pure libs, API modules, web components), API end-to-end
// over HTTP against a real PostgreSQL, and the browser tests in Chromium — then one line of
// totals. A real PostgreSQL comes from TEST_DATABASE_URL, or an embedded server is started.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const summary = join(root, 'tmp/test-summary.ndjson');
mkdirSync(dirname(summary), { recursive: true });
rmSync(summary, { force: true });

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NG_CLI_ANALYTICS: 'false',
  RETURNLENS_TEST_SUMMARY: summary,
};
const nx = (...args) =>
  spawnSync(process.execPath, [require.resolve('nx/bin/nx.js'), ...args, '--output-style=static'], {
    cwd: root,
    env,
    stdio: 'inherit',
  }).status;

const steps = [
  ['Unit tests', ['run-many', '-t', 'test', '--skip-nx-cache']],
  ['API end-to-end tests', ['run', 'api-e2e:e2e']],
  ['Browser tests', ['run', 'web-e2e:e2e']],
];
const failedSteps = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===\n`);
  if (nx(...args) !== 0) failedSteps.push(name);
}

const totals = { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 };
if (existsSync(summary)) {
  for (const line of readFileSync(summary, 'utf8').split('\n').filter(Boolean)) {
    const run = JSON.parse(line);
    for (const key of Object.keys(totals)) totals[key] += run[key];
  }
}
console.log('');
if (failedSteps.length) console.log(`Failed: ${failedSteps.join(', ')}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed || totals.suitesFailed ? 1 : 0);
