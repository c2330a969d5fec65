import type { SupplierScore } from '@returnlens/shared/contracts';
import { flattenMessages, formatMessage } from '@returnlens/web/shared/data-access';
import { SUPPLIERS_MESSAGES } from './i18n/en';

export type SupplierSortKey =
  'name' | 'unitsSold' | 'defectUnits' | 'defectRate' | 'ciLower' | 'netSentiment';

export interface SupplierSort {
  readonly key: SupplierSortKey;
  readonly order: 'asc' | 'desc';
}

/** A signal's key in the pages' messages (`signal.*`, `signalShort.*`). */
export const SIGNAL_KEY: Readonly<Record<SupplierScore['signal'], string>> = {
  above: 'above',
  warning: 'warning',
  within: 'within',
  below: 'below',
  no_sales: 'noSales',
};

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

/** Formats a message of the `evidence` group (`key` below `suppliers.evidence.`). */
export type EvidenceTranslate = (key: string, params?: Record<string, unknown>) => string;

const ENGLISH_EVIDENCE = flattenMessages(SUPPLIERS_MESSAGES.evidence);
const englishEvidence: EvidenceTranslate = (key, params = {}) =>
  formatMessage('en', ENGLISH_EVIDENCE[key], params);

const VERDICT_KEY: Readonly<Record<SupplierScore['signal'], string>> = {
  above: 'verdict.above',
  warning: 'verdict.warning',
  within: 'verdict.within',
  below: 'verdict.below',
  no_sales: 'verdict.noSales',
};

/**
 * The evidence pack's summary: what a buyer sends a supplier, in plain words — in the
 * interface's language when `t` formats the page's messages, else in English.
 */
export function evidenceSummary(
  s: SupplierScore,
  overall: number | null,
  period: string,
  topReasons: readonly { label: string; claims: number }[],
  format: { share: (v: number) => string; count: (v: number) => string },
  t: EvidenceTranslate = englishEvidence,
): string {
  const lines = [
    t('supplier', { name: s.name, id: s.supplierId }),
    t('period', { period }),
    t('unitsSold', { units: format.count(s.unitsSold) }),
    t('defects', { defects: format.count(s.defectUnits), count: s.claims }),
  ];
  if (s.defectRate !== null) {
    const rate = format.share(s.defectRate);
    const ppm = format.count(Math.round(s.ppm ?? 0));
    lines.push(
      s.ci95
        ? t('rateWithCi', {
            rate,
            lower: format.share(s.ci95.lower),
            upper: format.share(s.ci95.upper),
            ppm,
          })
        : t('rate', { rate, ppm }),
    );
  }
  if (overall !== null && s.defectRate !== null && overall > 0)
    lines.push(
      t('comparison', {
        overall: format.share(overall),
        factor: (s.defectRate / overall).toFixed(1),
      }),
    );
  lines.push(t('signal', { verdict: t(VERDICT_KEY[s.signal]) }));
  if (topReasons.length)
    lines.push(
      t('topReasons', {
        reasons: topReasons.map((r) => `${r.label} (${format.count(r.claims)})`).join(', '),
      }),
    );
  lines.push(t('definition'));
  return lines.join('\n');
}
