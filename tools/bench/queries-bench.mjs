// `npm run bench:queries`: latency of every analytics endpoint at 1 M and 10 M claims (with
// proportional sales and feedback), against DuckDB answering the same questions from the same
// raw rows (plain UTC TIMESTAMP columns, its fastest layout), in one run.
//
//   BENCH_SIZES=1000000,10000000 BENCH_REPEAT=30 npm run bench:queries
//
// Per size: the data is generated inside PostgreSQL (claims N, order lines N, feedback N/5,
// 2 000 SKUs of 50 suppliers, two years, rows in time order as exports arrive), the rollups are rebuilt with the product's own
// command, the raw tables are copied to DuckDB, then each endpoint is called BENCH_REPEAT
// times (after 3 warm-ups) uncached and BENCH_SERVED_REPEAT times (default 100 × BENCH_REPEAT)
// as served (over one kept-alive node:http connection, every endpoint before any uncached run, in
// rounds over the endpoints), and DuckDB runs the equivalent
// queries BENCH_REPEAT times; three filter combinations that no weekly rollup answers alone are
// measured uncached the same way. Before measuring, the tables are vacuumed and analysed. Prints
// the p50/p95 table, `p95_vs_duckdb=` and `growth_1m_to_10m=` as served, and ends with
// `p95_uncached_vs_duckdb=<worst ratio at the largest size, endpoints and combinations>` and
// `growth_uncached_1m_to_10m=<worst p95 growth between the smallest and largest size>`.
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { API_NODE_FLAGS } from '../scripts/api-node.mjs';
import { buildOrExit } from '../scripts/nx.mjs';
import { root, startApi, stopApi } from './support.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { to: copyTo } = require('pg-copy-streams');
const { DuckDBInstance } = require('@duckdb/node-api');

const SIZES = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 30);
// Answers from the cache take well under a millisecond: a hundred times as many samples cost
// a second and keep a few slow requests (a collection pause, the minute turning) from setting
// their p95.
const SERVED_REPEAT = Number(process.env.BENCH_SERVED_REPEAT ?? REPEAT * 100);
const log = (...args) => console.log(...args);

// The period every endpoint is asked about: the 12 ISO weeks ending with 2026-W47 (UTC).
const FROM = '2026-08-31';
const TO = '2026-11-23';
const LAST_WEEK = '2026-11-16';
const FIVE_WEEKS = '2026-10-19';
const NOW = '2026-11-25T12:00:00Z';

/**
 * Data generated inside PostgreSQL: `$1` = claims. Deterministic (setseed). Every LATERAL
 * names `i` so that it is evaluated per row, not once.
 */
