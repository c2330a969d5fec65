import {
  aspectHeadline,
  aspectsLabel,
  buildAspectDivergingOption,
  sortAspects,
  textOn,
  type AspectRow,
} from './aspect-options';
import { DESIGN_TOKENS } from './tokens';

const tokens = DESIGN_TOKENS.light;
const aspect = (
  code: string,
  label: string,
  positive: number,
  neutral: number,
  negative: number,
): AspectRow => {
  const total = positive + neutral + negative;
  return {
    aspect: code,
    label,
    positive,
    neutral,
    negative,
    netSentiment: total ? (positive - negative) / total : null,
  };
};
const aspects = [
  aspect('price', 'Price and promotions', 60, 20, 20),
  aspect('size_fit', 'Size and fit', 10, 20, 70),
  aspect('packaging', 'Packaging / transit damage', 0, 0, 0),
];

type Series = { name: string; stack: string; data: number[]; itemStyle: { color: string } };

describe('buildAspectDivergingOption', () => {
  const option = buildAspectDivergingOption(aspects, tokens);
  const series = option.series as Series[];

  it('puts the least positive aspect on top and leaves out aspects nobody mentioned', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual([
      'Size and fit (100)',
      'Price and promotions (100)',
    ]);
    expect(sortAspects(aspects).map((a) => a.aspect)).toEqual(['size_fit', 'price']);
  });

  it('draws negative shares left of zero, positive right, and neutral split across zero', () => {
    expect(series.map((s) => s.name)).toEqual(['Neutral', 'Negative', 'Neutral', 'Positive']);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
    const byName = (i: number) => series[i].data;
    expect(byName(1)).toEqual([-70, -20]); // negative
    expect(byName(0)).toEqual([-10, -10]); // half of neutral, left
    expect(byName(2)).toEqual([10, 10]); // half of neutral, right
    expect(byName(3)).toEqual([10, 60]); // positive
    expect(series.map((s) => s.itemStyle.color)).toEqual([
      tokens.divergingNeutral,
      tokens.divergingNegative,
      tokens.divergingNeutral,
      tokens.divergingPositive,
    ]);
  });

  it('keeps the axis symmetric around zero, wide enough for the longest side', () => {
    const x = option.xAxis as {
      min: number;
      max: number;
      axisLabel: { formatter: (v: number) => string };
    };
    expect([x.min, x.max]).toEqual([-80, 80]);
    expect(x.axisLabel.formatter(-40)).toBe('40%');
  });

  it('draws nothing for no mentions', () => {
    const empty = buildAspectDivergingOption([], tokens);
    expect((empty.series as Series[]).every((s) => s.data.length === 0)).toBe(true);
  });
});

describe('aspect headline and label', () => {
  it('names the aspect with the lowest net sentiment', () => {
    expect(aspectHeadline(aspects)).toBe(
      'Size and fit draws the most criticism: 70.0% of its 100 mentions are negative (net \u221260)',
    );
  });

  it('skips aspects with too few mentions to judge, unless nothing else is there', () => {
    const few = [
      aspect('price', 'Price and promotions', 40, 0, 10),
      aspect('packaging', 'Packaging', 0, 0, 3),
    ];
    expect(aspectHeadline(few)).toMatch(
      /^Every aspect is discussed more positively than negatively; least so Price/,
    );
    expect(aspectHeadline([few[1]])).toMatch(/^Packaging draws the most criticism/);
    expect(aspectHeadline([])).toBe('No aspects mentioned in reviews in this period');
  });

  it('summarises every aspect for screen readers', () => {
    expect(aspectsLabel(aspects)).toBe(
      'Size and fit: 70 negative, 20 neutral, 10 positive (net \u221260); Price and promotions: 20 negative, 20 neutral, 60 positive (net +40)',
    );
  });

  it('picks the label colour that reads on the bar', () => {
    expect(textOn('#0072B2')).toBe('#ffffff');
    expect(textOn('#b4bac2')).toBe('#1d232b');
  });
});
