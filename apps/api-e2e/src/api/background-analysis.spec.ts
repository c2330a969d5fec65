import type { BatchReport, FeedbackReport, ParetoResult } from '@returnlens/shared/contracts';
import {
  runApiCli,
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { createToken, upload } from '../support/ingest-client';

/**
 * Text analysis in the background (docs/reliability.md, "Text analysis in the background"):
 * a feedback batch with more texts than INGEST_INLINE_ANALYSIS_MAX commits at once and is
 * analysed afterwards in a worker, a chunk at a time; its report says how far it is, the
 * feedback answer says "analysing" until it is done; the values and figures are those of the
 * inline analysis; a kill -9 mid-way and a restart resume it, no text analysed twice or skipped.
 */
const PHRASES = [
  'Fast delivery but the quality is awful, it broke on day two',
  'Отличный товар, всем рекомендую',
  'Nie polecam, szkoda pieniędzy',
  'מוצר מעולה, משלוח מהיר',
  'Produto mediano, nada de especial',
  'Très déçue, le colis est arrivé abîmé',
  'Great value, exactly as described',
  'Terrible packaging, the glass was shattered',
  'Das Material ist billig und die Nähte reißen',
  'Too small, I had to return it',
];

const MAPPING = {
  columns: {
    external_id: 'id',
    sku: 'sku',
    rating: 'rating',
    text: 'text',
    language: 'language',
    created_at: 'date',
  },
  defaults: { source: 'review' },
};

const PERIOD = 'from=2026-W10&to=2026-W13';

/**
 * A feedback CSV of `rows` reviews over four weeks of March 2026, each text distinct (so none
 * comes from the cache); with `withoutText`, every 50th has a rating only, every 70th a
 * stated language.
 */
function feedbackCsv(prefix: string, rows: number, withoutText = false): string {
  const lines = ['id,sku,rating,text,language,date'];
  for (let i = 1; i <= rows; i++) {
    const day = String(2 + (i % 28)).padStart(2, '0');
    const rating = i % 3 === 0 ? '' : String(1 + (i % 5));
    const noText = withoutText && i % 50 === 0;
    const text = noText ? '' : `"${PHRASES[i % PHRASES.length]} (${prefix} ${i})"`;
    const language = withoutText && i % 70 === 0 ? 'German' : '';
    lines.push(
      `${prefix}-${i},P${i % 7},${noText ? '4' : rating},${text},${language},2026-03-${day}`,
    );
  }
  return lines.join('\n');
}

/**
 * A feedback answer as two equal data sets give it: languages of equal size in name order,
 * mean scores to 6 digits (a float sum depends on the order the rows were added in).
 */
function comparable(report: FeedbackReport) {
  return {
    ...report,
    byLanguage: [...report.byLanguage]
      .sort((a, b) => b.items - a.items || a.language.localeCompare(b.language))
      .map((l) => ({ ...l, meanScore: l.meanScore === null ? null : l.meanScore.toFixed(6) })),
  };
}

interface StoredValues {
  id: string;
  language: string | null;
  score: number | null;
  label: string | null;
  aspects: unknown;
}

describe('text analysis of large batches in the background', () => {
  const db = testDatabaseUrl();
  const query = <T>(sql: string, params: unknown[] = []) =>
    withClient(db, async (client) => (await client.query(sql, params)).rows as T[]);
  let api: ApiProcess | undefined;

  const start = async (env: Record<string, string>) => {
    api = await startApiProcess({ DATABASE_URL: db, DEMO_DATA: 'off', PORT: '3941', ...env });
    return api;
  };
  const stop = async () => {
    await api?.stop();
    api = undefined;
  };
  const getJson = async <T>(running: ApiProcess, path: string, token: string) => {
    const response = await fetch(`${running.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  /** Polls the batch until its analysis is done; returns the reports seen on the way. */
  const untilDone = async (running: ApiProcess, id: string, token: string) => {
    const seen: BatchReport[] = [];
    const until = Date.now() + 45_000;
    for (;;) {
      const report = await getJson<BatchReport>(running, `/api/batches/${id}`, token);
      seen.push(report);
      if (report.analysis?.status === 'done') return seen;
      if (Date.now() > until) throw new Error(`not done: ${JSON.stringify(report.analysis)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const storedValues = () =>
    query<StoredValues>(
      `SELECT external_id AS id, language, sentiment_score AS score, sentiment_label AS label, aspects
         FROM feedback ORDER BY external_id`,
    );

  afterEach(async () => {
    await stop();
  });

  it('commits at once, reports its progress, says "analysing", and ends with the inline figures', async () => {
    const ROWS = 12_000;
    const file = feedbackCsv('A', ROWS, true);
    const texts = ROWS - ROWS / 50;

    // The reference: the same file analysed inline, inside its batch.
    let running = await start({ INGEST_INLINE_ANALYSIS_MAX: '100000' }); // applies the migrations
    await truncateShopData(db);
    let token = await createToken(db, ['ingest', 'read']);
    const inline = await upload(running, 'feedback', file, { token, mapping: MAPPING });
    expect(inline.status).toBe(201);
    expect(inline.body.analysis).toEqual({ status: 'done', analysed: texts, total: texts });
    const inlineValues = await storedValues();
    const inlineFigures = await getJson<FeedbackReport>(
      running,
      `/api/analytics/feedback?${PERIOD}`,
      token,
    );
    expect(inlineFigures.analysing).toBeUndefined();
    expect(inlineFigures.items).toBe(ROWS);
    await stop();

    // Above the threshold: committed unanalysed, analysed afterwards in the worker.
    running = await start({ INGEST_INLINE_ANALYSIS_MAX: '500' });
    await truncateShopData(db);
    token = await createToken(db, ['ingest', 'read']);
    const loaded = await upload(running, 'feedback', file, { token, mapping: MAPPING });
    expect(loaded.status).toBe(201);
    expect(loaded.body).toMatchObject({ status: 'committed', received: ROWS, inserted: ROWS });
    expect(['pending', 'running']).toContain(loaded.body.analysis.status);
    expect(loaded.body.analysis.total).toBe(texts);
    expect(loaded.body.analysis.analysed).toBeLessThan(texts);

    const during = await getJson<FeedbackReport>(
      running,
      `/api/analytics/feedback?${PERIOD}`,
      token,
    );
    expect(during.analysing).toEqual({ batches: 1, remaining: expect.any(Number) });
    expect(during.analysing?.remaining).toBeGreaterThan(0);
    const listed = await getJson<BatchReport[]>(running, '/api/batches', token);
    expect(listed[0].analysis?.total).toBe(texts);

    const seen = await untilDone(running, loaded.body.id, token);
    console.log(/texts analysed in the background in [\d.]+ s/.exec(running.output())?.[0]);
    const last = seen[seen.length - 1];
    expect(last.analysis).toEqual({ status: 'done', analysed: texts, total: texts });
    // Progress went up a chunk at a time, never past the total.
    const counts = seen.map((r) => r.analysis?.analysed ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));

    // Every text analysed, to the same values as inline; the figures equal too (the rollups
    // of the batch's weeks were refreshed and the cached answer dropped).
    expect(await storedValues()).toEqual(inlineValues);
    const after = await getJson<FeedbackReport>(
      running,
      `/api/analytics/feedback?${PERIOD}`,
      token,
    );
    expect(comparable(after)).toEqual(comparable(inlineFigures));
  });

  it('resumes after a kill -9 mid-way: no text analysed twice, none skipped', async () => {
    const ROWS = 30_000;
    const env = { INGEST_INLINE_ANALYSIS_MAX: '500' };
    let running = await start(env);
    await truncateShopData(db);
    // Every write of an analysis to a review, logged (a rolled-back chunk logs nothing).
    await query(`
      DROP TABLE IF EXISTS test_analysis_log;
      CREATE TABLE test_analysis_log (external_id text NOT NULL);
      CREATE OR REPLACE FUNCTION test_log_analysis() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_analysis_log VALUES (NEW.external_id); RETURN NULL; END $$;
      CREATE TRIGGER test_analysis_logged AFTER UPDATE ON feedback FOR EACH ROW
        WHEN (OLD.language IS DISTINCT FROM NEW.language OR OLD.sentiment_score IS DISTINCT FROM NEW.sentiment_score)
        EXECUTE FUNCTION test_log_analysis()`);
    try {
      const token = await createToken(db, ['ingest', 'read']);
      const loaded = await upload(running, 'feedback', feedbackCsv('K', ROWS), {
        token,
        mapping: MAPPING,
      });
      expect(loaded.status).toBe(201);
      const id: string = loaded.body.id;
      expect(loaded.body.analysis.total).toBe(ROWS);

      // Killed once a few chunks are committed, well before the end. The polls are answered
      // while the worker analyses (the event loop is free).
      let slowest = 0;
      for (const until = Date.now() + 30_000; ;) {
        const asked = Date.now();
        const report = await getJson<BatchReport>(running, `/api/batches/${id}`, token);
        slowest = Math.max(slowest, Date.now() - asked);
        const analysed = report.analysis?.analysed ?? 0;
        if (analysed >= 3_000) {
          expect(analysed).toBeLessThan(ROWS);
          break;
        }
        if (Date.now() > until) throw new Error('the analysis did not start');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(slowest).toBeLessThan(3_000);
      running.child.kill('SIGKILL');
      await new Promise((resolve) =>
        running.child.exitCode !== null || running.child.signalCode
          ? resolve(null)
          : running.child.once('exit', resolve),
      );
      api = undefined;

      // What the database holds: the count of analysed texts is exactly the rows written.
      const [state] = await query<{ status: string; done: number; written: number }>(
        `SELECT analysis_status AS status, analysis_done AS done,
                (SELECT count(*)::int FROM feedback WHERE batch_id = $1 AND language IS NOT NULL) AS written
           FROM ingest_batches WHERE id = $1`,
        [id],
      );
      expect(state.status).toBe('running');
      expect(state.done).toBe(state.written);
      expect(state.done).toBeGreaterThan(0);
      expect(state.done).toBeLessThan(ROWS);

      // The restarted API resumes and finishes.
      running = await start(env);
      const seen = await untilDone(running, id, token);
      console.log(
        `killed at ${state.done} of ${ROWS}; slowest poll while analysing ${slowest} ms; after the restart: ` +
          /texts analysed in the background in [\d.]+ s/.exec(running.output())?.[0],
      );
      expect(seen[0].analysis?.analysed).toBeGreaterThanOrEqual(state.done);
      expect(seen[seen.length - 1].analysis).toEqual({
        status: 'done',
        analysed: ROWS,
        total: ROWS,
      });
      const [log] = await query<{ writes: number; rows: number; unanalysed: number }>(
        `SELECT count(*)::int AS writes, count(DISTINCT external_id)::int AS rows,
                (SELECT count(*)::int FROM feedback WHERE language IS NULL) AS unanalysed
           FROM test_analysis_log`,
      );
      expect(log).toEqual({ writes: ROWS, rows: ROWS, unanalysed: 0 });
      await stop();

      // The values are what a full re-analysis gives: it finds nothing to change.
      const again = await runApiCli({ DATABASE_URL: db }, ['reanalyze', '--only', 'feedback']);
      expect(again.code).toBe(0);
      expect(again.output).toMatch(new RegExp(`feedback: ${ROWS} texts .*, 0 rows changed`));
    } finally {
      await query(`
        DROP TRIGGER IF EXISTS test_analysis_logged ON feedback;
        DROP FUNCTION IF EXISTS test_log_analysis();
        DROP TABLE IF EXISTS test_analysis_log`);
    }
  });

  it('infers claims’ reasons in the background too, and refreshes the rollups of their weeks', async () => {
    const ROWS = 4_000;
    const REASONS = [
      'Too small, I need a bigger size',
      'Перестал работать через три дня',
      'Paczka przyszła zgnieciona, szkło potłuczone',
      'Encontrei mais barato em outra loja',
      'Im Karton fehlten die Schrauben',
      'Please call me back',
    ];
    const lines = ['id,type,channel,opened,text'];
    for (let i = 1; i <= ROWS; i++) {
      const day = String(2 + (i % 28)).padStart(2, '0');
      lines.push(
        `C-${i},return,email,2026-03-${day}T10:00:00Z,"${REASONS[i % REASONS.length]} (${i})"`,
      );
    }
    const running = await start({ INGEST_INLINE_ANALYSIS_MAX: '500' });
    await truncateShopData(db);
    const token = await createToken(db, ['ingest', 'read']);
    const loaded = await upload(running, 'claims', lines.join('\n'), {
      token,
      mapping: {
        columns: {
          external_id: 'id',
          type: 'type',
          channel: 'channel',
          opened_at: 'opened',
          reason_text: 'text',
        },
      },
    });
    expect(loaded.status).toBe(201);
    expect(loaded.body.analysis).toMatchObject({ total: ROWS });
    // The reasons say they are provisional while the texts are read: the Pareto asked first,
    // the batch after, so a batch still running then was running when the Pareto was made.
    const duringPareto = await getJson<ParetoResult>(
      running,
      `/api/analytics/pareto?${PERIOD}`,
      token,
    );
    const stillRunning = await getJson<BatchReport>(
      running,
      `/api/batches/${loaded.body.id}`,
      token,
    );
    if (['pending', 'running'].includes(stillRunning.analysis?.status ?? ''))
      expect(duringPareto.analysing).toEqual({ batches: 1, remaining: expect.any(Number) });
    await untilDone(running, loaded.body.id, token);
    const afterPareto = await getJson<ParetoResult>(
      running,
      `/api/analytics/pareto?${PERIOD}`,
      token,
    );
    expect(afterPareto.analysing).toBeUndefined();
    console.log(/texts analysed in the background in [\d.]+ s/.exec(running.output())?.[0]);
    const [left] = await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM claims WHERE text_language IS NULL',
    );
    expect(left.n).toBe(0);
    // The reasons by week as the rollups say them equal a rebuild from the raw rows.
    const pareto = `/api/analytics/pareto?${PERIOD}`;
    const before = await getJson<unknown>(running, pareto, token);
    expect(JSON.stringify(before)).toContain('wrong_size');
    await stop();
    const rebuilt = await runApiCli({ DATABASE_URL: db }, ['rollups', 'rebuild']);
    expect(rebuilt.code).toBe(0);
    const again = await start({ INGEST_INLINE_ANALYSIS_MAX: '500' });
    expect(await getJson<unknown>(again, pareto, token)).toEqual(before);
    // And a full re-analysis finds nothing to change.
    await stop();
    const reanalysed = await runApiCli({ DATABASE_URL: db }, ['reanalyze', '--only', 'claims']);
    expect(reanalysed.output).toMatch(new RegExp(`claims: ${ROWS} texts .*, 0 rows changed`));
  });
});