const GENERATE = [
  `SELECT setseed(0.42)`,
  `INSERT INTO suppliers (external_id, name, country)
   SELECT 'S' || i, 'Supplier ' || i, 'PL' FROM generate_series(1, 50) i`,
  `INSERT INTO products (sku, name, category, supplier_id)
   SELECT 'P' || i, 'Product ' || i, 'cat' || (i % 12), 'S' || (1 + i % 50) FROM generate_series(1, 2000) i`,
  `INSERT INTO sales (external_id, order_id, sku, quantity, unit_price, currency, ordered_at, customer_id)
   SELECT 'L' || i, 'O' || i, 'P' || (1 + (random() * 1999)::int), 1 + (random() * 3)::int, 19.99, 'EUR',
          timestamptz '2024-11-25' + (i::float8 / $1::int) * interval '728 days' - random() * interval '1 day', 'U' || (i % 200000)
     FROM generate_series(1, $1::int) i`,
  `INSERT INTO claims (external_id, type, channel, order_id, sku, quantity, stated_reason_code, opened_at,
                      first_response_at, resolved_at, refunded_at, status, resolution, refund_amount, currency,
                      inspection_outcome, contact_count, assignee, customer_id)
   SELECT 'C' || i, t.type, (ARRAY['phone','email','web_form','chat','marketplace','store'])[1 + (random() * 5)::int],
          'O' || i, 'P' || (1 + (random() * 1999)::int), 1 + (random() * 1.2)::int,
          (SELECT code FROM reasons ORDER BY code OFFSET (r * 16)::int LIMIT 1),
          o.opened, o.opened + random() * interval '60 hours',
          CASE WHEN o.opened < timestamptz '2026-11-05' THEN o.opened + random() * interval '500 hours' END,
          CASE WHEN o.opened < timestamptz '2026-11-05' AND r < 0.5 THEN o.opened + random() * interval '400 hours' END,
          CASE WHEN o.opened < timestamptz '2026-11-05' THEN 'resolved' ELSE 'in_progress' END,
          CASE WHEN o.opened < timestamptz '2026-11-05' THEN CASE WHEN r < 0.5 THEN 'refund' ELSE 'replacement' END END,
          CASE WHEN o.opened < timestamptz '2026-11-05' AND r < 0.5 THEN 25.50 END,
          CASE WHEN o.opened < timestamptz '2026-11-05' AND r < 0.5 THEN 'EUR' END,
          (ARRAY['confirmed_defect','customer_fault','no_fault_found','not_inspected', NULL])[1 + (random() * 4)::int],
          1 + (random() * random() * 3)::int, 'Agent ' || (i % 20), 'U' || (i % 200000)
     FROM generate_series(1, $1::int) i,
          LATERAL (SELECT random() AS r WHERE i IS NOT NULL) rr,
          LATERAL (SELECT timestamptz '2024-11-25' + (i::float8 / $1::int) * interval '728 days' - random() * interval '1 day' AS opened WHERE i IS NOT NULL) o,
          LATERAL (SELECT (ARRAY['return','return_defective','exchange','warranty_repair','complaint'])[1 + (random() * 4)::int] AS type WHERE i IS NOT NULL) t`,
  `INSERT INTO feedback (external_id, source, sku, rating, text, created_at, language, sentiment_score, sentiment_label)
   SELECT 'F' || i, 'review', 'P' || (1 + (random() * 1999)::int), 1 + (random() * 4)::int, NULL,
          timestamptz '2024-11-25' + (i::float8 / greatest(1, $1::int / 5)) * interval '728 days' - random() * interval '1 day',
          (ARRAY['en','ru','pl','he','pt','de'])[1 + (random() * 5)::int], s, CASE WHEN s < -0.2 THEN 'negative' WHEN s > 0.2 THEN 'positive' ELSE 'neutral' END
     FROM generate_series(1, greatest(1, $1::int / 5)) i, LATERAL (SELECT random() * 2 - 1 AS s WHERE i IS NOT NULL) ss`,
  `ANALYZE`,
];

/** Raw columns copied to DuckDB, timestamps as UTC. */
const EXPORTS = {
  products: 'SELECT sku, supplier_id, category FROM products',
  reasons: 'SELECT code, category_code FROM reasons',
  sales: `SELECT sku, quantity, ordered_at AT TIME ZONE 'UTC' AS ordered_at FROM sales`,
  claims: `SELECT external_id, type, channel, sku, quantity, reason_code, reason_source,
                  opened_at AT TIME ZONE 'UTC' AS opened_at, first_response_at AT TIME ZONE 'UTC' AS first_response_at,
                  resolved_at AT TIME ZONE 'UTC' AS resolved_at, refunded_at AT TIME ZONE 'UTC' AS refunded_at,
                  status, resolution, refund_amount, currency, inspection_outcome, contact_count, assignee FROM claims`,
  feedback: `SELECT sku, rating, created_at AT TIME ZONE 'UTC' AS created_at, language, sentiment_score,
                    rating_label, sentiment_label FROM feedback`,
};

/** DuckDB column types of the exported CSVs (sparse columns would be guessed as text). */
const TYPES = {
  sales: { quantity: 'INTEGER', ordered_at: 'TIMESTAMP' },
  claims: {
    quantity: 'INTEGER',
    opened_at: 'TIMESTAMP',
    first_response_at: 'TIMESTAMP',
    resolved_at: 'TIMESTAMP',
    refunded_at: 'TIMESTAMP',
    refund_amount: 'DOUBLE',
    currency: 'VARCHAR',
    inspection_outcome: 'VARCHAR',
    resolution: 'VARCHAR',
    contact_count: 'INTEGER',
  },
  feedback: {
    rating: 'INTEGER',
    created_at: 'TIMESTAMP',
    sentiment_score: 'DOUBLE',
    rating_label: 'VARCHAR',
    sentiment_label: 'VARCHAR',
  },
};
const duckTypes = (table) =>
  TYPES[table]
    ? `, types = {${Object.entries(TYPES[table])
        .map(([k, v]) => `'${k}': '${v}'`)
        .join(', ')}}`
    : '';

