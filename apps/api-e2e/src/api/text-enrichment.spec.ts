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
 * Text enrichment at ingest (docs/text-analysis.md): claims get a reason inferred from their
 * free text (the stated one is never overwritten), feedback gets language, sentiment and
 * aspects; re-sending a file changes nothing; `reanalyze` redoes it over stored rows.
 */
const CLAIMS = [
  'external_id,type,channel,opened_at,reason_code,reason_text',
  'c-en,return,email,2026-03-03T09:00:00Z,,"Too small, I need a bigger size"',
  'c-ru,return_defective,chat,2026-03-03T09:00:00Z,,Перестал работать через три дня',
  'c-pl,complaint,email,2026-03-03T09:00:00Z,,"Paczka przyszła zgnieciona, szkło potłuczone"',
  'c-he,complaint,web_form,2026-03-03T09:00:00Z,,המשלוח עדיין לא הגיע אחרי שלושה שבועות',
  'c-pt,return,email,2026-03-03T09:00:00Z,,Encontrei mais barato em outra loja',
  'c-de,return,email,2026-03-03T09:00:00Z,,Im Karton fehlten die Schrauben',
  // Stated reason kept; the text says something else: a mismatch to look at.
  'c-stated,return,email,2026-03-03T09:00:00Z,changed_mind,"It stopped working after a week, it is defective"',
  // Nothing to infer from: no code, text analysed.
  'c-vague,complaint,phone,2026-03-03T09:00:00Z,,Please call me back',
  'c-none,return,store,2026-03-03T09:00:00Z,changed_mind,',
].join('\n');

const FEEDBACK = [
  // The first record names every column (NDJSON headers come from it).
  {
    id: 'f-en',
    sku: 'P1',
    rating: 2,
    text: 'Fast delivery but the quality is awful, it broke on day two',
    language: null,
    date: '2026-03-04',
  },
  { id: 'f-ru', sku: 'P1', text: 'Отличный товар, всем рекомендую!', date: '2026-03-04' },
  { id: 'f-pl', sku: 'P1', text: 'Nie polecam, szkoda pieniędzy', date: '2026-03-04' },
  { id: 'f-he', sku: 'P1', text: 'מוצר מעולה, משלוח מהיר', date: '2026-03-04' },
  { id: 'f-pt', sku: 'P1', text: 'Produto mediano, nada de especial', date: '2026-03-04' },
  { id: 'f-de', sku: 'P1', text: 'Top', language: 'German', date: '2026-03-04' },
  { id: 'f-fr', sku: 'P1', text: 'Très déçue, le colis est arrivé abîmé', date: '2026-03-04' },
  { id: 'f-rating', sku: 'P1', rating: 5, date: '2026-03-04' },
]
  .map((row) => JSON.stringify(row))
  .join('\n');

