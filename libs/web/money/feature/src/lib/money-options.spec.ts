import type {
  CostOfQualityRow,
  IsoWeekRef,
  MoneyWeekRow,
  ResolutionWeekRow,
} from '@returnlens/shared/contracts';
import { DESIGN_TOKENS } from '@returnlens/web/shared/ui-charts';
import {
  buildCostOption,
  buildMixBarsOption,
  buildMixWeeksOption,
  buildMoneyWeeksOption,
  costHeadline,
  mixGroups,
  mixHeadline,
  moneyHeadline,
  MONEY_COLORS,
  RESOLUTION_COLORS,
} from './money-options';

const tokens = DESIGN_TOKENS.light;
const WEEKS: IsoWeekRef[] = [
  { week: '2026-W46', start: '2026-11-09', end: '2026-11-15' },
  { week: '2026-W47', start: '2026-11-16', end: '2026-11-22' },
  { week: '2026-W48', start: '2026-11-23', end: '2026-11-29' },
];

const moneyRow = (
  week: string,
  currency: string,
  refundAmount: number,
  costAmount: number,
  complete = true,
): MoneyWeekRow => ({
  week,
  complete,
  currency,
  refunds: refundAmount ? 2 : 0,
  refundAmount,
  costClaims: costAmount ? 1 : 0,
  costAmount,
});

type Bar = {
  id: string;
  name: string;
  stack: string;
  data: ({ value: number; itemStyle?: { opacity?: number; decal?: unknown } } | number)[];
  markArea?: { data: { xAxis: string; name?: string }[][] };
  label?: { formatter: (p: { dataIndex: number }) => string };
};
const seriesOf = (option: { series?: unknown }) => option.series as Bar[];
const values = (bar: Bar) => bar.data.map((d) => (typeof d === 'number' ? d : d.value));

describe('buildMoneyWeeksOption', () => {
  const rows = [
    moneyRow('2026-11-09', 'EUR', 120, 40),
    moneyRow('2026-11-16', 'EUR', 80.5, 0),
    moneyRow('2026-11-23', 'EUR', 10, 5, false),
    moneyRow('2026-11-16', 'PLN', 999, 0),
  ];
  const option = buildMoneyWeeksOption(WEEKS, rows, 'EUR', tokens);
  const [refunds, costs] = seriesOf(option);

  it('stacks refunds paid and handling cost of one currency per week, never another currency', () => {
    expect(refunds.id).toBe('refund');
    expect(costs.id).toBe('cost');
    expect(refunds.stack).toBe(costs.stack);
    expect(values(refunds)).toEqual([120, 80.5, 10]);
    expect(values(costs)).toEqual([40, 0, 5]);
    expect(refunds.name).toBe('Refunds paid (EUR)');
  });

  it('hatches and marks the week that is not over, and only it', () => {
    const styled = refunds.data.map((d) => (typeof d === 'number' ? undefined : d.itemStyle));
    expect(styled[0]).toBeUndefined();
    expect(styled[2]).toMatchObject({ opacity: 0.55, color: MONEY_COLORS.refund });
    expect(styled[2]?.decal).toBeDefined();
    expect(refunds.markArea?.data).toEqual([
      [{ xAxis: 'W48', name: 'not over' }, { xAxis: 'W48' }],
    ]);
  });

  it('says a week without money had none, in the tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const empty = buildMoneyWeeksOption(WEEKS, [], 'EUR', tokens);
    expect(
      (empty.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 0 }]),
    ).toContain('no money went out');
    expect(formatter([{ dataIndex: 2 }])).toContain('not over yet');
    expect(formatter([{ dataIndex: 0 }])).toContain('(2 claims)');
  });
});

describe('moneyHeadline', () => {
  it('states the last complete week against the weeks before it and the period total', () => {
    const rows = [
      moneyRow('2026-11-09', 'EUR', 100, 0),
      moneyRow('2026-11-16', 'EUR', 300, 0),
      moneyRow('2026-11-23', 'EUR', 50, 0, false),
    ];
    // W47 (300) against W46 (100): up; the incomplete W48 is not "the last week".
    expect(moneyHeadline(WEEKS, rows, 'EUR')).toBe(
      '€300 went out on claims in W47, up from €100 a week before; €450 in the period',
    );
    expect(moneyHeadline(WEEKS, [], 'EUR')).toBe(
      'No refunds paid and no handling cost in this period',
    );
  });
});

const mixRow = (
  week: string,
  resolution: ResolutionWeekRow['resolution'],
  claims: number,
  total: number,
  complete = true,
): ResolutionWeekRow => ({
  week,
  complete,
  resolution,
  claims,
  units: claims,
  share: claims / total,
});

