import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { withClient, type ApiProcess } from '@returnlens/tools/testing';
import { upload } from './ingest-client';

/** A claims CSV of `rows` rows in chunks of 5,000: ids `<prefix>-1`…, all valid. */
export function* claimsCsv(prefix: string, rows: number): Generator<string> {
  yield 'Ticket,Type,Channel,Date received,Comment\n';
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    chunk += `${prefix}-${i},return,email,2026-02-${day}T10:00:00Z,row ${i} of ${prefix}\n`;
    if (i % 5_000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function csvText(prefix: string, rows: number): string {
  return [...claimsCsv(prefix, rows)].join('');
}

export interface UploadOutcome {
  /** HTTP status, or null when the connection died before an answer. */
  readonly status: number | null;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON answer read by tests
  readonly error?: string;
}

/**
 * Streams `chunks` to POST /api/ingest/claims with back-pressure. `afterChunk(n)` runs after
 * the n-th chunk was written (1-based), e.g. to kill the API part-way.
 */
export function streamUpload(
  baseUrl: string,
  token: string,
  chunks: Iterable<string>,
  options: { key?: string; afterChunk?: (n: number) => void } = {},
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = {
      'Content-Type': 'text/csv',
      Authorization: `Bearer ${token}`,
    };
    if (options.key) headers['Idempotency-Key'] = options.key;
    const req = request(`${baseUrl}/api/ingest/claims`, { method: 'POST', headers });
    let settled = false;
    req.on('error', (error) => {
      if (!settled) resolve({ status: null, body: null, error: error.message });
      settled = true;
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep the text
        }
        if (!settled) resolve({ status: res.statusCode ?? null, body });
        settled = true;
      });
      res.on('error', (error) => {
        if (!settled) resolve({ status: null, body: null, error: error.message });
        settled = true;
      });
    });
    const iterator = chunks[Symbol.iterator]();
    let sent = 0;
    const writeMore = () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        if (req.destroyed) return;
        const ok = req.write(next.value);
        sent++;
        options.afterChunk?.(sent);
        if (!ok) {
          req.once('drain', writeMore);
          return;
        }
      }
      req.end();
    };
    writeMore();
  });
}

/** Resolves once the process has exited (at once if it already has). */
export function exited(api: ApiProcess): Promise<void> {
  return new Promise((resolve) =>
    api.child.exitCode !== null || api.child.signalCode !== null
      ? resolve()
      : api.child.once('exit', () => resolve()),
  );
}

export interface Probe {
  readonly path: string;
  readonly startedAt: number;
  readonly ms: number;
  /** null when no answer came (connection error or the client's own timeout). */
  readonly status: number | null;
  readonly message?: string;
  readonly retryAfter: string | null;
  readonly error?: string;
}

/** One GET with a hard client-side bound; never throws. */
export async function probe(
  baseUrl: string,
  path: string,
  token: string,
  timeoutMs: number,
): Promise<Probe> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let message: string | undefined;
    try {
      const parsed = JSON.parse(text);
      message = parsed?.message ?? parsed?.database?.error;
    } catch {
      message = text.slice(0, 200);
    }
    return {
      path,
      startedAt,
      ms: Date.now() - startedAt,
      status: response.status,
      message,
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    return {
      path,
      startedAt,
      ms: Date.now() - startedAt,
      status: null,
      retryAfter: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** What the database holds of the claims `<prefix>-*`: count, content digest and batch ids. */
export interface StoredClaims {
  readonly count: number;
  readonly digest: string | null;
  readonly batchIds: string[];
}

export const STORED_CLAIMS_SQL = `
  SELECT count(*)::int AS count,
         md5(string_agg(external_id || '|' || coalesce(reason_text, '') || '|' || extract(epoch FROM opened_at)::bigint,
                        E'\\n' ORDER BY external_id COLLATE "C")) AS digest,
         coalesce(array_agg(DISTINCT batch_id::text), '{}') AS "batchIds"
    FROM claims WHERE external_id LIKE $1 || '-%'`;

/** The digest STORED_CLAIMS_SQL gives for exactly the rows claimsCsv(prefix, rows) sends. */
export function expectedDigest(prefix: string, rows: number): string {
  const lines: [string, string][] = [];
  for (let i = 1; i <= rows; i++) {
    const day = 1 + (i % 28);
    const id = `${prefix}-${i}`;
    lines.push([id, `${id}|row ${i} of ${prefix}|${Date.UTC(2026, 1, day, 10) / 1000}`]);
  }
  lines.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // by id, bytewise like COLLATE "C"
  return createHash('md5')
    .update(lines.map(([, line]) => line).join('\n'))
    .digest('hex');
}

/** What the database at `databaseUrl` holds of the claims `<prefix>-*`. */
export function storedClaims(databaseUrl: string, prefix: string): Promise<StoredClaims> {
  return withClient(
    databaseUrl,
    async (c) => (await c.query<StoredClaims>(STORED_CLAIMS_SQL, [prefix])).rows[0],
  );
}

/**
 * The file `claimsCsv('CUT', rows)` a fault cut, sent again with its Idempotency-Key: it is
 * loaded, exactly once and exactly as sent. Resolves with the retry's batch id.
 */
export async function expectRetryLandsOnce(
  api: ApiProcess,
  databaseUrl: string,
  token: string,
  key: string,
  rows: number,
): Promise<string> {
  const retry = await upload(api, 'claims', csvText('CUT', rows), {
    token,
    headers: { 'Idempotency-Key': key },
  });
  expect(retry.status).toBe(201);
  expect(retry.body).toMatchObject({ received: rows, inserted: rows });
  expect(await storedClaims(databaseUrl, 'CUT')).toEqual({
    count: rows,
    digest: expectedDigest('CUT', rows),
    batchIds: [retry.body.id],
  });
  return retry.body.id;
}
