import {
  buildDeliveryRatingsOption,
  deliveryHeadline,
  buildNetSentimentBarsOption,
  buildRatingDistributionOption,
  buildSentimentTrendOption,
  ratingColors,
  ratingHeadline,
} from './feedback-options';
import { buildRateTrendOption, sparklinePath } from './supplier-options';
import { DESIGN_TOKENS } from './tokens';

const tokens = DESIGN_TOKENS.light;

describe('buildRatingDistributionOption', () => {
  const option = buildRatingDistributionOption([10, 10, 20, 20, 40], tokens);
  const series = option.series as {
    name: string;
    stack: string;
    data: number[];
    itemStyle: { color: string };
  }[];

  it('stacks 1★ to 5★ as shares of 100 % on a diverging scale', () => {
    expect(series.map((s) => s.name)).toEqual(['1★', '2★', '3★', '4★', '5★']);
    expect(series.map((s) => s.data[0])).toEqual([10, 10, 20, 20, 40]);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
    expect(series.map((s) => s.itemStyle.color)).toEqual(ratingColors(tokens));
  });

  it('states the share of high and low ratings', () => {
    expect(ratingHeadline([10, 10, 20, 20, 40])).toBe(
      '60.0% of rated feedback gives 4–5★, 20.0% gives 1–2★',
    );
    expect(ratingHeadline([0, 0, 0, 0, 0])).toBe('No rated feedback in this period');
  });
});

describe('buildSentimentTrendOption', () => {
  it('stacks labels per week and draws net sentiment in points', () => {
    const option = buildSentimentTrendOption(
      [{ week: '2026-W05', positive: 6, neutral: 2, negative: 2, netSentiment: 0.4 }],
      tokens,
    );
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Negative', [2]],
      ['Neutral', [2]],
      ['Positive', [6]],
      ['Net sentiment', [40]],
    ]);
  });
});

describe('buildNetSentimentBarsOption', () => {
  it('colours negative groups orange and positive ones blue', () => {
    const option = buildNetSentimentBarsOption(
      [
        { key: 'he', label: 'Hebrew', items: 10, netSentiment: -0.2 },
        { key: 'en', label: 'English', items: 50, netSentiment: 0.3 },
      ],
      tokens,
    );
    const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]
      .data;
    expect(data).toEqual([
      { value: -20, itemStyle: { color: tokens.divergingNegative } },
      { value: 30, itemStyle: { color: tokens.divergingPositive } },
    ]);
  });
});

describe('supplier trend and sparklines', () => {
  it('draws the weekly rate in percent against the overall rate', () => {
    const option = buildRateTrendOption(
      [
        { week: '2026-W01', start: '', end: '' },
        { week: '2026-W02', start: '', end: '' },
      ],
      [0.01, null],
      0.005,
      tokens,
    );
    const series = (
      option.series as { data: (number | null)[]; markLine: { data: { yAxis: number }[] } }[]
    )[0];
    expect(series.data).toEqual([1, null]);
    expect(series.markLine.data).toEqual([{ yAxis: 0.5 }]);
  });

  it('draws a sparkline path, lifting the pen over gaps', () => {
    expect(sparklinePath([0, 1, null, 1], 30, 11)).toBe('M0,10L10,1M30,1');
    expect(sparklinePath([null], 30, 10)).toBe('');
  });
});

describe('feedback by delivery', () => {
  const rows = [
    { delivery: 'on_time' as const, items: 9, ratings: [0, 0, 2, 3, 4], netSentiment: 7 / 9 },
    { delivery: 'late' as const, items: 3, ratings: [2, 1, 0, 0, 0], netSentiment: -1 },
  ];

  it('says how late deliveries are rated against on-time ones', () => {
    expect(deliveryHeadline(rows)).toBe(
      'Late deliveries: net sentiment −100 against +78 on time (3 and 9 items)',
    );
    expect(
      deliveryHeadline([{ ...rows[0] }, { ...rows[1], items: 0, ratings: [0, 0, 0, 0, 0] }]),
    ).toBe('No late delivery among the 9 reviewed orders');
  });

  it('draws one 100 % rating bar per delivery outcome, named with items and net sentiment', () => {
    const option = buildDeliveryRatingsOption(rows, tokens) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    expect(option.yAxis.data).toEqual(['On time · 9 · net +78', 'Late · 3 · net −100']);
    // 1★ of the late ones: 2 of 3 rated.
    expect(option.series[0].data).toEqual([0, 66.7]);
    expect(option.series[4].data).toEqual([44.4, 0]);
  });
});
