// `npm run bench:first-paint`: the Weekly report on the demo data in headless Chromium —
// first contentful paint and the moment both charts have drawn, over BENCH_RUNS (default 7)
// cold page loads of a signed-in user (the demo owner; the sign-in itself is not measured).
// Target (docs/performance.md): first paint under 1.5 s.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from '../scripts/api-node.mjs';
import { buildOrExit } from '../scripts/nx.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const DEMO_OWNER = { email: 'owner@demo.returnlens', password: 'demo' };

/** Signs the page's context in (session and XSRF cookies), as a returning user has them. */
async function signIn(page, baseUrl) {
  const response = await page.request.post(`${baseUrl}/api/auth/login`, { data: DEMO_OWNER });
  if (!response.ok())
    throw new Error(
      `signing in as ${DEMO_OWNER.email} failed: ${response.status()} ${await response.text()}`,
    );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  console.log('Building (cached after the first time)…');
  buildOrExit(['api', 'web'], { quiet: true });

  const dir = mkdtempSync(join(tmpdir(), 'returnlens-paint-'));
  spawnSync('chmod', ['755', dir]);
  console.log('Starting the API with the demo data…');
  const api = spawn(process.execPath, [...API_NODE_FLAGS, join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: join(dir, 'data'),
      DEMO_DATA: 'on',
      LOGIN_RATE_LIMIT: '100', // one sign-in per run
      PORT: String(38_000 + (process.pid % 500)),
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /Returnlens is running: (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace(/\/$/, ''));
    };
    api.stdout.on('data', onData);
    api.stderr.on('data', onData);
    api.once('exit', (code) => reject(new Error(`API exited (${code}):\n${output}`)));
  });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const paints = [];
  const charts = [];
  try {
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await signIn(page, baseUrl);
      await page.goto(`${baseUrl}/weekly`);
      await page.locator('[data-testid=trend-chart] canvas').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid=pareto-chart] canvas').waitFor({ timeout: 30_000 });
      const timing = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        now: performance.now(),
      }));
      await context.close();
      if (run === 0) continue; // warm-up: the server's first query
      paints.push(timing.paint);
      charts.push(timing.now);
      console.log(
        `  run ${run}: first paint ${timing.paint.toFixed(0)} ms, charts drawn by ${timing.now.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('');
  console.log(`first_paint_ms_median=${median(paints).toFixed(0)}`);
  console.log(`first_paint_ms_max=${Math.max(...paints).toFixed(0)}`);
  console.log(`charts_drawn_ms_median=${median(charts).toFixed(0)}`);
  console.log(`first_paint_vs_target=${(median(paints) / 1500).toFixed(3)}`);
}

main().catch((error) => {
  console.error(`bench:first-paint failed: ${error.message}`);
  process.exit(1);
});