const RANGE = `opened_at >= TIMESTAMP '${FROM}' AND opened_at < TIMESTAMP '${TO}'`;
// The product's own metric SQL (defect units, the feedback label), read from its one home so
// that DuckDB answers exactly the same definitions; these fragments are plain SQL both speak.
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
// The fragments import the workspace's libraries by their path aliases.
{
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
}
const metricsSql = require(join(root, 'libs/api/shared/sql/src/lib/metrics.sql.ts'));
const DEFECT = metricsSql.defectUnits('c', 'r');
const LABEL = metricsSql.feedbackLabel('f');
const SLA = `
  WITH p(id, metric, target, types, resolutions) AS (VALUES
    (1, 'first_response', 24, ['return','return_defective','exchange','warranty_repair','complaint'], NULL),
    (2, 'refund', 240, ['return','return_defective'], ['refund','partial_refund']),
    (3, 'resolution', 336, ['return','return_defective','exchange'], NULL),
    (4, 'resolution', 1080, ['warranty_repair'], NULL)),
  c AS (SELECT *, date_trunc('week', opened_at) AS week FROM claims WHERE ${RANGE}),
  x AS (SELECT c.week, c.channel, c.assignee, p.id, p.target,
               CASE p.metric WHEN 'first_response' THEN first_response_at WHEN 'resolution' THEN resolved_at ELSE refunded_at END AS done,
               opened_at, resolution, resolved_at, p.resolutions
          FROM c JOIN p ON list_contains(p.types, c.type))
  SELECT week, channel, assignee, id,
         count(*) FILTER (WHERE done IS NOT NULL AND (resolutions IS NULL OR list_contains(resolutions, resolution)) AND epoch(done - opened_at) / 3600 <= target) AS met,
         count(*) FILTER (WHERE (done IS NOT NULL AND (resolutions IS NULL OR list_contains(resolutions, resolution)) AND epoch(done - opened_at) / 3600 > target)
                            OR (done IS NULL AND resolved_at IS NULL AND epoch(TIMESTAMP '${NOW.slice(0, 19).replace('T', ' ')}' - opened_at) / 3600 > target)) AS breached
    FROM x GROUP BY ALL`;
const DURATIONS = `
  SELECT date_trunc('week', opened_at) AS week,
         quantile_cont(epoch(first_response_at - opened_at) / 3600, [0.5, 0.9]) AS fr,
         quantile_cont(epoch(resolved_at - opened_at) / 3600, [0.5, 0.9]) AS res,
         quantile_cont(epoch(refunded_at - opened_at) / 3600, [0.5, 0.9]) AS ref
    FROM claims WHERE ${RANGE} GROUP BY 1`;
const OPEN = `SELECT external_id, type, opened_at FROM claims WHERE resolved_at IS NULL AND status IN ('open','in_progress')`;

