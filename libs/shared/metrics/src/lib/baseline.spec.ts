import { compareWithBaseline } from './baseline';

describe('compareWithBaseline', () => {
  it('compares the last week with the mean of the four before it', () => {
    const kpi = compareWithBaseline([99, 8, 10, 12, 10, 15]);
    expect(kpi.value).toBe(15);
    expect(kpi.baseline).toBe(10);
    expect(kpi.change).toBe(5);
    expect(kpi.relativeChange).toBe(0.5);
    expect(kpi.sparkline).toEqual([99, 8, 10, 12, 10, 15]);
  });

  it('flags a large jump as significant and a flat week as not', () => {
    expect(compareWithBaseline([100, 100, 100, 100, 200]).significant).toBe(true);
    const flat = compareWithBaseline([4, 4, 4, 4, 4]);
    expect(flat.pValue).toBe(1);
    expect(flat.significant).toBe(false);
  });

  it('has no relative change against a zero baseline', () => {
    const kpi = compareWithBaseline([0, 0, 0, 0, 3]);
    expect(kpi.relativeChange).toBeNull();
    expect(kpi.baseline).toBe(0);
  });

  it('keeps only the last 12 weeks in the sparkline', () => {
    const series = Array.from({ length: 20 }, (_, i) => i);
    expect(compareWithBaseline(series).sparkline).toEqual(series.slice(8));
  });

  it('works with fewer than four earlier weeks', () => {
    expect(compareWithBaseline([6]).baseline).toBe(0);
    expect(compareWithBaseline([2, 6]).baseline).toBe(2);
  });
});
