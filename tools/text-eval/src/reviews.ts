import { analyzeFeedback, labelOf, readSentiment } from '@returnlens/shared/text';
import { type Answer, type Polarity, sentimentFigures } from '@returnlens/tools/text-model';
import { DATASETS, EVAL_LANGUAGES } from './datasets';

/**
 * The hand-written shop reviews of every labelled set (test, heldout-N, dev-N, seen): the
 * rules alone against what analyzeFeedback answers with the trained models loaded, per set
 * and language — binary macro-F1 (a neutral or unscored answer on a positive or negative
 * review is a miss) and 3-class macro-F1. Only `test` was never looked at while tuning.
 */
export function evaluateReviews(): string {
  const lines = [
    'Shop reviews: rules alone vs ensemble (analyzeFeedback with the models loaded).',
    '',
    '| set | lang | reviews | pos/neg | binary F1 rules | ensemble | 3-class F1 rules | ensemble |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  const p = (x: number) => x.toFixed(2);
  for (const dataset of Object.values(DATASETS)) {
    for (const lang of EVAL_LANGUAGES) {
      const examples = dataset.languages[lang]?.sentiment ?? [];
      if (!examples.length) continue;
      const pairs = examples.map(([gold, text]) => {
        const reading = readSentiment(text);
        const rules: Answer = reading.rules ? labelOf(reading.rules.score) : 'unscored';
        const ensemble: Answer = analyzeFeedback(text).sentimentLabel;
        return { gold: gold as Polarity, rules, ensemble };
      });
      const r = sentimentFigures(pairs.map((x) => [x.gold, x.rules] as const));
      const e = sentimentFigures(pairs.map((x) => [x.gold, x.ensemble] as const));
      lines.push(
        `| ${dataset.name} | ${lang} | ${r.n} | ${r.nBinary} | ${p(r.binaryF1)} | **${p(e.binaryF1)}** | ${p(r.threeF1)} | ${p(e.threeF1)} |`,
      );
    }
  }
  return lines.join('\n');
}
