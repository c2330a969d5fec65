import {
  buildAttainmentOption,
  buildBacklogOption,
  buildDurationOption,
  formatTarget,
  mix,
  slaHeadline,
} from './sla-options';
import { DESIGN_TOKENS } from './tokens';

const tokens = DESIGN_TOKENS.light;

describe('buildAttainmentOption', () => {
  const rows = [
    { label: 'First response ≤ 24 h', met: 90, breached: 10, attainment: 0.9 },
    { label: 'Refund ≤ 10 d', met: 99, breached: 1, attainment: 0.99 },
    { label: 'Repair ≤ 45 d', met: 0, breached: 0, attainment: null },
  ];
  const option = buildAttainmentOption(rows, tokens);
  const bars = (
    option.series as {
      data: { value: number; itemStyle: { color: string } }[];
      markLine: { data: { xAxis: number }[] };
    }[]
  )[0];

  it('draws attainment in percent, bad below the goal and good above it', () => {
    expect(bars.data.map((d) => d.value)).toEqual([90, 99, 0]);
    expect(bars.data.map((d) => d.itemStyle.color)).toEqual([tokens.bad, tokens.good, tokens.good]);
    expect(bars.markLine.data).toEqual([{ xAxis: 95 }]);
  });

  it('labels each bar with the share and the counts', () => {
    const formatter = (
      option.series as { label: { formatter: (p: { dataIndex: number }) => string } }[]
    )[0].label.formatter;
    expect(formatter({ dataIndex: 0 })).toBe('90.0% · 90 of 100');
    expect(formatter({ dataIndex: 2 })).toBe('no decided claims');
  });
});

describe('SLA helpers', () => {
  it('write targets in days when whole days', () => {
    expect(formatTarget(24)).toBe('24 h');
    expect(formatTarget(240)).toBe('10 d');
  });

  it('names the policy furthest below the goal', () => {
    const policy = (label: string, attainment: number | null) => ({
      label,
      attainment,
      met: 1,
      breached: 1,
    });
    const rows = [policy('First response ≤ 24 h', 0.82), policy('Refund ≤ 10 d', 0.97)];
    expect(slaHeadline(rows)).toBe(
      'First response ≤ 24 h is met in only 82.0% of claims — below the 95 % goal',
    );
    expect(slaHeadline([policy('Refund ≤ 10 d', 0.97)])).toBe(
      'Every policy meets the 95 % goal; lowest: Refund ≤ 10 d at 97.0%',
    );
  });

  it('mixes colours linearly', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
});

describe('buildDurationOption', () => {
  it('draws median and p90 per week with the target line', () => {
    const weeks = [
      { week: '2026-W01', start: '', end: '' },
      { week: '2026-W02', start: '', end: '' },
    ];
    const option = buildDurationOption(
      weeks,
      { metric: 'first_response', median: [5.04, null], p90: [30.26, 20], count: [10, 0] },
      tokens,
      24,
    );
    const series = option.series as {
      name: string;
      data: (number | null)[];
      markLine?: { data: { yAxis: number }[] };
    }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Median', [5, null]],
      ['p90', [30.3, 20]],
    ]);
    expect(series[0].markLine?.data).toEqual([{ yAxis: 24 }]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['W1', 'W2']);
    // Ticks on hours people use: 6 h steps up to 36 h here; 3-day steps for a 400 h p90.
    expect(option.yAxis).toMatchObject({ interval: 6, max: 36 });
    const long = buildDurationOption(
      weeks,
      { metric: 'refund', median: [100, 120], p90: [300, 400], count: [1, 1] },
      tokens,
      240,
    );
    expect(long.yAxis).toMatchObject({ interval: 72, max: 432 });
  });
});

describe('buildBacklogOption', () => {
  it('shades older buckets darker', () => {
    const option = buildBacklogOption(
      [
        { bucket: '< 1 d', claims: 5 },
        { bucket: '≥ 14 d', claims: 2 },
      ],
      tokens,
    );
    const data = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0]
      .data;
    expect(data.map((d) => d.value)).toEqual([5, 2]);
    expect(data[1].itemStyle.color).toBe(tokens.sequentialHigh.toLowerCase());
  });
});
