// `npm test`: every test — unit (pure libs, API modules, web components), API end-to-end
// over HTTP against a real PostgreSQL, and the browser tests in Chromium — then one line of
// totals. A real PostgreSQL comes from TEST_DATABASE_URL, or an embedded server is started.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nx } from './nx.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const summary = join(root, 'tmp/test-summary.ndjson');
mkdirSync(dirname(summary), { recursive: true });
rmSync(summary, { force: true });

const env = { RETURNLENS_TEST_SUMMARY: summary };
// The browser tests drive Debian's Chromium; on a fresh machine install it (as root, with apt).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const asRoot = process.getuid?.() === 0;
  if (asRoot && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    console.log(`${chromium} is missing: installing Debian's chromium for the browser tests…`);
    const apt = (args) =>
      spawnSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status;
    if (apt(['update', '-qq']) !== 0 || apt(['install', '-y', '-qq', 'chromium']) !== 0) {
      console.error('Installing chromium failed; the browser tests will fail.');
    }
  } else {
    console.error(
      `${chromium} is missing: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
}

const steps = [
  ['Unit tests', ['run-many', '-t', 'test', '--skip-nx-cache']],
  ['API end-to-end tests', ['run', 'api-e2e:e2e']],
  ['Browser tests', ['run', 'web-e2e:e2e']],
];
const failedSteps = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===\n`);
  if (nx(args, { env }) !== 0) failedSteps.push(name);
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
