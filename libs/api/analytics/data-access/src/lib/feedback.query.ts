import { Injectable } from '@nestjs/common';
import {
  type AnalyticsFilters,
  type FeedbackReport,
  type KpiSet,
} from '@returnlens/shared/contracts';
import {
  histogramPercentile,
  netSentiment,
  type HistogramBucket,
} from '@returnlens/shared/metrics';
import { type Dimension } from '@returnlens/api/analytics/util';
import {
  AnalyticsReader,
  filtersBeyondPeriod,
  ratio,
  sum,
  type Context,
  type Row,
} from './analytics-reader';

/** What customers say: ratings, net sentiment by week, language and supplier; and the claims KPIs. */
@Injectable()
export class FeedbackQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async feedback(filters: AnalyticsFilters): Promise<FeedbackReport> {
    const ctx = await this.reader.context(filters);
    const bySupplierLevel = Boolean(filters.language?.length);
    const [ratings, trend, languages, suppliers, names] = await Promise.all([
      this.reader.cube(ctx, 'feedback', ['rating'], ['items']),
      this.reader.cube(ctx, 'feedback', ['week', 'label'], ['items']),
      this.reader.cube(ctx, 'feedback', ['language', 'label'], ['items', 'scored', 'score_sum']),
      this.reader.cube(ctx, 'feedback', ['supplier_id', 'label'], ['items'], {
        raw: bySupplierLevel,
      }),
      this.reader.names('suppliers'),
    ]);
    const labelled = (rows: Row[]) => {
      const n = (l: string) => rows.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      return { positive: n('positive'), neutral: n('neutral'), negative: n('negative') };
    };
    const all = labelled(trend);
    const group = (rows: Row[], dim: Dimension) => {
      const g = new Map<string, Row[]>();
      for (const r of rows) {
        const list = g.get(r[dim]);
        if (list) list.push(r);
        else g.set(r[dim], [r]);
      }
      return g;
    };
    return {
      period: this.reader.periodOf(ctx),
      items: sum(ratings, 'items'),
      ratings: [1, 2, 3, 4, 5].map((n) => ratings.find((r) => r.rating === String(n))?.items ?? 0),
      unrated: ratings.find((r) => r.rating === '0')?.items ?? 0,
      netSentiment: netSentiment(all.positive, all.neutral, all.negative),
      trend: ctx.period.weeks.map((w) => {
        const l = labelled(trend.filter((r) => r.week === w.start));
        return {
          week: w.week,
          ...l,
          netSentiment: netSentiment(l.positive, l.neutral, l.negative),
        };
      }),
      byLanguage: [...group(languages, 'language')]
        .map(([language, rows]) => {
          const l = labelled(rows);
          const scored = sum(rows, 'scored');
          return {
            language: language || 'und',
            items: sum(rows, 'items'),
            netSentiment: netSentiment(l.positive, l.neutral, l.negative),
            meanScore: scored === 0 ? null : sum(rows, 'score_sum') / scored,
          };
        })
        .sort((a, b) => b.items - a.items),
      bySupplier: [...group(suppliers, 'supplier_id')]
        .filter(([id]) => id !== '')
        .map(([supplierId, rows]) => {
          const l = labelled(rows);
          return {
            supplierId,
            name: names.get(supplierId) ?? supplierId,
            items: sum(rows, 'items'),
            netSentiment: netSentiment(l.positive, l.neutral, l.negative),
          };
        })
        .sort((a, b) => (a.netSentiment ?? 0) - (b.netSentiment ?? 0)),
    };
  }

  async kpis(filters: AnalyticsFilters): Promise<KpiSet> {
    const ctx = await this.reader.context(filters);
    const [byType, labels, durations] = await Promise.all([
      this.reader.cube(ctx, 'claims', ['type'], ['claims', 'repeat_claims']),
      this.reader.cube(ctx, 'feedback', ['label'], ['items']),
      this.resolutionMedian(ctx),
    ]);
    const claims = sum(byType, 'claims');
    const returns = byType
      .filter((r) => r.type === 'return' || r.type === 'return_defective')
      .reduce((s, r) => s + r.claims, 0);
    const labelled = labels.filter((r) => r.label !== '');
    return {
      period: this.reader.periodOf(ctx),
      processingTimeHours: durations,
      repeatContactRate: ratio(sum(byType, 'repeat_claims'), claims),
      returnShare: ratio(returns, claims),
      negativeReviewShare: ratio(
        labelled.filter((r) => r.label === 'negative').reduce((s, r) => s + r.items, 0),
        sum(labelled, 'items'),
      ),
      claims,
    };
  }

  /** Median resolution time (calendar hours) over the whole period. */
  private async resolutionMedian(ctx: Context): Promise<number | null> {
    const anyFilter = filtersBeyondPeriod(ctx.filters);
    if (!anyFilter) {
      const rows = await this.reader.query<HistogramBucket>(
        `SELECT bucket, sum(n)::int AS n FROM rollup_durations_week
          WHERE shop_id = {shop} AND metric = 'resolution' AND clock = 'calendar'
            AND week BETWEEN {fromWeek}::date AND {toWeek}::date GROUP BY 1`,
        { fromWeek: ctx.period.range.fromWeek, toWeek: ctx.period.range.toWeek },
      );
      return histogramPercentile(rows, 0.5);
    }
    // Filtered: the exact median over the raw rows of the whole period.
    ctx.raw = true;
    const params: Record<string, unknown> = {};
    const scope = this.reader.claimScope(ctx, params);
    const [row] = await this.reader.query<{ median: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.opened_at) / 3600)::float8 AS median
         FROM ${scope.from} ${scope.where} AND c.resolved_at IS NOT NULL`,
      params,
    );
    return row?.median ?? null;
  }
}
