import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * A large upload is validated in worker threads (RowValidationPool) while the API's thread
 * reads on: what is stored, refused and reported must be exactly what the API stores when it
 * validates everything itself (INGEST_WORKERS=0) — the same rows, the same rejected rows with
 * the same numbers and errors, the same notes, in the file's order.
 */
describe('row validation in worker threads', () => {
  const db = testDatabaseUrl();
  const ROWS = 30_000;
  const MAPPING = {
    columns: {
      external_id: 'Ticket',
      type: 'Type',
      channel: 'Channel',
      opened_at: 'Date received',
      reason_text: 'Comment',
    },
  };
  let threaded: ApiProcess;
  let inline: ApiProcess;

  beforeAll(async () => {
    const env = { DATABASE_URL: db, DEMO_DATA: 'off', RETURNLENS_INGEST_TIMINGS: '1' };
    threaded = await startApiProcess({ ...env, PORT: '3974', INGEST_WORKERS: '2' });
    inline = await startApiProcess({ ...env, PORT: '3975', INGEST_WORKERS: '0' });
  });

  afterAll(async () => {
    await threaded?.stop();
    await inline?.stop();
  });

  /**
   * Valid rows with, spread over the whole file (so over chunks that different workers
   * validate): bad dates and types, rows with too many values, in-file duplicates and texts
   * long enough to be cut.
   */
  function file(): string {
    const lines = ['Ticket,Type,Channel,Date received,Comment'];
    const long = 'very long text '.repeat(1500);
    for (let i = 1; i <= ROWS; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      if (i % 997 === 0) lines.push(`T-${i},return,email,2026-02-31T10:00:00Z,bad date ${i}`);
      else if (i % 1499 === 0)
        lines.push(`T-${i},teleport,email,2026-02-${day}T10:00:00Z,bad type`);
      else if (i % 2003 === 0) lines.push(`T-${i},return,email,2026-02-${day}T10:00:00Z,one,two`);
      else if (i % 2503 === 0) lines.push(`T-${i},return,email,2026-02-${day}T10:00:00Z,"${long}"`);
      else if (i % 3001 === 0) lines.push(`T-${i - 1},return,chat,2026-02-${day}T11:00:00Z,again`);
      else lines.push(`T-${i},return,email,2026-02-${day}T10:00:00Z,row ${i}`);
    }
    return lines.join('\n') + '\n';
  }

  /** The stored claims and rejected rows, in a comparable form (no ids, no times of loading). */
  const stored = () =>
    withClient(db, async (c) => ({
      claims: (
        await c.query(
          `SELECT count(*)::int AS n,
                  md5(string_agg(concat_ws('|', external_id, type, channel, opened_at, reason_text), E'\\n'
                                 ORDER BY external_id COLLATE "C")) AS digest
             FROM claims`,
        )
      ).rows[0],
      rejected: (
        await c.query(`SELECT row_number, raw, errors FROM rejected_rows ORDER BY row_number`)
      ).rows,
    }));

  async function load(api: ApiProcess) {
    await truncateShopData(db);
    const token = await createToken(db, ['ingest', 'read']);
    const answer = await upload(api, 'claims', file(), { token, mapping: MAPPING });
    expect(answer.status).toBe(201);
    const { id, startedAt, finishedAt, ...report } = answer.body;
    expect(id).toBeTruthy();
    expect(startedAt && finishedAt).toBeTruthy();
    return { report, stored: await stored() };
  }

  it('stores, refuses and reports exactly what validation in the API thread does', async () => {
    const viaThreads = await load(threaded);
    expect(threaded.output()).toMatch(/ingest timings \(ms\) \{[^\n]*"validation threads":2/);
    const here = await load(inline);
    expect(inline.output()).toMatch(/ingest timings \(ms\) \{[^\n]*"validation threads":0/);

    expect(viaThreads).toEqual(here);
    // And what that is: every row counted once, every kind of problem refused.
    const r = viaThreads.report;
    expect(r.received).toBe(ROWS);
    expect(r.inserted + r.rejected).toBe(ROWS);
    const fields = new Set(
      viaThreads.stored.rejected.flatMap((row: { errors: { field: string }[] }) =>
        row.errors.map((e) => e.field),
      ),
    );
    expect([...fields].sort()).toEqual(['(row)', 'external_id', 'opened_at', 'type']);
    expect(viaThreads.stored.claims.n).toBe(r.inserted);
    expect(r.warnings.join(' ')).toMatch(/cut/);
    // Rejected rows come back in the file's order, from every part of it.
    const numbers = viaThreads.stored.rejected.map((row: { row_number: number }) => row.row_number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBeLessThan(1000);
    expect(numbers.at(-1)).toBeGreaterThan(ROWS - 1000);
  });
});
