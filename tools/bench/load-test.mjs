// `npm run test:load`: many dashboard readers on loopback against the demo data, then the
// same readers while a large claims file is being ingested. Prints throughput, p50/p99
// latency and the error count of each phase.
//
//   LOAD_CONNECTIONS=200 LOAD_SECONDS=60 LOAD_INGEST_ROWS=1000000 npm run test:load
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { buildOrExit } from '../scripts/nx.mjs';
import { rssMb, startApi, stopApi } from './support.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const pg = require('pg');

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

function readers(baseUrl, label) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: SECONDS,
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

function report(label, r) {
  const errors = r.errors + r.timeouts + (r.non2xx ?? 0);
  log(
    `${label}: ${r.requests.total.toLocaleString('en')} requests in ${r.duration.toFixed(0)} s = ${r.requests.average.toFixed(0)} req/s; ` +
      `latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; errors ${errors} (non-2xx ${r.non2xx ?? 0}, timeouts ${r.timeouts})`,
  );
  return errors;
}

function* claimLines(count) {
  yield 'external_id,type,channel,sku,quantity,reason_code,opened_at,status\n';
  const types = ['return', 'exchange', 'complaint', 'return_defective', 'warranty_repair'];
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    const opened = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000 + (i % 86_400) * 1000).toISOString();
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
      res.on('end', () => resolve({ status: res.statusCode, seconds: (Date.now() - started) / 1000, text }));
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
  log('Starting the API on the demo data…');
  const api = await startApi({
    DATA_DIR: join(dir, 'data'),
    PORT: String(44_000 + (process.pid % 500)),
    EMBEDDED_PG_PORT: String(pgPort),
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid))), 200);
  let errors = 0;
  try {
    log(`\nPhase 1: ${CONNECTIONS} concurrent readers for ${SECONDS} s`);
    errors += report('readers', await readers(api.baseUrl, 'readers'));

    const password = readFileSync(join(dir, 'data/postgres-password'), 'utf8').trim();
    const client = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/returnlens`,
    });
    await client.connect();
    const token = `rl_${randomBytes(24).toString('base64url')}`;
    await client.query(`INSERT INTO api_tokens (name, token_hash, scopes) VALUES ('load', $1, '{ingest}')`, [
      createHash('sha256').update(token).digest('hex'),
    ]);
    await client.end();

    log(`\nPhase 2: the same readers while ${INGEST_ROWS.toLocaleString('en')} claims are ingested`);
    const upload = ingest(api.baseUrl, token);
    errors += report('readers during ingest', await readers(api.baseUrl, 'readers during ingest'));
    const done = await upload;
    log(`ingest: HTTP ${done.status} after ${done.seconds.toFixed(0)} s`);
    if (done.status !== 201) {
      log(done.text.slice(0, 500));
      errors++;
    }
    log(`API peak RSS over both phases: ${peak.toFixed(0)} MB`);
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
