import type {
  ClaimRecord,
  FeedbackRecord,
  RecordsPage,
  TextModelsReport,
} from '@returnlens/shared/contracts';
import {
  startApiProcess,
  truncateShopData,
  withClient,
  type ApiProcess,
} from '@returnlens/tools/testing';
import { testDatabaseUrl } from '../support/env';
import { bearer, createToken, upload } from '../support/ingest-client';

/**
 * Models learnt from the shop's own labelled texts (docs/text-analysis.md, "What the shop's
 * own data teaches"). The shop's reviews say what they mean in its own words: its Aurora line
 * is loved, its Boreas line is not — words the shipped analysis has no reason to know. With
 * enough rated reviews the product learns them, checks on those reviews that the learnt model
 * beats the shipped one, and reads the unrated reviews with it; the same for reasons stated
 * in the shop's words.
 */
const ROOMS = ['kitchen', 'office', 'garage', 'hallway', 'attic', 'porch', 'studio', 'cellar'];
const WHO = ['my sister', 'the cabin', 'our flat', 'work', 'grandpa'];

function reviews(): string {
  const lines = ['id,sku,rating,text,language,date'];
  let n = 0;
  for (const room of ROOMS)
    for (const who of WHO) {
      lines.push(
        `r${++n},P1,5,"Went with the Aurora for the ${room} again, ordered for ${who}",en,2026-03-04`,
      );
      lines.push(`r${++n},P1,1,"Another Boreas for the ${room}, ordered for ${who}",en,2026-03-04`);
    }
  // Unrated: the shop's model reads these.
  lines.push('u1,P1,,"Another Boreas for the boathouse, ordered for the neighbours",en,2026-03-05');
  lines.push(
    'u2,P1,,"Went with the Aurora for the boathouse, ordered for the neighbours",en,2026-03-05',
  );
  return lines.join('\n') + '\n';
}

const REASONS: Record<string, (room: string) => string> = {
  product_defect: (room) => `Boreas ${room} unit: the hum is back`,
  wrong_item: (room) => `Zephyr ${room} unit: the label said Aurora`,
  changed_mind: (room) => `Aurora ${room} unit: we went another way`,
};

function claims(): string {
  const lines = ['external_id,type,channel,opened_at,reason_code,reason_text'];
  let n = 0;
  for (const [code, text] of Object.entries(REASONS))
    for (const room of ROOMS)
      for (const i of [1, 2, 3])
        lines.push(`s${++n},return,email,2026-03-0${i + 2}T09:00:00Z,${code},"${text(room)}"`);
  lines.push('x1,return,email,2026-03-04T09:00:00Z,,"Boreas boathouse unit: the hum is back"');
  lines.push(
    'x2,return,email,2026-03-04T09:00:00Z,,"Zephyr boathouse unit: the label said Aurora"',
  );
  return lines.join('\n') + '\n';
}

