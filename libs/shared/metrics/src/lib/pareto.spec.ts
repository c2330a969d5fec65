import { paretoShares } from './pareto';

describe('paretoShares', () => {
  it('sorts by count and accumulates shares', () => {
    expect(
      paretoShares([
        { key: 'c', count: 2 },
        { key: 'a', count: 5 },
        { key: 'd', count: 0 },
        { key: 'b', count: 3 },
      ]),
    ).toEqual([
      { key: 'a', count: 5, share: 0.5, cumulativeShare: 0.5 },
      { key: 'b', count: 3, share: 0.3, cumulativeShare: 0.8 },
      { key: 'c', count: 2, share: 0.2, cumulativeShare: 1 },
    ]);
  });

  it('breaks ties by key so the order is stable', () => {
    expect(
      paretoShares([
        { key: 'y', count: 1 },
        { key: 'x', count: 1 },
      ]).map((r) => r.key),
    ).toEqual(['x', 'y']);
  });

  it('returns nothing for an empty or all-zero input', () => {
    expect(paretoShares([])).toEqual([]);
    expect(paretoShares([{ key: 'a', count: 0 }])).toEqual([]);
  });
});
