import { Injectable } from '@nestjs/common';
import {
  DELIVERY_OUTCOMES,
  type AnalyticsFilters,
  type DeliveryOutcome,
  type FeedbackByDelivery,
  type FeedbackReport,
} from '@returnlens/shared/contracts';
import { netSentiment } from '@returnlens/shared/metrics';
import { type Dimension } from '@returnlens/api/analytics/util';
import { deliveryOf, feedbackLabel } from '@returnlens/api/shared/sql';
import { AnalyticsReader, ratio, sum, type Context, type Row } from './analytics-reader';
import { feedbackWhere } from './feedback-scope';

/** What customers say: ratings, net sentiment by week, language and supplier. */
@Injectable()
export class FeedbackQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async feedback(filters: AnalyticsFilters): Promise<FeedbackReport> {
    const ctx = await this.reader.context(filters);
    const bySupplierLevel = Boolean(filters.language?.length);
    const [ratings, trend, languages, suppliers, names, analysing, byDelivery] = await Promise.all([
      this.reader.cube(ctx, 'feedback', ['rating'], ['items']),
      this.reader.cube(ctx, 'feedback', ['week', 'label'], ['items']),
      this.reader.cube(ctx, 'feedback', ['language', 'label'], ['items', 'scored', 'score_sum']),
      this.reader.cube(ctx, 'feedback', ['supplier_id', 'label'], ['items'], {
        raw: bySupplierLevel,
      }),
      this.reader.names('suppliers'),
      this.reader.analysing('feedback'),
      this.byDelivery(ctx, filters),
    ]);
    const labelled = (rows: Row[]) => {
      const n = (l: string) => rows.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      return { positive: n('positive'), neutral: n('neutral'), negative: n('negative') };
    };
    const all = labelled(trend);
    const perRating = [1, 2, 3, 4, 5].map(
      (n) => ratings.find((r) => r.rating === String(n))?.items ?? 0,
    );
    const rated = perRating.reduce((a, b) => a + b, 0);
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
      ratings: perRating,
      unrated: ratings.find((r) => r.rating === '0')?.items ?? 0,
      byRating: perRating.map((items, i) => ({
        rating: i + 1,
        items,
        share: ratio(items, rated),
      })),
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
      byDelivery,
      ...(analysing ? { analysing } : {}),
    };
  }

  /**
   * Feedback whose order was delivered against a promised date, late or on time, each item
   * once (docs/metrics.md, "Feedback by delivery"); read from the raw rows. Only an item that
   * names its order can have one: the others are left out before their lines are looked up.
   */
  private async byDelivery(ctx: Context, filters: AnalyticsFilters): Promise<FeedbackByDelivery[]> {
    const params: Record<string, unknown> = {};
    const where = feedbackWhere(ctx, filters, params);
    const rows = await this.reader.query<{
      delivery: DeliveryOutcome;
      items: number;
      ratings: number[];
      positive: number;
      neutral: number;
      negative: number;
    }>(
      `SELECT d.delivery, count(*)::int AS items,
              ARRAY[${[1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE f.rating = ${n})::int`).join(', ')}] AS ratings,
              ${['positive', 'neutral', 'negative'].map((l) => `count(*) FILTER (WHERE ${feedbackLabel('f')} = '${l}')::int AS ${l}`).join(', ')}
         FROM feedback f CROSS JOIN LATERAL (SELECT ${deliveryOf('f')} AS delivery) d
        WHERE ${where.join(' AND ')} AND f.order_id IS NOT NULL AND d.delivery IS NOT NULL
        GROUP BY 1`,
      params,
    );
    return DELIVERY_OUTCOMES.map((delivery) => {
      const row = rows.find((r) => r.delivery === delivery);
      return {
        delivery,
        items: row?.items ?? 0,
        ratings: row?.ratings ?? [0, 0, 0, 0, 0],
        netSentiment: row ? netSentiment(row.positive, row.neutral, row.negative) : null,
      };
    });
  }
}