describe('models learnt from the shop’s own labelled texts', () => {
  let api: ApiProcess;
  let token: string;
  let read: Record<string, string>;
  const db = () => testDatabaseUrl();
  const get = async <T>(path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: read });
    expect([path, response.status]).toEqual([path, 200]);
    return (await response.json()) as T;
  };
  const models = async (wanted: (r: TextModelsReport) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const report = await get<TextModelsReport>('/api/text-models');
      if (wanted(report)) return report;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the models were not trained within 20 s');
  };

  beforeAll(async () => {
    api = await startApiProcess({
      DATABASE_URL: db(),
      DEMO_DATA: 'off',
      PORT: '3936',
      TEXT_ADAPT: 'on',
      TEXT_ADAPT_MIN_EXAMPLES: '40',
    });
    await truncateShopData(db());
    token = await createToken(db(), ['ingest']);
    read = await bearer(db());
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('learns sentiment from rated reviews and reads the unrated ones with it', async () => {
    const before = await get<TextModelsReport>('/api/text-models');
    expect(before).toEqual({ minExamples: 40, models: [], waiting: [] });

    const res = await upload(api, 'feedback', reviews(), { token });
    expect([res.status, res.body.rejected]).toEqual([201, 0]);
    const report = await models((r) => r.models.some((m) => m.task === 'sentiment'));
    const en = report.models.find((m) => m.task === 'sentiment' && m.language === 'en')!;
    expect(en).toMatchObject({
      labelledTexts: 80,
      classes: ['negative', 'neutral', 'positive'],
      inUse: true,
      agreementOf: 80,
    });
    // Cross-validated on the shop's reviews: the learnt words beat the shipped analysis.
    expect(en.adaptedScore).toBeGreaterThan(0.9);
    expect(en.baseScore).toBeLessThan(en.adaptedScore - 0.2);
    expect(en.agreement).toBeGreaterThan(0.9);
    expect(en.why).toMatch(/beats the base/);

    // The unrated reviews are read by the shop's model, and say so.
    const labelled = await models(
      (r) => r.models.find((m) => m.task === 'sentiment')?.labels === 2,
    );
    expect(labelled.models.find((m) => m.task === 'sentiment')?.labels).toBe(2);
    const page = await get<RecordsPage<FeedbackRecord>>(
      '/api/analytics/records/feedback?from=2026-W10&to=2026-W10&pageSize=200',
    );
    const byId = new Map(page.rows.map((r) => [r.externalId, r]));
    expect(byId.get('u1')).toMatchObject({ label: 'negative', sentimentBy: 'shop' });
    expect(byId.get('u2')).toMatchObject({ label: 'positive', sentimentBy: 'shop' });
    expect(byId.get('r1')?.sentimentBy).toBe('base');
    // What the shipped analysis said is kept beside it.
    const [kept] = await withClient(
      db(),
      async (c) =>
        (
          await c.query<{ base: string | null; model: number | null }>(
            `SELECT base_sentiment_label AS base, sentiment_model AS model FROM feedback WHERE external_id = 'u2'`,
          )
        ).rows,
    );
    expect(kept.model).not.toBeNull();
    expect(kept.base).not.toBe('positive');
    // The weekly feedback rollup counts the relabelled reviews: the same answer as the raw rows.
    const [counts] = await withClient(
      db(),
      async (c) =>
        (
          await c.query<{ raw: number; rollup: number }>(
            `SELECT (SELECT count(*)::int FROM feedback
                    WHERE COALESCE(rating_label, sentiment_label) = 'negative') AS raw,
                  (SELECT COALESCE(sum(items), 0)::int FROM rollup_feedback_week
                    WHERE label = 'negative') AS rollup`,
          )
        ).rows,
    );
    expect(counts).toEqual({ raw: 41, rollup: 41 });
  });

  it('learns reasons from stated ones and reads claims without one, with its confidence', async () => {
    const res = await upload(api, 'claims', claims(), { token });
    expect([res.status, res.body.rejected]).toEqual([201, 0]);
    const report = await models((r) =>
      r.models.some((m) => m.task === 'reasons' && m.labels === 2),
    );
    const reasons = report.models.find((m) => m.task === 'reasons')!;
    expect(reasons).toMatchObject({
      language: '*',
      labelledTexts: 72,
      classes: ['changed_mind', 'product_defect', 'wrong_item'],
      inUse: true,
    });
    expect(reasons.adaptedScore).toBeGreaterThan(reasons.baseScore);
    const page = await get<RecordsPage<ClaimRecord>>(
      '/api/analytics/records/claims?from=2026-W10&to=2026-W10&pageSize=200',
    );
    const byId = new Map(page.rows.map((r) => [r.externalId, r]));
    expect(byId.get('x1')).toMatchObject({
      reasonCode: 'product_defect',
      reasonSource: 'inferred',
      inferredBy: 'shop',
    });
    expect(byId.get('x2')).toMatchObject({ reasonCode: 'wrong_item', inferredBy: 'shop' });
    expect(byId.get('x1')?.inferredConfidence).toBeGreaterThanOrEqual(0.5);
    expect(byId.get('x1')?.inferredConfidence).toBeLessThanOrEqual(1);
    // A stated reason is never replaced.
    expect(byId.get('s1')).toMatchObject({ reasonCode: 'product_defect', reasonSource: 'stated' });
  });

  it('gives the texts back to the shipped analysis when it analyses them again', async () => {
    // Re-sending an unrated review re-analyses it (shipped values, no model), then the shop's
    // model labels it again after the batch.
    const line =
      'id,sku,rating,text,language,date\nu1,P1,,"Another Boreas for the boathouse, ordered for the neighbours",en,2026-03-05\n';
    const res = await upload(api, 'feedback', line, { token });
    expect(res.status).toBe(201);
    await models((r) => r.models.find((m) => m.task === 'sentiment')?.labels === 2);
    const page = await get<RecordsPage<FeedbackRecord>>(
      '/api/analytics/records/feedback?from=2026-W10&to=2026-W10&pageSize=200',
    );
    expect(page.rows.find((r) => r.externalId === 'u1')).toMatchObject({
      label: 'negative',
      sentimentBy: 'shop',
    });
  });
});
