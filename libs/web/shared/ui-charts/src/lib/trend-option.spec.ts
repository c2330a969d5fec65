import type { CategoryTrend, IsoWeekRef } from '@returnlens/shared/contracts';
import { buildCategoryTrendOption } from './trend-option';
import { CATEGORY_COLORS, DESIGN_TOKENS } from './tokens';

const weeks: IsoWeekRef[] = [
  { week: '2026-W52', start: '2026-12-21', end: '2026-12-27' },
  { week: '2026-W53', start: '2026-12-28', end: '2027-01-03' },
  { week: '2027-W01', start: '2027-01-04', end: '2027-01-10' },
];
const trend: CategoryTrend[] = [
  { category: 'product_quality', label: 'Product quality', claims: [3, 4, 5] },
  { category: 'service', label: 'Service', claims: [0, 0, 0] },
  { category: 'fulfilment', label: 'Fulfilment', claims: [1, 0, 2] },
];

describe('buildCategoryTrendOption', () => {
  const option = buildCategoryTrendOption(weeks, trend, DESIGN_TOKENS.light);
  const series = option.series as {
    name: string;
    stack: string;
    data: number[];
    itemStyle: { color: string };
  }[];

  it('labels weeks by number across a year boundary', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['W52', 'W53', 'W1']);
  });

  it('stacks one series per category that had claims, in its fixed colour', () => {
    expect(series.map((s) => s.name)).toEqual(['Product quality', 'Fulfilment']);
    expect(series.every((s) => s.stack === 'claims')).toBe(true);
    expect(series[0].data).toEqual([3, 4, 5]);
    expect(series[1].itemStyle.color).toBe(CATEGORY_COLORS.fulfilment);
  });

  it('totals the week in the tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([
      { dataIndex: 2, seriesName: 'Product quality', value: 5, color: '#D55E00' },
      { dataIndex: 2, seriesName: 'Fulfilment', value: 2, color: '#0072B2' },
    ]);
    expect(html).toContain('<strong>2027-W01</strong> (2027-01-04 – 2027-01-10) · 7 claims');
  });
});
