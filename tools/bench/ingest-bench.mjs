// `npm run bench:ingest`: claims CSV through the product (HTTP → validation → COPY → merge)
// against `psql \copy` of the same file into a bare table on the same PostgreSQL, in one
// run; then the API's peak memory while it ingests a file of BENCH_BIG_GB (default 2) GB.
//
//   BENCH_ROWS=1000000 BENCH_BIG_GB=2 npm run bench:ingest
//
// Prints rows/s for both, the API's peak RSS, and last `ingest_vs_psql_copy=<ratio>` and
// `ingest_vs_keyed_copy=<ratio>` (against `\copy` into a table `LIKE claims INCLUDING ALL`).
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { buildOrExit } from '../scripts/nx.mjs';
import { rssMb, startApi } from './support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pg = require('pg');
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BIG_BYTES = Number(process.env.BENCH_BIG_GB ?? 2) * 1024 ** 3;
const log = (...args) => console.log(...args);

const HEADER =
  'Ticket,Type,Channel,Order,SKU,Quantity,Reason,Comment,Date received,First response,Status,Contacts,Assignee\n';
const TYPES = ['return', 'exchange', 'complaint', 'return_defective', 'warranty_repair'];
const CHANNELS = ['email', 'phone', 'chat', 'web_form'];
const REASONS = ['wrong_size', 'product_defect', 'changed_mind', 'late_delivery'];
function line(i, prefix) {
  const opened = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000 + (i % 86_400) * 1000);
  const response = new Date(opened.getTime() + 5 * 3_600_000);
  return `${prefix}${i},${TYPES[i % 5]},${CHANNELS[i % 4]},SO-${i >> 1},SKU-${i % 1500},1,${REASONS[i % 4]},"Customer says: item ${i} was not ok, please help",${opened.toISOString()},${response.toISOString()},in_progress,1,Agent ${i % 8}\n`;
}
function* lines(count, prefix) {
  yield HEADER;
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    chunk += line(i, prefix);
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
const MAPPING = JSON.stringify({
  columns: {
    external_id: 'Ticket',
    type: 'Type',
    channel: 'Channel',
    order_id: 'Order',
    sku: 'SKU',
    quantity: 'Quantity',
    reason_code: 'Reason',
    reason_text: 'Comment',
    opened_at: 'Date received',
    first_response_at: 'First response',
    status: 'Status',
    contact_count: 'Contacts',
    assignee: 'Assignee',
  },
});

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
}

async function writeFile(path, count, prefix) {
  const out = createWriteStream(path);
  for (const chunk of lines(count, prefix))
    if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
}

async function upload(api, token, body, label) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.child.pid))), 100);
  const started = Date.now();
  const progress = setInterval(
    () =>
      log(
        `  ${label}: ${((Date.now() - started) / 1000).toFixed(0)} s, API RSS ${rssMb(api.child.pid).toFixed(0)} MB`,
      ),
    10_000,
  );
  try {
    // node:http, not fetch: the answer comes only after the whole batch is stored, which
    // for a multi-GB file takes longer than fetch's 5-minute header timeout.
    const { status, report } = await new Promise((resolve, reject) => {
      const req = request(`${api.baseUrl}/api/ingest/claims`, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/csv',
          Authorization: `Bearer ${token}`,
          'X-Mapping': MAPPING,
        },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, report: JSON.parse(text) }));
      });
      body.on('error', reject);
      body.pipe(req);
    });
    if (status !== 201)
      throw new Error(`ingest answered ${status}: ${JSON.stringify(report).slice(0, 500)}`);
    return { seconds: (Date.now() - started) / 1000, peak, report };
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
  }
}

