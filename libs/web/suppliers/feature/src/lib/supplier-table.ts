import type { SupplierScore } from '@returnlens/shared/contracts';

export type SupplierSortKey =
  'name' | 'unitsSold' | 'defectUnits' | 'defectRate' | 'ciLower' | 'netSentiment';

export interface SupplierSort {
  readonly key: SupplierSortKey;
  readonly order: 'asc' | 'desc';
}

/** Below this many units sold a rate is shown greyed as a small sample. */
export const SMALL_SAMPLE_UNITS = 200;

const value = (s: SupplierScore, key: SupplierSortKey): number | string | null => {
  switch (key) {
    case 'name':
      return s.name.toLocaleLowerCase();
    case 'ciLower':
      return s.ci95?.lower ?? null;
    default:
      return s[key];
  }
};

/**
 * Filters by a search text (name or id) and sorts; unknown values (no sales) always last.
 * The default ranking is by the lower bound of the 95 % interval, never the bare rate.
 */
export function sortSuppliers(
  rows: readonly SupplierScore[],
  search: string,
  sort: SupplierSort,
): SupplierScore[] {
  const needle = search.trim().toLocaleLowerCase();
  const matching = needle
    ? rows.filter(
        (s) =>
          s.name.toLocaleLowerCase().includes(needle) ||
          s.supplierId.toLocaleLowerCase().includes(needle),
      )
    : [...rows];
  const sign = sort.order === 'asc' ? 1 : -1;
  return matching.sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    if (x < y) return -sign;
    if (x > y) return sign;
    return a.name.localeCompare(b.name);
  });
}

/** The evidence pack's summary: what a buyer sends a supplier, in plain words. */
export function evidenceSummary(
  s: SupplierScore,
  overall: number | null,
  period: string,
  topReasons: readonly { label: string; claims: number }[],
  format: { share: (v: number) => string; count: (v: number) => string },
): string {
  const lines = [
    `Supplier: ${s.name} (${s.supplierId})`,
    `Period: ${period}`,
    `Units sold: ${format.count(s.unitsSold)}`,
    `Defect units: ${format.count(s.defectUnits)} in ${format.count(s.claims)} claims`,
  ];
  if (s.defectRate !== null) {
    const ci = s.ci95
      ? ` (95 % CI ${format.share(s.ci95.lower)}–${format.share(s.ci95.upper)})`
      : '';
    lines.push(
      `Defect rate: ${format.share(s.defectRate)}${ci}, ${format.count(Math.round(s.ppm ?? 0))} PPM`,
    );
  }
  if (overall !== null && s.defectRate !== null && overall > 0)
    lines.push(
      `All suppliers: ${format.share(overall)}; this supplier: ${(s.defectRate / overall).toFixed(1)}× that rate`,
    );
  const verdict: Record<SupplierScore['signal'], string> = {
    above: 'Above the 99.8 % control limit for its volume: very unlikely to be chance.',
    warning: 'Above the 95 % control limit for its volume: worth watching.',
    within: 'Within the control limits for its volume.',
    below: 'Below the lower control limit: better than the other suppliers.',
    no_sales: 'No sales in the period.',
  };
  lines.push(`Signal: ${verdict[s.signal]}`);
  if (topReasons.length)
    lines.push(
      `Top reasons: ${topReasons.map((r) => `${r.label} (${format.count(r.claims)})`).join(', ')}`,
    );
  lines.push(
    'Definition: defect units are claims inspected as confirmed defects, or — when not inspected — with a product-quality reason; rate = defect units ÷ units sold.',
  );
  return lines.join('\n');
}
