/** Accuracy and per-class F1 of labelled predictions. */
export interface Scores {
  readonly n: number;
  readonly accuracy: number;
  /** Mean F1 over the classes that occur in the gold labels or the predictions. */
  readonly macroF1: number;
  readonly perClass: ReadonlyMap<
    string,
    { precision: number; recall: number; f1: number; support: number }
  >;
}

export function score(pairs: readonly (readonly [gold: string, predicted: string])[]): Scores {
  const classes = new Set<string>();
  for (const [gold, predicted] of pairs) {
    classes.add(gold);
    classes.add(predicted);
  }
  const perClass = new Map<
    string,
    { precision: number; recall: number; f1: number; support: number }
  >();
  for (const c of classes) {
    const tp = pairs.filter(([g, p]) => g === c && p === c).length;
    const fp = pairs.filter(([g, p]) => g !== c && p === c).length;
    const fn = pairs.filter(([g, p]) => g === c && p !== c).length;
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass.set(c, { precision, recall, f1, support: tp + fn });
  }
  const correct = pairs.filter(([g, p]) => g === p).length;
  const f1s = [...perClass.values()].map((v) => v.f1);
  return {
    n: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    perClass,
  };
}

/** F1 of one class (`language`) judged over a whole multi-language set. */
export function classF1(pairs: readonly (readonly [string, string])[], label: string): number {
  return score(pairs).perClass.get(label)?.f1 ?? 0;
}

/** Precision/recall/F1 of predicted sets against gold sets (micro-averaged). */
export function setF1(
  items: readonly (readonly [gold: ReadonlySet<string>, predicted: ReadonlySet<string>])[],
): {
  precision: number;
  recall: number;
  f1: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [gold, predicted] of items) {
    for (const p of predicted)
      if (gold.has(p)) tp++;
      else fp++;
    for (const g of gold) if (!predicted.has(g)) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