async function main() {
  const psql = which('psql');
  if (!psql)
    throw new Error(
      'psql is needed for the baseline (Debian: apt-get install -y postgresql-client)',
    );
  log('Building the API (cached after the first time)…');
  buildOrExit(['api'], { quiet: true });

  const dir = mkdtempSync(join(tmpdir(), 'returnlens-bench-'));
  spawnSync('chmod', ['755', dir]);
  const file = join(dir, 'claims.csv');
  log(`Generating ${ROWS.toLocaleString('en')} claims…`);
  await writeFile(file, ROWS, 'C');
  log(`  ${(statSync(file).size / 1024 ** 2).toFixed(0)} MB`);

  const api = await startApi({
    DATA_DIR: join(dir, 'data'),
    DEMO_DATA: 'off',
    PORT: String(39_000 + (process.pid % 500)),
    // The API prints where each batch's time went.
    RETURNLENS_INGEST_TIMINGS: '1',
  });
  try {
    const port = Number(
      readFileSync(join(dir, 'data/postgres/postmaster.pid'), 'utf8').split('\n')[3],
    );
    const password = readFileSync(join(dir, 'data/postgres-password'), 'utf8').trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/returnlens`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const token = `rl_${randomBytes(24).toString('base64url')}`;
    await client.query(
      `INSERT INTO api_tokens (name, token_hash, scopes) VALUES ('bench', $1, '{ingest}')`,
      [createHash('sha256').update(token).digest('hex')],
    );
    await client.query(`CREATE TABLE bench_bare (ticket text, type text, channel text, order_id text, sku text, quantity text, reason text,
      comment text, opened text, first_response text, status text, contacts text, assignee text)`);

    log('psql \\copy into a bare table…');
    const started = Date.now();
    const copy = spawnSync(
      psql,
      [
        url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy bench_bare FROM '${file}' WITH (FORMAT csv, HEADER true)`,
      ],
      { encoding: 'utf8' },
    );
    if (copy.status !== 0) throw new Error(`psql failed: ${copy.stderr}`);
    const psqlSeconds = (Date.now() - started) / 1000;
    const psqlRate = ROWS / psqlSeconds;
    log(`  ${psqlSeconds.toFixed(1)} s, ${Math.round(psqlRate).toLocaleString('en')} rows/s`);

    // The fair floor: the same file into a table with the claims table's key, indexes,
    // checks, defaults and generated columns (`LIKE claims INCLUDING ALL`; no foreign keys,
    // no validation, no merge, no rollups).
    log('psql \\copy into a table LIKE claims INCLUDING ALL…');
    await client.query('CREATE TABLE bench_keyed (LIKE claims INCLUDING ALL)');
    const keyedStarted = Date.now();
    const keyed = spawnSync(
      psql,
      [
        url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy bench_keyed (external_id, type, channel, order_id, sku, quantity, stated_reason_code, reason_text, opened_at, first_response_at, status, contact_count, assignee) FROM '${file}' WITH (FORMAT csv, HEADER true)`,
      ],
      { encoding: 'utf8' },
    );
    if (keyed.status !== 0) throw new Error(`psql failed: ${keyed.stderr}`);
    const keyedSeconds = (Date.now() - keyedStarted) / 1000;
    const keyedRate = ROWS / keyedSeconds;
    log(`  ${keyedSeconds.toFixed(1)} s, ${Math.round(keyedRate).toLocaleString('en')} rows/s`);
    await client.query('DROP TABLE bench_keyed');

    log('The product: POST /api/ingest/claims (validated, merged into claims)…');
    const product = await upload(api, token, createReadStream(file), 'ingest');
    const productRate = ROWS / product.seconds;
    log(
      `  ${product.seconds.toFixed(1)} s, ${Math.round(productRate).toLocaleString('en')} rows/s; ${product.report.inserted} inserted, ${product.report.rejected} rejected; API peak RSS ${product.peak.toFixed(0)} MB`,
    );
    let merge = null;
    for (const [, what, phases] of api
      .output()
      .matchAll(/(ingest|rollup) timings \(ms\) (\{.*\})/g)) {
      log(`  ${what === 'ingest' ? 'phases' : 'rollup statements'} (ms): ${phases}`);
      if (what === 'ingest') merge = JSON.parse(phases).merge;
    }
    // The floor the database alone sets: the merge of the already parsed and validated rows
    // from the staging table into the indexed claims table (one INSERT … ON CONFLICT).
    const mergeRate = merge ? ROWS / (merge / 1000) : null;
    if (mergeRate)
      log(
        `  the merge alone: ${(merge / 1000).toFixed(1)} s, ${Math.round(mergeRate).toLocaleString('en')} rows/s = ${(mergeRate / psqlRate).toFixed(3)} × psql \\copy`,
      );
    await client.end();

    let big = null;
    if (BIG_BYTES > 0) {
      const bigRows = Math.ceil(BIG_BYTES / line(5_000_000, 'B').length);
      log(
        `A ${(BIG_BYTES / 1024 ** 3).toFixed(1)} GB file (${bigRows.toLocaleString('en')} claims), streamed to the API, for its memory…`,
      );
      big = await upload(api, token, Readable.from(lines(bigRows, 'B')), 'big file');
      log(
        `  ${big.seconds.toFixed(0)} s, ${Math.round(bigRows / big.seconds).toLocaleString('en')} rows/s; API peak RSS ${big.peak.toFixed(0)} MB`,
      );
    }

    log('');
    log(`rows=${ROWS}`);
    log(`psql_copy_rows_per_s=${Math.round(psqlRate)}`);
    log(`ingest_rows_per_s=${Math.round(productRate)}`);
    log(`api_peak_rss_mb=${product.peak.toFixed(0)}`);
    if (mergeRate) log(`merge_alone_vs_psql_copy=${(mergeRate / psqlRate).toFixed(3)}`);
    if (big)
      log(
        `api_peak_rss_mb_big_file=${big.peak.toFixed(0)} (${(BIG_BYTES / 1024 ** 3).toFixed(1)} GB)`,
      );
    log(`keyed_copy_rows_per_s=${Math.round(keyedRate)}`);
    log(`ingest_vs_psql_copy=${(productRate / psqlRate).toFixed(3)}`);
    log(`ingest_vs_keyed_copy=${(productRate / keyedRate).toFixed(3)}`);
  } finally {
    api.child.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:ingest failed: ${error.message}`);
  process.exit(1);
});
