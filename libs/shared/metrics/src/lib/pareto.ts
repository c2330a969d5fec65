export interface ParetoInput {
  readonly key: string;
  readonly count: number;
}

export interface ParetoShare {
  readonly key: string;
  readonly count: number;
  /** Share of the total, 0–1. */
  readonly share: number;
  /** Share of the total of this and every larger item, 0–1. */
  readonly cumulativeShare: number;
}

/**
 * Sorts items by count (largest first, ties by key so the order is stable) and adds each
 * item's share and the running cumulative share. Items with a zero count are dropped.
 */
export function paretoShares(items: readonly ParetoInput[]): ParetoShare[] {
  const positive = items.filter((item) => item.count > 0);
  const total = positive.reduce((sum, item) => sum + item.count, 0);
  const sorted = [...positive].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  let running = 0;
  return sorted.map((item) => {
    running += item.count;
    return {
      key: item.key,
      count: item.count,
      share: item.count / total,
      cumulativeShare: running / total,
    };
  });
}
