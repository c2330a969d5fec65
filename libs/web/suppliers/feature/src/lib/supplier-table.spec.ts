import type { SupplierScore } from '@returnlens/shared/contracts';
import { evidenceSummary, sortSuppliers } from './supplier-table';

const s = (
  id: string,
  name: string,
  units: number,
  defects: number,
  lower: number | null,
): SupplierScore => ({
  supplierId: id,
  name,
  unitsSold: units,
  claims: defects + 1,
  defectUnits: defects,
  defectRate: units ? defects / units : null,
  ppm: units ? (defects / units) * 1e6 : null,
  ci95: lower === null ? null : { lower, upper: lower * 2 },
  limits95: null,
  limits998: null,
  signal: units ? 'within' : 'no_sales',
  trend: [],
  topReasons: [],
  netSentiment: null,
  feedbackItems: 0,
});

const rows = [
  s('S1', 'Kestrel', 1000, 30, 0.02),
  s('S2', 'Heron', 50, 5, 0.04),
  s('S3', 'Wren', 0, 0, null),
];

describe('sortSuppliers', () => {
  it('ranks by the interval lower bound, unknown last', () => {
    expect(
      sortSuppliers(rows, '', { key: 'ciLower', order: 'desc' }).map((r) => r.supplierId),
    ).toEqual(['S2', 'S1', 'S3']);
    expect(
      sortSuppliers(rows, '', { key: 'ciLower', order: 'asc' }).map((r) => r.supplierId),
    ).toEqual(['S1', 'S2', 'S3']);
  });

  it('sorts by name and searches name or id', () => {
    expect(sortSuppliers(rows, '', { key: 'name', order: 'asc' }).map((r) => r.name)).toEqual([
      'Heron',
      'Kestrel',
      'Wren',
    ]);
    expect(
      sortSuppliers(rows, 'kes', { key: 'name', order: 'asc' }).map((r) => r.supplierId),
    ).toEqual(['S1']);
    expect(
      sortSuppliers(rows, 's3', { key: 'name', order: 'asc' }).map((r) => r.supplierId),
    ).toEqual(['S3']);
  });
});

describe('evidenceSummary', () => {
  it('states the figures, the comparison and the verdict in words', () => {
    const text = evidenceSummary(
      rows[0],
      0.01,
      '2026-W01 – 2026-W12',
      [{ label: 'Product defect', claims: 20 }],
      {
        share: (v) => `${(v * 100).toFixed(1)}%`,
        count: (v) => String(v),
      },
    );
    expect(text).toContain('Supplier: Kestrel (S1)');
    expect(text).toContain('Defect rate: 3.0% (95 % CI 2.0%–4.0%), 30000 PPM');
    expect(text).toContain('this supplier: 3.0× that rate');
    expect(text).toContain('Signal: Within the control limits');
    expect(text).toContain('Top reasons: Product defect (20)');
  });
});
