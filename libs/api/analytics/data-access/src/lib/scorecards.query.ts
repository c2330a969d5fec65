import { Injectable } from '@nestjs/common';
import {
  type AnalyticsFilters,
  type ProductScorecard,
  type SupplierScorecard,
} from '@returnlens/shared/contracts';
import { funnelLimits, netSentiment, wilsonInterval, Z_998 } from '@returnlens/shared/metrics';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';
import { AnalyticsReader, sum, type Row } from './analytics-reader';

/** Who is really worse: supplier and product scorecards of defect rates with Wilson intervals and funnel limits. */
@Injectable()
export class ScorecardsQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async suppliers(filters: AnalyticsFilters): Promise<SupplierScorecard> {
    const ctx = await this.reader.context(filters);
    const [sales, claims, weeklyClaims, weeklySales, feedback, names] = await Promise.all([
      this.reader.cube(ctx, 'sales', ['supplier_id'], ['units']),
      this.reader.cube(ctx, 'claims', ['supplier_id', 'reason_code'], ['claims', 'defect_units']),
      this.reader.cube(ctx, 'claims', ['week', 'supplier_id'], ['defect_units']),
      this.reader.cube(ctx, 'sales', ['week', 'supplier_id'], ['units']),
      this.reader.cube(ctx, 'feedback', ['supplier_id', 'label'], ['items']),
      this.reader.names('suppliers'),
    ]);
    const sold = new Map(sales.map((r) => [r.supplier_id, r.units]));
    const ids = new Set([...names.keys(), ...sold.keys(), ...claims.map((r) => r.supplier_id)]);
    ids.delete('');
    const totalSold = [...ids].reduce((s, id) => s + (sold.get(id) ?? 0), 0);
    const totalDefects = claims
      .filter((r) => r.supplier_id !== '')
      .reduce((s, r) => s + r.defect_units, 0);
    const p0 = totalSold === 0 ? null : Math.min(1, totalDefects / totalSold);
    const index = this.reader.weekIndex(ctx);

    const suppliers = [...ids].map((id) => {
      const mine = claims.filter((r) => r.supplier_id === id);
      const units = sold.get(id) ?? 0;
      const defects = sum(mine, 'defect_units');
      const mix = new Map<string, number>();
      for (const r of mine) mix.set(r.reason_code, (mix.get(r.reason_code) ?? 0) + r.claims);
      const weekDefects = new Array<number>(index.size).fill(0);
      const weekSold = new Array<number>(index.size).fill(0);
      for (const r of weeklyClaims)
        if (r.supplier_id === id && index.has(r.week))
          weekDefects[index.get(r.week)!] += r.defect_units;
      for (const r of weeklySales)
        if (r.supplier_id === id && index.has(r.week)) weekSold[index.get(r.week)!] += r.units;
      const fb = feedback.filter((r) => r.supplier_id === id);
      const label = (l: string) => fb.filter((r) => r.label === l).reduce((s, r) => s + r.items, 0);
      const rate = units === 0 ? null : defects / units;
      const ci = units === 0 ? null : wilsonInterval(Math.min(defects, units), units);
      const l95 = p0 === null || units === 0 ? null : funnelLimits(p0, units);
      const l998 = p0 === null || units === 0 ? null : funnelLimits(p0, units, Z_998);
      const signal: SupplierScorecard['suppliers'][number]['signal'] =
        rate === null || !l95 || !l998
          ? 'no_sales'
          : rate > l998.upper
            ? 'above'
            : rate > l95.upper
              ? 'warning'
              : rate < l95.lower
                ? 'below'
                : 'within';
      return {
        supplierId: id,
        name: names.get(id) ?? id,
        unitsSold: units,
        claims: sum(mine, 'claims'),
        defectUnits: defects,
        defectRate: rate,
        ppm: rate === null ? null : Math.round(rate * 1_000_000),
        ci95: ci,
        limits95: l95,
        limits998: l998,
        signal,
        trend: weekSold.map((n, i) => (n === 0 ? null : weekDefects[i] / n)),
        topReasons: [...mix]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([reasonCode, n]) => ({ reasonCode, claims: n })),
        netSentiment: netSentiment(label('positive'), label('neutral'), label('negative')),
        feedbackItems: fb.reduce((s, r) => s + r.items, 0),
      };
    });
    // Worst first by the lower bound of the interval: a tiny sample never tops the list.
    suppliers.sort((a, b) => (b.ci95?.lower ?? -1) - (a.ci95?.lower ?? -1));
    return { period: this.reader.periodOf(ctx), overallDefectRate: p0, suppliers };
  }

  async products(filters: AnalyticsFilters, limit = 50): Promise<ProductScorecard> {
    const ctx = await this.reader.context(filters);
    const [sales, claims] = await Promise.all([
      this.reader.cube(ctx, 'sales', ['sku'], ['units']),
      this.reader.cube(ctx, 'claims', ['sku'], ['claims', 'defect_units']),
    ]);
    const sold = new Map(sales.map((r) => [r.sku, r.units]));
    const claimed = new Map(claims.map((r) => [r.sku, r]));
    const ranked = [...new Set([...sold.keys(), ...claimed.keys()])]
      .filter((sku) => sku !== '')
      .map((sku) => {
        const units = sold.get(sku) ?? 0;
        const defects = claimed.get(sku)?.defect_units ?? 0;
        return {
          sku,
          units,
          claims: claimed.get(sku)?.claims ?? 0,
          defects,
          ci95: units === 0 ? null : wilsonInterval(Math.min(defects, units), units),
        };
      })
      .sort((a, b) => (b.ci95?.lower ?? -1) - (a.ci95?.lower ?? -1) || b.claims - a.claims)
      .slice(0, limit);
    // Names and reason mix only for the products shown.
    const skus = ranked.map((p) => p.sku);
    const [catalogue, mix] = await Promise.all([
      this.reader.raw<
        { sku: string; name: string; supplier_id: string | null; category: string }[]
      >(
        'SELECT sku, name, supplier_id, category FROM products WHERE shop_id = $1 AND sku = ANY($2::text[])',
        [DEFAULT_SHOP_ID, skus],
      ),
      skus.length
        ? this.reader.cube(ctx, 'claims', ['sku', 'reason_code'], ['claims'], {
            where: { sku: skus },
          })
        : Promise.resolve([] as Row[]),
    ]);
    const info = new Map(catalogue.map((p) => [p.sku, p]));
    return {
      period: this.reader.periodOf(ctx),
      products: ranked.map((r) => {
        const p = info.get(r.sku);
        return {
          sku: r.sku,
          name: p?.name ?? r.sku,
          supplierId: p?.supplier_id ?? '',
          category: p?.category ?? '',
          unitsSold: r.units,
          claims: r.claims,
          defectUnits: r.defects,
          defectRate: r.units === 0 ? null : r.defects / r.units,
          ci95: r.ci95,
          topReasons: mix
            .filter((m) => m.sku === r.sku)
            // Ties by reason code: the same answer whatever order the rows came in.
            .sort((a, b) => b.claims - a.claims || a.reason_code.localeCompare(b.reason_code))
            .slice(0, 3)
            .map((m) => ({ reasonCode: m.reason_code, claims: m.claims })),
        };
      }),
    };
  }
}