describe('text enrichment at ingest', () => {
  let api: ApiProcess;
  let token: string;
  const db = () => testDatabaseUrl();
  const query = <T>(sql: string, params: unknown[] = []) =>
    withClient(db(), async (client) => (await client.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    // The API migrates the database at start; truncating first fails on a fresh one (this
    // spec run alone).
    api = await startApiProcess({ DATABASE_URL: db(), DEMO_DATA: 'off', PORT: '3930' });
    await truncateShopData(db());
    token = await createToken(db(), ['ingest']);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('infers claim reasons from their text in every analysed language, keeping stated ones', async () => {
    const response = await upload(api, 'claims', CLAIMS, { token });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 9, inserted: 9, rejected: 0 });

    const rows = await query<Record<string, string | number | null>>(
      `SELECT external_id AS id, stated_reason_code AS stated, inferred_reason_code AS inferred,
              inferred_confidence AS confidence, reason_code AS code, reason_source AS source,
              text_language AS language
         FROM claims ORDER BY external_id`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r['id'], r]));
    expect(byId['c-en']).toMatchObject({
      inferred: 'wrong_size',
      code: 'wrong_size',
      source: 'inferred',
      language: 'en',
    });
    expect(byId['c-ru']).toMatchObject({ inferred: 'product_defect', language: 'ru' });
    expect(byId['c-pl']).toMatchObject({ inferred: 'damaged_in_transit', language: 'pl' });
    expect(byId['c-he']).toMatchObject({ inferred: 'late_delivery', language: 'he' });
    expect(byId['c-pt']).toMatchObject({ inferred: 'found_cheaper', language: 'pt' });
    expect(byId['c-de']).toMatchObject({ inferred: 'missing_parts', language: 'de' });
    for (const id of ['c-en', 'c-ru', 'c-pl', 'c-he', 'c-pt', 'c-de']) {
      expect(Number(byId[id]['confidence'])).toBeGreaterThanOrEqual(0.4);
      expect(Number(byId[id]['confidence'])).toBeLessThanOrEqual(1);
    }
    // The stated reason wins; the inferred one is kept beside it.
    expect(byId['c-stated']).toMatchObject({
      stated: 'changed_mind',
      inferred: 'product_defect',
      code: 'changed_mind',
      source: 'stated',
    });
    // Too little to go on: analysed (language set), nothing inferred, reason `other`.
    expect(byId['c-vague']).toMatchObject({
      inferred: null,
      confidence: null,
      code: 'other',
      source: 'none',
      language: 'en',
    });
    expect(byId['c-none']).toMatchObject({ inferred: null, language: null, code: 'changed_mind' });
  });

  it('changes nothing when the same claims file comes again', async () => {
    const again = await upload(api, 'claims', CLAIMS, { token });
    expect(again.body).toMatchObject({ received: 9, inserted: 0, updated: 0, unchanged: 9 });
  });

  it('re-infers a changed text and forgets what a removed text said', async () => {
    const changed = CLAIMS.replace(
      '"Too small, I need a bigger size"',
      '"I received the wrong item, a different model"',
    ).replace('Im Karton fehlten die Schrauben', '');
    const response = await upload(api, 'claims', changed, { token });
    expect(response.body).toMatchObject({ updated: 2, unchanged: 7 });
    const rows = await query<{ id: string; inferred: string | null; language: string | null }>(
      `SELECT external_id AS id, inferred_reason_code AS inferred, text_language AS language
         FROM claims WHERE external_id IN ('c-en', 'c-de') ORDER BY external_id`,
    );
    expect(rows).toEqual([
      { id: 'c-de', inferred: null, language: null },
      { id: 'c-en', inferred: 'wrong_item', language: 'en' },
    ]);
  });

  it('gives feedback its language, sentiment and aspects; French read by the trained model', async () => {
    const response = await upload(api, 'feedback', FEEDBACK, {
      token,
      contentType: 'application/x-ndjson',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ received: 8, inserted: 8, rejected: 0 });

    const rows = await query<{
      id: string;
      language: string | null;
      stated: string | null;
      score: number | null;
      label: string | null;
      aspects: { aspect: string; sentiment: string; score: number }[] | null;
    }>(
      `SELECT external_id AS id, language, stated_language AS stated, sentiment_score AS score,
              sentiment_label AS label, aspects
         FROM feedback ORDER BY external_id`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId['f-en']).toMatchObject({ language: 'en', label: 'negative' });
    expect(byId['f-en'].aspects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ aspect: 'delivery_speed', sentiment: 'positive' }),
        expect.objectContaining({ aspect: 'quality', sentiment: 'negative' }),
      ]),
    );
    expect(byId['f-ru']).toMatchObject({ language: 'ru', label: 'positive' });
    expect(byId['f-pl']).toMatchObject({ language: 'pl', label: 'negative' });
    expect(byId['f-he']).toMatchObject({ language: 'he', label: 'positive' });
    // "Produto mediano, nada de especial": the rules alone said neutral; the ensemble with the
    // trained model reads the disappointment as negative.
    expect(byId['f-pt']).toMatchObject({ language: 'pt', label: 'negative' });
    // The file's "German" is kept as stated and read as `de`.
    expect(byId['f-de']).toMatchObject({ language: 'de', stated: 'German', label: 'positive' });
    // No French lexicon, but the trained model (shipped in dist/apps/api/text-models and
    // loaded by the worker) reads French: sentiment without aspects.
    expect(byId['f-fr']).toMatchObject({ language: 'fr', label: 'negative', aspects: [] });
    expect(byId['f-fr'].score).toBeLessThan(-0.3);
    expect(byId['f-rating']).toMatchObject({ language: null, score: null, label: null });
    for (const row of rows) {
      if (row.score !== null) {
        expect(row.score).toBeGreaterThanOrEqual(-1);
        expect(row.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('changes nothing when the same feedback file comes again', async () => {
    const again = await upload(api, 'feedback', FEEDBACK, {
      token,
      contentType: 'application/x-ndjson',
    });
    expect(again.body).toMatchObject({ received: 8, inserted: 0, updated: 0, unchanged: 8 });
  });

  it('stores nothing derived on a dry run', async () => {
    const dry = await upload(
      api,
      'feedback',
      JSON.stringify({ id: 'f-dry', sku: 'P1', text: 'Awful', date: '2026-03-04' }),
      { token, contentType: 'application/x-ndjson', query: '?dryRun=true' },
    );
    expect(dry.status).toBe(200);
    expect(await query(`SELECT 1 FROM feedback WHERE external_id = 'f-dry'`)).toHaveLength(0);
  });

  it('re-runs the analysis over stored rows with `reanalyze`, and reports the cost per 10k texts', async () => {
    await query(
      `UPDATE claims SET inferred_reason_code = NULL, inferred_confidence = NULL, text_language = NULL;
       UPDATE feedback SET language = NULL, sentiment_score = NULL, sentiment_label = NULL, aspects = NULL`,
    );
    const result = await runApiCli({ DATABASE_URL: db() }, ['reanalyze', '--missing']);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/claims: 7 texts .* s per 10k texts/);
    expect(result.output).toMatch(/feedback: 7 texts/);
    expect(result.output).toContain('stated reason differs from it: 1');
    console.log(result.output.trim());

    const [claim] = await query<{ inferred: string; language: string }>(
      `SELECT inferred_reason_code AS inferred, text_language AS language FROM claims WHERE external_id = 'c-ru'`,
    );
    expect(claim).toEqual({ inferred: 'product_defect', language: 'ru' });
    const [review] = await query<{ language: string; label: string }>(
      `SELECT language, sentiment_label AS label FROM feedback WHERE external_id = 'f-pl'`,
    );
    expect(review).toEqual({ language: 'pl', label: 'negative' });
  });
});