/** The same questions each endpoint answers, asked of DuckDB over the raw rows. */
const DUCK = {
  weekly: [
    `SELECT date_trunc('week', opened_at), r.category_code, count(*), sum(quantity) FROM claims c JOIN reasons r ON r.code = c.reason_code WHERE ${RANGE} GROUP BY ALL`,
    `SELECT date_trunc('week', ordered_at), sum(quantity) FROM sales WHERE ordered_at >= TIMESTAMP '${FROM}' AND ordered_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT reason_code, count(*) FROM claims WHERE opened_at >= TIMESTAMP '${LAST_WEEK}' AND opened_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT date_trunc('week', opened_at), currency, sum(refund_amount) FROM claims WHERE ${RANGE} AND refunded_at IS NOT NULL GROUP BY ALL`,
    SLA,
    DURATIONS,
    OPEN,
    `SELECT date_trunc('week', created_at), ${LABEL}, count(*) FROM feedback f WHERE created_at >= TIMESTAMP '${FROM}' AND created_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT date_trunc('week', opened_at), reason_code, count(*) FROM claims WHERE opened_at >= TIMESTAMP '${FIVE_WEEKS}' AND opened_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT date_trunc('week', opened_at), sku, count(*) FROM claims WHERE opened_at >= TIMESTAMP '${FIVE_WEEKS}' AND opened_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT date_trunc('week', opened_at), p.supplier_id, count(*) FROM claims c LEFT JOIN products p USING (sku) WHERE opened_at >= TIMESTAMP '${FIVE_WEEKS}' AND opened_at < TIMESTAMP '${TO}' GROUP BY ALL`,
  ],
  pareto: [
    `SELECT reason_code, reason_source, count(*), sum(quantity) FROM claims WHERE ${RANGE} GROUP BY ALL`,
  ],
  matrix: [
    `SELECT reason_code, p.supplier_id, count(*), sum(quantity) FROM claims c LEFT JOIN products p USING (sku) WHERE ${RANGE} GROUP BY ALL`,
  ],
  suppliers: [
    `SELECT p.supplier_id, sum(s.quantity) FROM sales s LEFT JOIN products p USING (sku) WHERE ordered_at >= TIMESTAMP '${FROM}' AND ordered_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT p.supplier_id, c.reason_code, count(*), sum(${DEFECT}) FROM claims c JOIN reasons r ON r.code = c.reason_code LEFT JOIN products p USING (sku) WHERE ${RANGE} GROUP BY ALL`,
    `SELECT date_trunc('week', opened_at), p.supplier_id, sum(${DEFECT}) FROM claims c JOIN reasons r ON r.code = c.reason_code LEFT JOIN products p USING (sku) WHERE ${RANGE} GROUP BY ALL`,
    `SELECT date_trunc('week', ordered_at), p.supplier_id, sum(s.quantity) FROM sales s LEFT JOIN products p USING (sku) WHERE ordered_at >= TIMESTAMP '${FROM}' AND ordered_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT p.supplier_id, ${LABEL}, count(*) FROM feedback f LEFT JOIN products p USING (sku) WHERE created_at >= TIMESTAMP '${FROM}' AND created_at < TIMESTAMP '${TO}' GROUP BY ALL`,
  ],
  products: [
    `SELECT sku, sum(quantity) FROM sales WHERE ordered_at >= TIMESTAMP '${FROM}' AND ordered_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT c.sku, c.reason_code, count(*), sum(${DEFECT}) FROM claims c JOIN reasons r ON r.code = c.reason_code WHERE ${RANGE} GROUP BY ALL`,
  ],
  sla: [
    SLA,
    DURATIONS,
    OPEN,
    `SELECT count(*), count(*) FILTER (WHERE contact_count > 1) FROM claims WHERE ${RANGE}`,
    `SELECT CASE WHEN age < 24 THEN 'a' WHEN age < 72 THEN 'b' ELSE 'c' END, count(*) FROM (SELECT epoch(TIMESTAMP '${NOW.slice(0, 19).replace('T', ' ')}' - opened_at) / 3600 AS age FROM claims WHERE resolved_at IS NULL) GROUP BY ALL`,
  ],
  feedback: [
    `SELECT rating, count(*) FROM feedback WHERE created_at >= TIMESTAMP '${FROM}' AND created_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT date_trunc('week', created_at), ${LABEL}, count(*) FROM feedback f WHERE created_at >= TIMESTAMP '${FROM}' AND created_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT language, ${LABEL}, count(*), count(sentiment_score), sum(sentiment_score) FROM feedback f WHERE created_at >= TIMESTAMP '${FROM}' AND created_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT p.supplier_id, ${LABEL}, count(*) FROM feedback f LEFT JOIN products p USING (sku) WHERE created_at >= TIMESTAMP '${FROM}' AND created_at < TIMESTAMP '${TO}' GROUP BY ALL`,
  ],
  kpis: [
    `SELECT type, count(*), count(*) FILTER (WHERE contact_count > 1) FROM claims WHERE ${RANGE} GROUP BY ALL`,
    `SELECT ${LABEL}, count(*) FROM feedback f WHERE created_at >= TIMESTAMP '${FROM}' AND created_at < TIMESTAMP '${TO}' GROUP BY ALL`,
    `SELECT median(epoch(resolved_at - opened_at) / 3600) FROM claims WHERE ${RANGE} AND resolved_at IS NOT NULL`,
  ],
};

const PERIOD = 'from=2026-W36&to=2026-W47';
const ENDPOINTS = {
  weekly: '/api/analytics/weekly?week=2026-W47',
  pareto: `/api/analytics/pareto?${PERIOD}`,
  matrix: `/api/analytics/matrix?by=supplier&${PERIOD}`,
  suppliers: `/api/analytics/suppliers?${PERIOD}`,
  products: `/api/analytics/products?${PERIOD}`,
  sla: `/api/analytics/sla?${PERIOD}`,
  feedback: `/api/analytics/feedback?${PERIOD}`,
  kpis: `/api/analytics/kpis?${PERIOD}`,
};

