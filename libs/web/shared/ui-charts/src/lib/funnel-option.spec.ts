import type { SupplierScore, SupplierScorecard } from '@returnlens/shared/contracts';
import {
  buildFunnelOption,
  funnelCurve,
  funnelHeadline,
  funnelLimits,
  SIGNAL_STYLES,
} from './funnel-option';
import { DESIGN_TOKENS } from './tokens';

const supplier = (
  id: string,
  name: string,
  units: number,
  defects: number,
  signal: SupplierScore['signal'],
): SupplierScore => ({
  supplierId: id,
  name,
  unitsSold: units,
  claims: defects,
  defectUnits: defects,
  defectRate: units ? defects / units : null,
  ppm: units ? (defects / units) * 1e6 : null,
  ci95: null,
  limits95: null,
  limits998: null,
  signal,
  trend: [],
  topReasons: [],
  netSentiment: null,
  feedbackItems: 0,
});

const card: SupplierScorecard = {
  period: {
    timeZone: 'UTC',
    from: { week: '2026-W01', start: '', end: '' },
    to: { week: '2026-W12', start: '', end: '' },
    weeks: [],
    source: 'rollup',
  },
  overallDefectRate: 0.01,
  suppliers: [
    supplier('S1', 'Kestrel <GmbH>', 10000, 300, 'above'),
    supplier('S2', 'Heron', 2000, 20, 'within'),
    supplier('S3', 'Wren', 500, 0, 'below'),
    supplier('S4', 'Idle', 0, 0, 'no_sales'),
  ],
};

describe('funnel limits', () => {
  it('are p0 ± z·√(p0(1−p0)/n), clipped at zero', () => {
    // p0 = 1 %, n = 10 000: se = √(0.01·0.99/10000) = 0.000995
    const limits = funnelLimits(0.01, 10000, 1.96);
    expect(limits.upper).toBeCloseTo(0.01 + 1.96 * 0.000995, 6);
    expect(limits.lower).toBeCloseTo(0.01 - 1.96 * 0.000995, 6);
    expect(funnelLimits(0.01, 10, 3.09).lower).toBe(0);
  });

  it('narrow as the volume grows', () => {
    const curve = funnelCurve(0.01, 100, 10000, 1.96, 4);
    expect(curve[0].n).toBeCloseTo(100);
    expect(curve[4].n).toBeCloseTo(10000);
    expect(curve[4].upper).toBeLessThan(curve[0].upper);
  });
});

describe('buildFunnelOption', () => {
  const option = buildFunnelOption(card, DESIGN_TOKENS.light);
  const series = option.series as {
    name: string;
    type: string;
    data: { value: number[]; supplierId: string }[];
    itemStyle?: { color: string };
  }[];

  it('plots each supplier with sales at (units, rate %) in the series of its signal', () => {
    const above = series.find((s) => s.name === SIGNAL_STYLES.above.label);
    expect(above?.type).toBe('scatter');
    expect(above?.data).toEqual([{ value: [10000, 3], name: 'Kestrel <GmbH>', supplierId: 'S1' }]);
    expect(above?.itemStyle?.color).toBe('#D55E00');
    const all = series
      .filter((s) => s.type === 'scatter')
      .flatMap((s) => s.data.map((d) => d.supplierId));
    expect(all.sort()).toEqual(['S1', 'S2', 'S3']);
  });

  it('draws both pairs of control limits and the overall rate on a log volume axis', () => {
    expect(series.filter((s) => s.name === '95 % limits')).toHaveLength(2);
    expect(series.filter((s) => s.name === '99.8 % limits')).toHaveLength(2);
    expect((option.xAxis as { type: string }).type).toBe('log');
    const overall = series.find((s) => s.name === 'Overall rate') as unknown as {
      data: number[][];
    };
    expect(overall.data[0][1]).toBe(1);
  });

  it('escapes supplier names in the tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ data: { supplierId: 'S1' } });
    expect(html).toContain('Kestrel &#60;GmbH&#62;');
    expect(html).toContain('300 defect units of 10,000 sold');
  });
});

describe('funnelHeadline', () => {
  it('names the supplier beyond the limit and how far', () => {
    expect(funnelHeadline(card)).toBe(
      "Kestrel <GmbH>'s defect rate 3.0% is beyond the 99.8 % limit — 3.0× the overall 1.0%",
    );
  });

  it('says when everyone is within the limits', () => {
    const calm = { ...card, suppliers: card.suppliers.filter((s) => s.signal !== 'above') };
    expect(funnelHeadline(calm)).toBe('Every supplier is within the control limits (overall 1.0%)');
  });
});
