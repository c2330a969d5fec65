import type { CohortWeek } from '@returnlens/shared/contracts';
import { buildCohortOption } from './cohort-option';
import { DESIGN_TOKENS } from './tokens';

const week = (n: number, sold: number, back: number, mature: boolean): CohortWeek => ({
  week: { week: `2026-W${n}`, start: '', end: '' },
  unitsSold: sold,
  returnedUnits: back,
  rate: sold ? back / sold : null,
  mature,
});

describe('buildCohortOption', () => {
  const option = buildCohortOption(
    [week(44, 1000, 58, true), week(45, 800, 20, false)],
    DESIGN_TOKENS.light,
    0.03,
  ) as unknown as {
    series: {
      data: { value: number; itemStyle: { opacity: number } }[];
      markLine: { data: { yAxis: number }[] };
    }[];
  };

  it('draws a mature cohort solid and an immature one faint', () => {
    const [mature, open] = option.series[0].data;
    expect(mature.value).toBe(5.8);
    expect(mature.itemStyle.opacity).toBe(1);
    expect(open.value).toBe(2.5);
    expect(open.itemStyle.opacity).toBeLessThan(1);
  });

  it('marks the target', () => {
    expect(option.series[0].markLine.data[0].yAxis).toBe(3);
  });
});