/**
 * Questions with filters no rollup answers by week alone (they read raw rows, or the
 * feedback rollup by language): measured uncached, against DuckDB's queries of the same
 * endpoint over the rows the filters keep.
 */
const COMBOS = {
  'weekly+language': { endpoint: 'weekly', query: '&language=pl', feedback: "language = 'pl'" },
  'sla+channel+type': {
    endpoint: 'sla',
    query: '&channel=phone&type=return',
    claims: "c0.channel = 'phone' AND c0.type = 'return'",
  },
  'pareto+channel+category': {
    endpoint: 'pareto',
    query: '&channel=email&category=cat3',
    claims: "c0.channel = 'email' AND p0.category = 'cat3'",
  },
};
/** DuckDB's queries of a combination's endpoint over the rows its filters keep. */
function filteredDuck({ endpoint, claims, feedback }) {
  return DUCK[endpoint].map((sql) => {
    let out = sql;
    if (claims)
      out = out.replace(
        /\bFROM claims\b/g,
        `FROM (SELECT c0.* FROM claims c0 LEFT JOIN products p0 ON p0.sku = c0.sku WHERE ${claims})`,
      );
    if (feedback)
      out = out.replace(/\bFROM feedback\b/g, `FROM (SELECT * FROM feedback WHERE ${feedback})`);
    return out;
  });
}

const percentile = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]);
};

/** Milliseconds to show: two decimals below 10 ms (cached answers take a fraction of one). */
const ms = (value) => value.toFixed(value < 10 ? 2 : 1);

