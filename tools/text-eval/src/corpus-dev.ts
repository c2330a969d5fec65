import {
  SENTIMENT_CLASSES,
  analyzeFeedback,
  adaptationGate,
  binaryMacroF1,
  fitAdapted,
  sentimentPriors,
  textFeatures,
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
    const analysis = analyzeFeedback(row.text);
    const label = analysis.sentimentLabel;
    const ensemble: Answer = label === 'unscored' ? 'unscored' : label;
    const priors = sentimentPriors(
      label === 'unscored' ? null : analysis.sentimentScore,
      label === 'unscored' ? null : label,
    );
    return {
      row,
      rules,
      model,
      combiner,
      ensemble,
      adapted: 'unscored' as Answer,
      shop: 'unscored' as Answer,
      priors,
    };
  });
  // Adapted: what a shop whose labelled texts these were would get — per language, a model
  // trained on them over the ensemble's answer, each text predicted by the fold that did not
  // see it (5-fold cross-validation grouped by text, as the product validates a shop's model);
  // shop: the adapted answers where the product's gate would use them, else the ensemble's.
  for (const lang of MODEL_LANGUAGES) {
    const of = answers.filter((a) => a.row.lang === lang);
    const fitted = fitAdapted(
      of.map((a) => ({
        text: a.row.text,
        priors: a.priors,
        y: (SENTIMENT_CLASSES as readonly string[]).indexOf(a.row.label),
      })),
      SENTIMENT_CLASSES,
    );
    of.forEach((a, i) => (a.adapted = SENTIMENT_CLASSES[fitted.outOfFold[i]] ?? 'unscored'));
    // What the shop would see: the adapted model only where the gate lets it label.
    const gold = of.map((a) => a.row.label);
    const gate = adaptationGate({
      examples: of.length,
      minExamples: 300,
      adapted: binaryMacroF1(
        gold,
        of.map((a) => a.adapted),
      ),
      base: binaryMacroF1(
        gold,
        of.map((a) => a.ensemble),
      ),
    });
    of.forEach((a) => (a.shop = gate.use ? a.adapted : a.ensemble));
  }
  const lines = [
    `Corpus dev split (${dev.length} texts, never trained on); model ${modelNameFor('en') ? 'loaded' : 'NOT loaded'}.`,
    '',
    '| set | texts | pos/neg | binary F1 rules | model | combiner | ensemble | adapted (5-fold) | shop (gated) | 3-class F1 rules | model | combiner | ensemble | adapted | coverage rules | model | ensemble |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const row = (name: string, list: typeof answers) => {
    const f = (
      k: 'rules' | 'model' | 'combiner' | 'ensemble' | 'adapted' | 'shop',
    ): SentimentFigures => sentimentFigures(list.map((a) => [a.row.label, a[k]] as const));
    const [r, m, c, e, a, g] = [
      f('rules'),
      f('model'),
      f('combiner'),
      f('ensemble'),
      f('adapted'),
      f('shop'),
    ];
    const p = (x: number) => x.toFixed(2);
    lines.push(
      `| ${name} | ${r.n} | ${r.nBinary} | ${p(r.binaryF1)} | ${p(m.binaryF1)} | ${p(c.binaryF1)} | **${p(e.binaryF1)}** | **${p(a.binaryF1)}** | **${p(g.binaryF1)}** | ${p(r.threeF1)} | ${p(m.threeF1)} | ${p(c.threeF1)} | ${p(e.threeF1)} | ${p(a.threeF1)} | ${p(r.coverage)} | ${p(m.coverage)} | ${p(e.coverage)} |`,
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
