// `npm run test:load`: many dashboard readers on loopback against the demo data, then the
// same readers while a large claims file is being ingested. Prints throughput, p50/p99
// latency, the errors and the API's peak RSS of each phase. Readers send a `read` token and
// the upload an `ingest` token, both made with the API's CLI before the run.
//
//   LOAD_CONNECTIONS=200 LOAD_SECONDS=60 LOAD_INGEST_ROWS=1000000 npm run test:load
//   LOAD_API_MAIN=/path/to/main.js   (another build of the API, e.g. to compare before/after)
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { buildOrExit } from '../scripts/nx.mjs';
import { root, rssMb, startApi, stopApi } from './support.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const INGEST_ROWS = Number(process.env.LOAD_INGEST_ROWS ?? 1_000_000);
const log = (...args) => console.log(...args);

/** What a dashboard reader asks for, in turn: the pages' first requests. */
const READS = [
  '/api/reports/weekly',
  '/api/analytics/pareto',
  '/api/analytics/suppliers',
  '/api/analytics/sla',
  '/api/analytics/feedback',
  '/api/analytics/kpis',
  '/api/analytics/matrix?by=supplier',
  '/api/analytics/records/claims?pageSize=50',
];

function readers(baseUrl, label, token) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
        requests: READS.map((path) => ({ method: 'GET', path })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    let seconds = 0;
    instance.on('tick', () => {
      seconds++;
      if (seconds % 10 === 0) log(`  ${label}: ${seconds}/${SECONDS} s`);
    });
  });
}

function report(label, r, peakMb) {
  // autocannon's `errors` already counts the timeouts (each timeout is also an error).
  const errors = r.errors + (r.non2xx ?? 0);
  const codes = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${code}×${count}`)
    .join(', ');
  log(
    `${label}: ${r.requests.total.toLocaleString('en')} requests in ${r.duration.toFixed(0)} s = ${r.requests.average.toFixed(0)} req/s; ` +
      `latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ` +
      `errors ${errors} (non-2xx ${r.non2xx ?? 0}${codes ? `: ${codes}` : ''}; timeouts ${r.timeouts}; other ${r.errors - r.timeouts}); ` +
      `API peak RSS ${peakMb.toFixed(0)} MB`,
  );
  return errors;
}

/** A token made the documented way: `cli.js token create`, on the running API's database. */
function createToken(dataDir, scopes) {
  const cli = spawnSync(
    process.execPath,
    [
      join(root, 'dist/apps/api/cli.js'),
      'token',
      'create',
      '--name',
      `load-${scopes}`,
      '--scopes',
      scopes,
    ],
    { cwd: root, env: { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' }, encoding: 'utf8' },
  );
  const token = /\b(rl_[A-Za-z0-9_-]+)/.exec(cli.stdout ?? '')?.[1];
  if (cli.status !== 0 || !token) {
    throw new Error(`token create --scopes ${scopes} failed:\n${cli.stdout}${cli.stderr}`);
  }
  return token;
}

function* claimLines(count) {
  yield 'external_id,type,channel,sku,quantity,reason_code,opened_at,status\n';
  const types = ['return', 'exchange', 'complaint', 'return_defective', 'warranty_repair'];
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    const opened = new Date(
      Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000 + (i % 86_400) * 1000,
    ).toISOString();
    chunk += `LOAD-${i},${types[i % 5]},email,SKU-${i % 1500},1,product_defect,${opened},open\n`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function ingest(baseUrl, token) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = request(`${baseUrl}/api/ingest/claims`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode, seconds: (Date.now() - started) / 1000, text }),
      );
    });
    Readable.from(claimLines(INGEST_ROWS)).pipe(req);
  });
}

async function main() {
  log('Building the API and dashboard (cached after the first time)…');
  buildOrExit(['api', 'web'], { quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'returnlens-load-'));
  spawnSync('chmod', ['755', dir]);
  const pgPort = 43_000 + (process.pid % 500);
  const dataDir = join(dir, 'data');
  log('Starting the API on the demo data…');
  const api = await startApi(
    {
      DATA_DIR: dataDir,
      PORT: String(44_000 + (process.pid % 500)),
      EMBEDDED_PG_PORT: String(pgPort),
    },
    process.env.LOAD_API_MAIN,
  );
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid))), 200);
  let errors = 0;
  try {
    const readToken = createToken(dataDir, 'read');
    const ingestToken = createToken(dataDir, 'ingest');
    log(
      `\nPhase 1: ${CONNECTIONS} concurrent readers for ${SECONDS} s (after start-up: RSS ${rssMb(api.child.pid).toFixed(0)} MB)`,
    );
    peak = 0;
    errors += report('readers', await readers(api.baseUrl, 'readers', readToken), peak);

    log(
      `\nPhase 2: the same readers while ${INGEST_ROWS.toLocaleString('en')} claims are ingested`,
    );
    peak = 0;
    const upload = ingest(api.baseUrl, ingestToken);
    const during = await readers(api.baseUrl, 'readers during ingest', readToken);
    errors += report('readers during ingest', during, peak);
    const done = await upload;
    log(
      `ingest: HTTP ${done.status} after ${done.seconds.toFixed(0)} s; API peak RSS in phase 2 (to the end of the ingest): ${peak.toFixed(0)} MB`,
    );
    if (done.status !== 201) {
      log(done.text.slice(0, 500));
      errors++;
    }
    log(`\nload_errors=${errors}`);
  } finally {
    clearInterval(sampler);
    await stopApi(api);
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(errors === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