async function time(fn) {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * GET over one kept-alive connection, the body read to its end; rejects unless 200. A lean
 * client (node:http, as load generators use) so that the client's own cost stays small next
 * to the API's, as DuckDB's side has no client at all.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function httpGet(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(chunks)
          : reject(
              new Error(`${url} answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`),
            ),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function measure(fn, repeat = REPEAT, warmUps = 3) {
  for (let i = 0; i < warmUps; i++) await fn();
  const samples = [];
  for (let i = 0; i < repeat; i++) samples.push(await time(fn));
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

async function runSize(claims, dir, run) {
  // One database per run: the same size twice (to see the noise) measures two databases.
  const dataDir = join(dir, `data-${run}-${claims}`);
  const port = 41_000 + (process.pid % 500);
  const pgPort = 42_000 + (process.pid % 500);
  let api = await startApi({
    DATA_DIR: dataDir,
    DEMO_DATA: 'off',
    // No answers computed ahead in the background (decision 0024): they would run at each
    // minute's turn in the middle of the uncached measurements.
    ANSWER_WARM: 'off',
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
  });
  const password = readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim();
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/returnlens`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let t = Date.now();
  log(
    `\n[${claims.toLocaleString('en')} claims] generating claims, ${claims.toLocaleString('en')} order lines, ${Math.floor(claims / 5).toLocaleString('en')} feedback items in PostgreSQL…`,
  );
  for (const sql of GENERATE) await client.query(sql, sql.includes('$1') ? [claims] : []);
  log(
    `  generated in ${((Date.now() - t) / 1000).toFixed(0)} s; rebuilding rollups with \`rollups rebuild\`…`,
  );
  await client.end();
  await stopApi(api);
  t = Date.now();
  // The API is stopped (its embedded server too): the command line starts the same server.
  const rebuild = spawnSync(
    process.execPath,
    [...API_NODE_FLAGS, join(root, 'dist/apps/api/cli.js'), 'rollups', 'rebuild'],
    {
      env: { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (rebuild.status !== 0) throw new Error('rollups rebuild failed');
  const rebuildSeconds = (Date.now() - t) / 1000;
  api = await startApi({
    DATA_DIR: dataDir,
    DEMO_DATA: 'off',
    ANSWER_WARM: 'off',
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
  });
  const client2 = new pg.Client({ connectionString: url });
  await client2.connect();
  // Settle the freshly written tables as autovacuum eventually would (visibility map, hint
  // bits, statistics), so that its work does not run during the measurements.
  t = Date.now();
  log('  vacuuming and analysing the new tables, then a checkpoint…');
  await client2.query('VACUUM (ANALYZE)');
  await client2.query('CHECKPOINT');
  log(`  settled in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  // The endpoints need a caller: a token with the read scope, as an analyst's script has.
  const token = `rl_${randomBytes(24).toString('base64url')}`;
  await client2.query(
    `INSERT INTO api_tokens (name, token_hash, scopes) VALUES ('bench', $1, '{read}')`,
    [createHash('sha256').update(token).digest('hex')],
  );
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  const sizes = (
    await client2.query(
      `SELECT relname AS name, n_live_tup::bigint AS rows FROM pg_stat_user_tables WHERE relname LIKE 'rollup%' ORDER BY 1`,
    )
  ).rows;

  log('  copying the raw rows to DuckDB…');
  t = Date.now();
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  for (const [table, sql] of Object.entries(EXPORTS)) {
    const file = join(dir, `${table}.csv`);
    await pipeline(
      client2.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER)`)),
      createWriteStream(file),
    );
    await duck.run(
      `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true${duckTypes(table)})`,
    );
    rmSync(file);
  }
  await client2.end();
  log(
    `  DuckDB loaded in ${((Date.now() - t) / 1000).toFixed(0)} s; measuring (${REPEAT} runs each after 3 warm-ups, ${SERVED_REPEAT} as served)…`,
  );

  // Both sides answer the same question: the period's claims per reason must agree.
  const duckTotal = Number(
    (await duck.runAndReadAll(`SELECT count(*) FROM claims WHERE ${RANGE}`)).getRows()[0][0],
  );
  const apiPareto = await (await fetch(`${api.baseUrl}${ENDPOINTS.pareto}`, auth)).json();
  const apiTotal = apiPareto.rows.reduce((sum, row) => sum + row.claims, 0);
  log(
    `  check: claims in the period — API ${apiTotal.toLocaleString('en')}, DuckDB ${duckTotal.toLocaleString('en')}`,
  );
  if (apiTotal !== duckTotal) throw new Error('the API and DuckDB disagree on the data');

  // As served, every endpoint first: the cache warmed as a running server's is (30 requests
  // each), then SERVED_REPEAT samples each, before the uncached runs below leave the API
  // collecting their garbage. The samples are taken in rounds over all endpoints, so that a
  // passing disturbance (a collection, another process) is shared out, not all one's.
  const served = {};
  for (const path of Object.values(ENDPOINTS))
    for (let i = 0; i < 30; i++) await httpGet(`${api.baseUrl}${path}`, auth.headers);
  const samples = Object.fromEntries(Object.keys(ENDPOINTS).map((name) => [name, []]));
  const ROUNDS = 30;
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, path] of Object.entries(ENDPOINTS))
      for (let i = 0; i < Math.ceil(SERVED_REPEAT / ROUNDS); i++)
        samples[name].push(await time(() => httpGet(`${api.baseUrl}${path}`, auth.headers)));
  for (const [name, taken] of Object.entries(samples))
    served[name] = { p50: percentile(taken, 0.5), p95: percentile(taken, 0.95) };

  const results = {};
  for (const [name, path] of Object.entries(ENDPOINTS)) {
    const api_ = served[name];
    // The same question computed afresh each time (the answer cache bypassed).
    const cold = await measure(() =>
      httpGet(`${api.baseUrl}${path}`, { ...auth.headers, 'Cache-Control': 'no-cache' }),
    );
    const duckdb = await measure(async () => {
      for (const sql of DUCK[name]) await duck.runAndReadAll(sql);
    });
    results[name] = { api: api_, cold, duckdb };
    log(
      `  ${name.padEnd(10)} API p50 ${ms(api_.p50).padStart(7)} ms  p95 ${ms(api_.p95).padStart(7)} ms | uncached p50 ${cold.p50.toFixed(1).padStart(7)} ms  p95 ${cold.p95.toFixed(1).padStart(7)} ms | DuckDB p50 ${duckdb.p50.toFixed(1).padStart(7)} ms  p95 ${duckdb.p95.toFixed(1).padStart(7)} ms | ratio ${(api_.p95 / duckdb.p95).toFixed(3)} (uncached ${(cold.p95 / duckdb.p95).toFixed(3)})`,
    );
  }
  for (const [name, combo] of Object.entries(COMBOS)) {
    const path = `${ENDPOINTS[combo.endpoint]}${combo.query}`;
    const cold = await measure(() =>
      httpGet(`${api.baseUrl}${path}`, { ...auth.headers, 'Cache-Control': 'no-cache' }),
    );
    const queries = filteredDuck(combo);
    const duckdb = await measure(async () => {
      for (const sql of queries) await duck.runAndReadAll(sql);
    });
    results[name] = { cold, duckdb };
    log(
      `  ${name.padEnd(24)} uncached p50 ${cold.p50.toFixed(1).padStart(7)} ms  p95 ${cold.p95.toFixed(1).padStart(7)} ms | DuckDB p50 ${duckdb.p50.toFixed(1).padStart(7)} ms  p95 ${duckdb.p95.toFixed(1).padStart(7)} ms | ratio (uncached) ${(cold.p95 / duckdb.p95).toFixed(3)}`,
    );
  }
  await stopApi(api);
  return { claims, rebuildSeconds, sizes, results };
}

