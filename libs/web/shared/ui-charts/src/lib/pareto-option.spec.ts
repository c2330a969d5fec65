import type { ParetoRow } from '@returnlens/shared/contracts';
import { buildParetoOption, escapeHtml, paretoHeadline } from './pareto-option';
import { CATEGORY_COLORS, DESIGN_TOKENS } from './tokens';

const rows: ParetoRow[] = [
  {
    reasonCode: 'product_defect',
    reasonLabel: 'Product defect',
    category: 'product_quality',
    claims: 5,
    share: 0.5,
    cumulativeShare: 0.5,
  },
  {
    reasonCode: 'wrong_size',
    reasonLabel: 'Wrong size',
    category: 'listing_accuracy',
    claims: 3,
    share: 0.3,
    cumulativeShare: 0.8,
  },
  {
    reasonCode: 'other',
    reasonLabel: '<b>Other</b>',
    category: 'other',
    claims: 2,
    share: 0.2,
    cumulativeShare: 1,
  },
];

type Series = { data: unknown[]; type: string; yAxisIndex?: number };

describe('buildParetoOption', () => {
  const option = buildParetoOption(rows, DESIGN_TOKENS.light);
  const series = option.series as Series[];

  it('draws one bar per reason in the given order, coloured by category', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual([
      'Product defect',
      'Wrong size',
      '<b>Other</b>',
    ]);
    expect(series[0].type).toBe('bar');
    expect(series[0].data).toEqual([
      {
        value: 5,
        itemStyle: { color: CATEGORY_COLORS.product_quality, borderRadius: [3, 3, 0, 0] },
      },
      {
        value: 3,
        itemStyle: { color: CATEGORY_COLORS.listing_accuracy, borderRadius: [3, 3, 0, 0] },
      },
      { value: 2, itemStyle: { color: CATEGORY_COLORS.other, borderRadius: [3, 3, 0, 0] } },
    ]);
  });

  it('draws the cumulative share in percent on the second axis', () => {
    expect(series[1]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [50, 80, 100] });
  });

  it('takes its text colours from the theme', () => {
    expect(buildParetoOption(rows, DESIGN_TOKENS.dark).textStyle).toMatchObject({
      color: DESIGN_TOKENS.dark.text,
    });
  });

  it('escapes user text in the tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([{ dataIndex: 2 }]);
    expect(html).toContain('&#60;b&#62;Other&#60;/b&#62;');
    expect(html).not.toContain('<b>Other</b>');
    expect(html).toContain('2 claims · 20.0% of the week');
  });
});

describe('paretoHeadline', () => {
  it('states the two largest reasons and how many reasons make 80%', () => {
    expect(paretoHeadline(rows)).toBe(
      'Product defect and Wrong size make up 80.0% of claims; 2 of 3 reasons cover 80%',
    );
  });

  it('handles one reason and none', () => {
    expect(paretoHeadline(rows.slice(0, 1))).toBe('All claims came for one reason: Product defect');
    expect(paretoHeadline([])).toBe('No claims this week');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;',
    );
  });
});
