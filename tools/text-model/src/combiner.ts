import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMBINER_FEATURES,
  combinerFeatures,
  fitCombiner,
  MODEL_CLASSES,
  readSentiment,
} from '@returnlens/shared/text';
import type { CorpusRow } from './corpus';

/** L2 penalty and iterations of the combiner's fit (fixed; not tuned on dev). */
export const COMBINER_FIT = { iterations: 3000, rate: 0.5, l2: 0.003, balanced: true };

/**
 * Fits one combiner per language on the `combiner` split (texts neither model nor combiner
 * saw otherwise), the texts read with their corpus language as the hint, and writes
 * combiner.json to `dir`. The models must be loaded (loadTextModels) before.
 */
export function trainCombiner(
  rows: readonly CorpusRow[],
  languages: readonly string[],
  dir: string,
): Record<string, number> {
  const weights: Record<string, number[][]> = {};
  const counts: Record<string, number> = {};
  for (const language of languages) {
    const part = rows.filter((r) => r.lang === language && r.split === 'combiner');
    const x: number[][] = [];
    const y: number[] = [];
    for (const row of part) {
      const reading = readSentiment(row.text, { languageHint: row.lang });
      if (!reading.model) continue;
      x.push(combinerFeatures(reading.model, reading.cues));
      y.push(MODEL_CLASSES.indexOf(row.label));
    }
    counts[language] = x.length;
    weights[language] = fitCombiner(x, y, COMBINER_FIT).map((row) =>
      row.map((w) => Math.round(w * 1e4) / 1e4),
    );
  }
  writeFileSync(
    join(dir, 'combiner.json'),
    JSON.stringify(
      {
        classes: MODEL_CLASSES,
        features: COMBINER_FEATURES,
        fit: { ...COMBINER_FIT, texts: counts },
        weights,
      },
      null,
      1,
    ) + '\n',
  );
  return counts;
}
