import { Injectable } from '@nestjs/common';
import {
  FEEDBACK_ASPECTS,
  type AnalyticsFilters,
  type AspectsReport,
  type AspectSentimentCounts,
  type ReasonMismatchReport,
} from '@returnlens/shared/contracts';
import { netSentiment } from '@returnlens/shared/metrics';
import { AnalyticsReader, filtersBeyondPeriod, sum, type Row } from './analytics-reader';

/** Review aspects with their sentiment, and stated reasons the claim's own text contradicts. */
@Injectable()
export class TextQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async aspects(filters: AnalyticsFilters): Promise<AspectsReport> {
    const ctx = await this.reader.context(filters);
    const byProduct = Boolean(
      filters.supplier?.length || filters.product?.length || filters.category?.length,
    );
    const range = { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek };
    const productWhere = byProduct
      ? `AND (${[
          filters.product?.length ? 't.sku = ANY({fProduct}::text[])' : '',
          filters.supplier?.length ? 'p.supplier_id = ANY({fSupplier}::text[])' : '',
          filters.category?.length ? 'p.category = ANY({fCategory}::text[])' : '',
        ]
          .filter(Boolean)
          .join(' AND ')})`
      : '';
    const params = {
      ...range,
      fProduct: filters.product ?? null,
      fSupplier: filters.supplier ?? null,
      fCategory: filters.category ?? null,
      fLanguage: filters.language ?? null,
    };
    type Count = {
      aspect: string;
      sentiment: string;
      language?: string;
      sku?: string;
      items: number;
    };
    const [overall, perSku] = await Promise.all([
      byProduct
        ? Promise.resolve([] as Count[])
        : this.reader.query<Count>(
            `SELECT t.language, t.aspect, t.sentiment, sum(t.items)::int AS items FROM rollup_aspects_week t
              WHERE t.shop_id = {shop} AND t.week BETWEEN {fromWeek}::date AND {toWeek}::date
                AND ({fLanguage}::text[] IS NULL OR t.language = ANY({fLanguage}::text[]))
              GROUP BY 1, 2, 3`,
            params,
          ),
      this.reader.query<Count>(
        `SELECT t.sku, t.aspect, t.sentiment, sum(t.items)::int AS items
           FROM rollup_aspects_sku_week t LEFT JOIN products p ON p.shop_id = t.shop_id AND p.sku = t.sku
          WHERE t.shop_id = {shop} AND t.week BETWEEN {fromWeek}::date AND {toWeek}::date ${productWhere}
          GROUP BY 1, 2, 3`,
        params,
      ),
    ]);
    const source = byProduct ? perSku : overall;
    const counts = (rows: Count[]): AspectSentimentCounts => {
      const n = (l: string) =>
        rows.filter((r) => r.sentiment === l).reduce((s, r) => s + r.items, 0);
      return {
        positive: n('positive'),
        neutral: n('neutral'),
        negative: n('negative'),
        netSentiment: netSentiment(n('positive'), n('neutral'), n('negative')),
      };
    };
    const aspects = FEEDBACK_ASPECTS.map((a) => ({
      aspect: a.code,
      label: a.label,
      ...counts(source.filter((r) => r.aspect === a.code)),
    })).filter((a) => a.positive + a.neutral + a.negative > 0);
    const languages = [...new Set(overall.map((r) => r.language ?? ''))];
    const byLanguage = languages.flatMap((language) =>
      FEEDBACK_ASPECTS.map((a) => ({
        language: language || 'und',
        aspect: a.code,
        ...counts(overall.filter((r) => r.language === language && r.aspect === a.code)),
      })).filter((r) => r.positive + r.neutral + r.negative > 0),
    );
    // The products reviews complain about most, beside what came back of them.
    const negative = new Map<string, Map<string, number>>();
    for (const r of perSku) {
      if (r.sentiment !== 'negative' || !r.sku) continue;
      const m = negative.get(r.sku) ?? new Map<string, number>();
      m.set(r.aspect, (m.get(r.aspect) ?? 0) + r.items);
      negative.set(r.sku, m);
    }
    const top = [...negative]
      .map(([sku, m]) => ({ sku, total: [...m.values()].reduce((a, b) => a + b, 0), m }))
      .sort((a, b) => b.total - a.total)
      .slice(0, 10);
    const skus = top.map((t) => t.sku);
    const [claims, names] = await Promise.all([
      skus.length
        ? this.reader.cube(ctx, 'claims', ['sku', 'reason_code'], ['claims'], {
            where: { sku: skus },
          })
        : Promise.resolve([] as Row[]),
      this.reader.names('products', skus),
    ]);
    return {
      period: this.reader.periodOf(ctx),
      aspects,
      byLanguage,
      products: top.map((t) => {
        const mine = claims
          .filter((c) => c.sku === t.sku)
          .sort((a, b) => b.claims - a.claims || a.reason_code.localeCompare(b.reason_code));
        return {
          sku: t.sku,
          name: names.get(t.sku) ?? t.sku,
          negativeMentions: t.total,
          topNegativeAspect: [...t.m].sort((a, b) => b[1] - a[1])[0][0],
          claims: sum(mine, 'claims'),
          topReason: mine[0]?.reason_code ?? null,
        };
      }),
    };
  }

  async reasonMismatches(filters: AnalyticsFilters): Promise<ReasonMismatchReport> {
    const ctx = await this.reader.context(filters);
    const anyFilter = filtersBeyondPeriod(filters);
    let pairs: { stated: string; inferred: string; claims: number }[];
    if (!anyFilter) {
      pairs = await this.reader.query(
        `SELECT stated, inferred, sum(claims)::int AS claims FROM rollup_reason_pairs_week
          WHERE shop_id = {shop} AND week BETWEEN {fromWeek}::date AND {toWeek}::date GROUP BY 1, 2`,
        { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek },
      );
    } else {
      ctx.raw = true;
      const params: Record<string, unknown> = {};
      const scope = this.reader.claimScope(ctx, params);
      pairs = await this.reader.query(
        `SELECT COALESCE(c.stated_reason_code, '') AS stated, COALESCE(c.inferred_reason_code, '') AS inferred,
                count(*)::int AS claims
           FROM ${scope.from} ${scope.where} AND c.reason_text IS NOT NULL GROUP BY 1, 2`,
        params,
      );
    }
    const stated = pairs.filter((p) => p.stated !== '');
    const both = stated.filter((p) => p.inferred !== '');
    return {
      period: this.reader.periodOf(ctx),
      withText: stated.reduce((s, p) => s + p.claims, 0),
      inferred: both.reduce((s, p) => s + p.claims, 0),
      mismatched: both.filter((p) => p.stated !== p.inferred).reduce((s, p) => s + p.claims, 0),
      pairs: both.filter((p) => p.stated !== p.inferred).sort((a, b) => b.claims - a.claims),
    };
  }
}
