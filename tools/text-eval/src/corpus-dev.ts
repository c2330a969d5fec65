import {
  analyzeFeedback,
  labelOf,
  modelNameFor,
  readSentiment,
  topClass,
} from '@returnlens/shared/text';
import {
  type Answer,
  MODEL_LANGUAGES,
  readCorpus,
  sentimentFigures,
  type SentimentFigures,
} from '@returnlens/tools/text-model';

/**
 * Rules, trained model, combiner (model + the rules' cues) and ensemble (what analyzeFeedback
 * answers: the rules where they are confident, else the combiner) on the corpus's dev split
 * (corpusSplit: never trained on), per language and per source file, from the text alone (no
 * language hint). Binary macro-F1 counts a neutral or unscored answer on a positive or
 * negative text as a miss; coverage is the share of texts given any label.
 */
export function evaluateCorpusDev(): string {
  const dev = readCorpus().filter(
    (r) => r.split === 'dev' && (MODEL_LANGUAGES as readonly string[]).includes(r.lang),
  );
  const answers = dev.map((row) => {
    const reading = readSentiment(row.text);
    const rules: Answer = reading.rules ? labelOf(reading.rules.score) : 'unscored';
    const model: Answer = reading.model ? topClass(reading.model) : 'unscored';
    const combiner: Answer = reading.ensemble ? topClass(reading.ensemble) : rules;
    const label = analyzeFeedback(row.text).sentimentLabel;
    const ensemble: Answer = label === 'unscored' ? 'unscored' : label;
    return { row, rules, model, combiner, ensemble };
  });
  const lines = [
    `Corpus dev split (${dev.length} texts, never trained on); model ${modelNameFor('en') ? 'loaded' : 'NOT loaded'}.`,
    '',
    '| set | texts | pos/neg | binary F1 rules | model | combiner | ensemble | 3-class F1 rules | model | combiner | ensemble | coverage rules | model | ensemble |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const row = (name: string, list: typeof answers) => {
    const f = (k: 'rules' | 'model' | 'combiner' | 'ensemble'): SentimentFigures =>
      sentimentFigures(list.map((a) => [a.row.label, a[k]] as const));
    const [r, m, c, e] = [f('rules'), f('model'), f('combiner'), f('ensemble')];
    const p = (x: number) => x.toFixed(2);
    lines.push(
      `| ${name} | ${r.n} | ${r.nBinary} | ${p(r.binaryF1)} | ${p(m.binaryF1)} | ${p(c.binaryF1)} | **${p(e.binaryF1)}** | ${p(r.threeF1)} | ${p(m.threeF1)} | ${p(c.threeF1)} | ${p(e.threeF1)} | ${p(r.coverage)} | ${p(m.coverage)} | ${p(e.coverage)} |`,
    );
  };
  for (const lang of MODEL_LANGUAGES) {
    const of = answers.filter((a) => a.row.lang === lang);
    row(`**${lang}**`, of);
    const files = [...new Set(of.map((a) => a.row.file))].sort();
    if (files.length > 1) {
      for (const file of files) {
        row(
          `${lang}: ${file.replace(/\.csv$/, '')}`,
          of.filter((a) => a.row.file === file),
        );
      }
    }
  }
  return lines.join('\n');
}