describe('buildMixWeeksOption', () => {
  const rows: ResolutionWeekRow[] = [
    mixRow('2026-11-09', 'refund', 6, 8),
    mixRow('2026-11-09', 'replacement', 2, 8),
    mixRow('2026-11-09', 'open', 0, 8),
    mixRow('2026-11-16', 'refund', 1, 4),
    mixRow('2026-11-16', 'open', 3, 4),
    mixRow('2026-11-23', 'open', 2, 2, false),
  ];
  const option = buildMixWeeksOption(WEEKS, rows, tokens);
  const series = seriesOf(option);

  it('draws one stacked series per outcome that occurs, in shares of the week, with fixed colours', () => {
    expect(series.map((s) => s.id)).toEqual(['refund', 'replacement', 'open']);
    expect(values(series[0])).toEqual([75, 25, 0]);
    expect(values(series[2])).toEqual([0, 75, 100]);
    expect((series[0] as unknown as { itemStyle: { color: string } }).itemStyle.color).toBe(
      RESOLUTION_COLORS.refund,
    );
  });

  it('hatches the open share and fades the week that is not over', () => {
    expect(
      (series[2] as unknown as { itemStyle: { decal?: unknown } }).itemStyle.decal,
    ).toBeDefined();
    const last = series[2].data[2];
    expect(typeof last === 'number' ? null : last.itemStyle?.opacity).toBe(0.55);
  });

  it('states how the last complete week’s claims ended so far', () => {
    expect(mixHeadline(rows, WEEKS)).toBe(
      '25.0% of W47’s claims ended in refund; 75.0% are still open',
    );
  });
});

describe('mixGroups and buildMixBarsOption', () => {
  const rows = [
    {
      reasonCode: 'wrong_size',
      reasonLabel: 'Wrong size',
      resolution: 'refund' as const,
      claims: 30,
      units: 30,
      share: 0.75,
    },
    {
      reasonCode: 'wrong_size',
      reasonLabel: 'Wrong size',
      resolution: 'rejected' as const,
      claims: 10,
      units: 10,
      share: 0.25,
    },
    {
      reasonCode: 'product_defect',
      reasonLabel: 'Product defect',
      resolution: 'replacement' as const,
      claims: 5,
      units: 6,
      share: 1,
    },
  ];
  const groups = mixGroups(
    rows,
    (r) => r.reasonCode,
    (r) => r.reasonLabel,
  );

  it('groups the rows by their key in the API’s order', () => {
    expect(groups.map((g) => [g.key, g.rows.length])).toEqual([
      ['wrong_size', 2],
      ['product_defect', 1],
    ]);
  });

  it('draws a 100 % bar per group with its claims at the end', () => {
    const option = buildMixBarsOption(groups, tokens);
    const series = seriesOf(option);
    expect(series.map((s) => s.id)).toEqual(['refund', 'replacement', 'rejected']);
    expect(values(series[0])).toEqual([75, 0]);
    expect(values(series[1])).toEqual([0, 100]);
    expect(series[2].label?.formatter({ dataIndex: 0 })).toBe('n = 40');
    expect(series[0].label).toBeUndefined();
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({
      dataIndex: 0,
      seriesId: 'rejected',
    });
    expect(tooltip).toContain('Rejected: 25.0% · 10 of 40 claims');
  });

  it('escapes user text in tooltips', () => {
    const option = buildMixBarsOption(
      [{ key: 'S<1>', label: '<img src=x>', rows: [rows[0]] }],
      tokens,
    );
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({
      dataIndex: 0,
      seriesId: 'refund',
    });
    expect(tooltip).not.toContain('<img');
    expect(tooltip).toContain('&#60;img src=x&#62;');
  });
});

describe('buildCostOption and costHeadline', () => {
  const row = (
    key: string,
    label: string,
    refundAmount: number,
    costAmount: number,
  ): CostOfQualityRow => ({
    key,
    label,
    currency: 'EUR',
    claims: 3,
    refunds: 2,
    refundAmount,
    costClaims: 1,
    costAmount,
    total: refundAmount + costAmount,
  });
  const rows = [row('SUP-001', 'Kestrel Electronics', 900, 600), row('SUP-002', 'Other', 400, 100)];

  it('stacks refunds and handling cost per supplier and labels the total', () => {
    const series = seriesOf(buildCostOption(rows, 'EUR', tokens));
    expect(series.map((s) => s.id)).toEqual(['refund', 'cost']);
    expect(values(series[0])).toEqual([900, 400]);
    expect(values(series[1])).toEqual([600, 100]);
    expect(series[1].label?.formatter({ dataIndex: 0 })).toBe('€1,500');
  });

  it('names the largest cost and its share of the currency’s total', () => {
    expect(costHeadline(rows, 'EUR', 'supplier')).toBe(
      'Kestrel Electronics cost €1,500 — 75.0% of all',
    );
    expect(costHeadline(rows, 'PLN', 'supplier')).toBe('No money went out on claims by supplier');
  });
});
