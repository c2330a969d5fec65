import { Injectable } from '@nestjs/common';
import {
  reasonLabel,
  type AnalyticsFilters,
  type MatrixDimension,
  type ParetoResult,
  type ReasonCategoryCode,
  type ReasonMatrix,
} from '@returnlens/shared/contracts';
import { paretoShares } from '@returnlens/shared/metrics';
import { type Dimension } from '@returnlens/api/analytics/util';
import { AnalyticsReader } from './analytics-reader';

/** Which reasons matter most: the Pareto of reasons, and reasons against suppliers, products or categories. */
@Injectable()
export class ParetoQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async pareto(filters: AnalyticsFilters): Promise<ParetoResult> {
    const ctx = await this.reader.context(filters);
    const [rows, analysing] = await Promise.all([
      this.reader.cube(
        ctx,
        'claims',
        ['reason_code', 'reason_category', 'reason_source'],
        ['claims', 'units'],
      ),
      this.reader.analysing('claims'),
    ]);
    // The stored category: a shop's own reason is where the shop's rule put it.
    const categoryOf = new Map(
      rows.map((r) => [r.reason_code, r.reason_category as ReasonCategoryCode]),
    );
    const byReason = new Map<
      string,
      { claims: number; units: number; stated: number; inferred: number }
    >();
    for (const r of rows) {
      const e = byReason.get(r.reason_code) ?? { claims: 0, units: 0, stated: 0, inferred: 0 };
      e.claims += r.claims;
      e.units += r.units;
      if (r.reason_source === 'stated') e.stated += r.claims;
      if (r.reason_source === 'inferred') e.inferred += r.claims;
      byReason.set(r.reason_code, e);
    }
    const shares = paretoShares([...byReason].map(([key, e]) => ({ key, count: e.claims })));
    return {
      period: this.reader.periodOf(ctx),
      rows: shares.map((s) => {
        const e = byReason.get(s.key)!;
        return {
          reasonCode: s.key,
          reasonLabel: reasonLabel(s.key),
          category: categoryOf.get(s.key) ?? 'other',
          claims: s.count,
          units: e.units,
          share: s.share,
          cumulativeShare: s.cumulativeShare,
          stated: e.stated,
          inferred: e.inferred,
        };
      }),
      ...(analysing ? { analysing } : {}),
    };
  }

  /** Reason × supplier/product/category; by product, the 40 products with most claims. */
  async matrix(
    filters: AnalyticsFilters,
    by: MatrixDimension,
    columns = 40,
  ): Promise<ReasonMatrix> {
    const ctx = await this.reader.context(filters);
    const dim: Dimension =
      by === 'supplier' ? 'supplier_id' : by === 'product' ? 'sku' : 'category';
    const totals = new Map(
      (await this.reader.cube(ctx, 'claims', [dim], ['claims']))
        .sort((a, b) => b.claims - a.claims || a[dim].localeCompare(b[dim]))
        .slice(0, columns)
        .map((r) => [r[dim], r.claims]),
    );
    const rows = totals.size
      ? await this.reader.cube(
          ctx,
          'claims',
          ['reason_code', 'reason_category', dim],
          ['claims', 'units'],
          {
            where: { [dim]: [...totals.keys()] },
          },
        )
      : [];
    const labels =
      by === 'category'
        ? null
        : await this.reader.names(by === 'supplier' ? 'suppliers' : 'products', [...totals.keys()]);
    const reasonTotals = new Map<string, number>();
    for (const r of rows)
      reasonTotals.set(r.reason_code, (reasonTotals.get(r.reason_code) ?? 0) + r.claims);
    const columnLabel = (key: string) => (key === '' ? '(unknown)' : (labels?.get(key) ?? key));
    return {
      period: this.reader.periodOf(ctx),
      by,
      reasons: [...reasonTotals].sort((a, b) => b[1] - a[1]).map(([k]) => k),
      columns: [...totals.keys()].map((key) => ({ key, label: columnLabel(key) })),
      cells: rows.map((r) => ({
        reasonCategory: r.reason_category as ReasonCategoryCode,
        reasonCode: r.reason_code,
        reasonLabel: reasonLabel(r.reason_code),
        key: r[dim],
        label: columnLabel(r[dim]),
        claims: r.claims,
        units: r.units,
      })),
    };
  }
}