async function main() {
  log('Building the API (cached after the first time)…');
  buildOrExit(['api'], { quiet: true });
  const dir = mkdtempSync(join(tmpdir(), 'returnlens-queries-'));
  spawnSync('chmod', ['755', dir]);
  const runs = [];
  try {
    for (const [run, size] of SIZES.entries()) runs.push(await runSize(size, dir, run));
  } finally {
    if (process.env.BENCH_KEEP) log(`Data kept in ${dir} (BENCH_KEEP)`);
    else rmSync(dir, { recursive: true, force: true });
  }

  log(
    '\n| endpoint | ' +
      runs
        .map(
          (r) =>
            `${r.claims / 1e6} M: API p50 / p95 | uncached p50 / p95 | DuckDB p50 / p95 | ratio (uncached)`,
        )
        .join(' | ') +
      ' |',
  );
  log('|---|' + runs.map(() => '---|---|---|---').join('|') + '|');
  for (const name of [...Object.keys(ENDPOINTS), ...Object.keys(COMBOS)]) {
    log(
      `| ${name} | ` +
        runs
          .map((r) => {
            const x = r.results[name];
            const served = x.api ? `${ms(x.api.p50)} / ${ms(x.api.p95)} ms` : '—';
            const ratio = x.api ? (x.api.p95 / x.duckdb.p95).toFixed(3) : '—';
            return `${served} | ${x.cold.p50.toFixed(1)} / ${x.cold.p95.toFixed(1)} ms | ${x.duckdb.p50.toFixed(1)} / ${x.duckdb.p95.toFixed(1)} ms | ${ratio} (${(x.cold.p95 / x.duckdb.p95).toFixed(3)})`;
          })
          .join(' | ') +
        ' |',
    );
  }
  for (const r of runs) {
    log(
      `\n${r.claims.toLocaleString('en')} claims: rollups rebuilt in ${r.rebuildSeconds.toFixed(0)} s; rollup rows: ${r.sizes.map((s) => `${s.name} ${Number(s.rows).toLocaleString('en')}`).join(', ')}`,
    );
  }
  const largest = runs[runs.length - 1];
  const smallest = runs[0];
  const worstRatio = Math.max(
    ...Object.keys(ENDPOINTS).map(
      (n) => largest.results[n].api.p95 / largest.results[n].duckdb.p95,
    ),
  );
  const growth = Math.max(
    ...Object.keys(ENDPOINTS).map((n) => largest.results[n].api.p95 / smallest.results[n].api.p95),
  );
  // Uncached: every endpoint and every filter combination.
  const worstCold = Math.max(
    ...Object.values(largest.results).map((x) => x.cold.p95 / x.duckdb.p95),
  );
  const growthCold = Math.max(
    ...Object.keys(largest.results).map(
      (n) => largest.results[n].cold.p95 / smallest.results[n].cold.p95,
    ),
  );
  const worst = (ratios) => Object.entries(ratios).sort((a, b) => b[1] - a[1])[0][0];
  log(
    `\nworst uncached ratio: ${worst(Object.fromEntries(Object.entries(largest.results).map(([n, x]) => [n, x.cold.p95 / x.duckdb.p95])))}; ` +
      `worst uncached growth: ${worst(Object.fromEntries(Object.keys(largest.results).map((n) => [n, largest.results[n].cold.p95 / smallest.results[n].cold.p95])))}`,
  );
  // Answers as a dashboard gets them (repeated questions come from the answer cache, which a
  // batch invalidates), then the same questions computed afresh every time.
  log(`p95_vs_duckdb=${worstRatio.toFixed(3)}`);
  log(`growth_1m_to_10m=${growth.toFixed(3)}`);
  log(`p95_uncached_vs_duckdb=${worstCold.toFixed(3)}`);
  log(`growth_uncached_1m_to_10m=${growthCold.toFixed(3)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
