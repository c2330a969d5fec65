import { Injectable } from '@nestjs/common';
import {
  reasonLabel,
  type IsoWeekRef,
  type Mover,
  type MoversTest,
} from '@returnlens/shared/contracts';
import {
  isoWeekBounds,
  rateMovers,
  shiftIsoWeek,
  type RateSeries,
} from '@returnlens/shared/metrics';
import type { CubeQuery, CubeRange, Dimension, Measure } from '@returnlens/api/analytics/util';
import { AnalyticsReader, type Context, type Row } from './analytics-reader';

/** Weeks each rate is compared with: the eight before the reported week, pooled. */
export const MOVER_BASELINE_WEEKS = 8;
/** Units sold in the four weeks before a week are its exposure: the goods customers hold. */
export const EXPOSURE_WEEKS = 4;
const SHOWN = 20;

/**
 * Movers (docs/metrics.md, "Movers"): rates against their own baseline, with exposure.
 * - a supplier's defect rate: defect units of claims opened in a week ÷ units of the supplier
 *   sold in the four weeks before it;
 * - a product's claim rate: its claims opened in a week ÷ its units sold in the four weeks before;
 * - a reason's share: its claims ÷ all claims of the week.
 * Each is tested against its pooled rate of the eight weeks before (exact conditional test
 * of two Poisson rates), all together with Benjamini–Hochberg; rates too small to ever reach
 * significance are left out before the correction (independent filtering).
 */
@Injectable()
export class MoversQuery {
  constructor(private readonly reader: AnalyticsReader) {}

  async movers(ctx: Context, reported: IsoWeekRef): Promise<{ movers: Mover[]; test: MoversTest }> {
    const weeks = Array.from({ length: MOVER_BASELINE_WEEKS + 1 }, (_, i) =>
      shiftIsoWeek(reported, i - MOVER_BASELINE_WEEKS),
    );
    const salesWeeks = Array.from({ length: MOVER_BASELINE_WEEKS + EXPOSURE_WEEKS }, (_, i) =>
      shiftIsoWeek(reported, i - MOVER_BASELINE_WEEKS - EXPOSURE_WEEKS),
    );
    const claimsRange = this.range(weeks);
    const salesRange = this.range(salesWeeks);
    const cube = (
      fact: 'claims' | 'sales',
      dims: Dimension[],
      measures: Measure[],
      range: CubeRange,
      where?: CubeQuery['where'],
    ) => this.reader.cube(ctx, fact, ['week', ...dims], measures, { range, where });
    // Products by week only (thousands of SKUs × reasons would be read for nine weeks); the
    // top reason is asked afterwards, of the movers shown.
    const [supplierClaims, skuClaims, reasonClaims, supplierSales, skuSales] = await Promise.all([
      cube('claims', ['supplier_id', 'reason_code'], ['claims', 'defect_units'], claimsRange),
      cube('claims', ['sku'], ['claims'], claimsRange),
      cube('claims', ['reason_code'], ['claims'], claimsRange),
      cube('sales', ['supplier_id'], ['units'], salesRange),
      cube('sales', ['sku'], ['units'], salesRange),
    ]);
    const at = new Map(weeks.map((w, i) => [w.start, i]));
    const salesAt = new Map(salesWeeks.map((w, i) => [w.start, i]));

    /** Per key: events per week (claims weeks) and units sold per week (sales weeks). */
    const perWeek = (
      rows: Row[],
      dim: Dimension,
      m: Measure,
      index: Map<string, number>,
      n: number,
    ) => {
      const out = new Map<string, number[]>();
      for (const r of rows) {
        const i = index.get(r.week);
        if (i === undefined || r[dim] === '') continue;
        const series = out.get(r[dim]) ?? new Array<number>(n).fill(0);
        series[i] += r[m];
        out.set(r[dim], series);
      }
      return out;
    };
    /** Units sold in the EXPOSURE_WEEKS before claims week i. */
    const exposureOf = (sold: number[] | undefined, i: number) =>
      sold ? sold.slice(i, i + EXPOSURE_WEEKS).reduce((a, b) => a + b, 0) : 0;

    type Key = { kind: Mover['kind']; metric: Mover['metric']; key: string };
    const series: RateSeries<Key>[] = [];
    const n = weeks.length;
    const ns = salesWeeks.length;
    const supplierSold = perWeek(supplierSales, 'supplier_id', 'units', salesAt, ns);
    for (const [key, events] of perWeek(supplierClaims, 'supplier_id', 'defect_units', at, n))
      series.push({
        key: { kind: 'supplier', metric: 'defect_rate', key },
        events,
        exposures: events.map((_, i) => exposureOf(supplierSold.get(key), i)),
      });
    const skuSold = perWeek(skuSales, 'sku', 'units', salesAt, ns);
    for (const [key, events] of perWeek(skuClaims, 'sku', 'claims', at, n))
      series.push({
        key: { kind: 'product', metric: 'claim_rate', key },
        events,
        exposures: events.map((_, i) => exposureOf(skuSold.get(key), i)),
      });
    const allClaims = new Array<number>(n).fill(0);
    for (const r of reasonClaims) {
      const i = at.get(r.week);
      if (i !== undefined) allClaims[i] += r.claims;
    }
    for (const [key, events] of perWeek(reasonClaims, 'reason_code', 'claims', at, n))
      series.push({
        key: { kind: 'reason', metric: 'reason_share', key },
        events,
        exposures: allClaims,
      });

    const { changes, tested } = rateMovers(series);
    const significant = changes
      .slice(0, SHOWN)
      .map(({ key, ...change }) => ({ ...key, ...change }));

    const shownProducts = significant.filter((m) => m.kind === 'product').map((m) => m.key);
    const [productNames, supplierNames, productReasons] = await Promise.all([
      this.reader.names(
        'products',
        significant.filter((m) => m.kind === 'product').map((m) => m.key),
      ),
      this.reader.names(
        'suppliers',
        significant.filter((m) => m.kind === 'supplier').map((m) => m.key),
      ),
      shownProducts.length
        ? cube('claims', ['sku', 'reason_code'], ['claims'], this.range([reported]), {
            sku: shownProducts,
          })
        : Promise.resolve([]),
    ]);
    const week = reported.start;
    const topReason = (rows: Row[], dim: Dimension, key: string) => {
      const mine = rows.filter((r) => r.week === week && r[dim] === key && r.claims > 0);
      mine.sort((a, b) => b.claims - a.claims || a.reason_code.localeCompare(b.reason_code));
      return mine[0]?.reason_code ?? null;
    };
    return {
      movers: significant.map((m) => ({
        ...m,
        label:
          m.kind === 'product'
            ? (productNames.get(m.key) ?? m.key)
            : m.kind === 'supplier'
              ? (supplierNames.get(m.key) ?? m.key)
              : reasonLabel(m.key),
        topReason:
          m.kind === 'supplier'
            ? topReason(supplierClaims, 'supplier_id', m.key)
            : m.kind === 'product'
              ? topReason(productReasons, 'sku', m.key)
              : null,
      })),
      test: { candidates: tested, baselineWeeks: MOVER_BASELINE_WEEKS },
    };
  }

  private range(weeks: readonly IsoWeekRef[]): CubeRange {
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    return {
      fromWeek: first.start,
      toWeek: last.start,
      fromInstant: isoWeekBounds(first, this.reader.tz).from,
      toInstant: isoWeekBounds(last, this.reader.tz).to,
    };
  }
}
