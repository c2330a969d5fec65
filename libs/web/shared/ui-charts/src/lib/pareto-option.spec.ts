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
  // The same shares with 10× the claims: 50 + 30 + 20 = 100 claims.
  const many = rows.map((r) => ({ ...r, claims: r.claims * 10 }));

  it('states the two largest reasons and how many reasons make 80%', () => {
    expect(paretoHeadline(many)).toBe(
      'Product defect and Wrong size make up 80.0% of claims; 2 of 3 reasons cover 80%',
    );
  });

  it('on a filtered page, says what the share is of', () => {
    expect(paretoHeadline(many, { filters: 'Supplier: SUP-001' })).toBe(
      'Product defect and Wrong size make up 80.0% of the claims of Supplier: SUP-001; 2 of 3 reasons cover 80%',
    );
    expect(paretoHeadline(many.slice(0, 1), { filters: 'Reason: Product defect' })).toBe(
      'All 50 claims of Reason: Product defect came for one reason: Product defect',
    );
  });

  it('rests on at least 30 claims, else says how few there are', () => {
    // 5 + 3 + 2 = 10 claims
    expect(paretoHeadline(rows)).toBe(
      'Only 10 claims: too few for a finding (a headline needs 30)',
    );
    expect(paretoHeadline(rows.slice(0, 1), { filters: 'Supplier: SUP-009' })).toBe(
      'Only 5 claims (Supplier: SUP-009): too few for a finding (a headline needs 30)',
    );
    expect(paretoHeadline(many.slice(0, 1))).toBe(
      'All 50 claims came for one reason: Product defect',
    );
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
