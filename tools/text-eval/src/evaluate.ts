// Packages without types this workspace can read (see the .d.ts files).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./vader-sentiment.d.ts" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../libs/shared/text/src/lib/tinyld.d.ts" />
import { analyzeFeedback, detectLanguage, inferReason } from '@returnlens/shared/text';
import { detect as tinyldDetect } from 'tinyld/heavy';
import { SentimentIntensityAnalyzer } from 'vader-sentiment';
import { EVAL_LANGUAGES, type Dataset, type EvalLanguage } from './datasets';
import { classF1, score, setF1 } from './metrics';

export interface LanguageRow {
  readonly language: EvalLanguage;
  readonly detection: { n: number; accuracy: number; f1: number };
  readonly sentiment: { n: number; accuracy: number; macroF1: number };
  readonly reasons: { n: number; accuracy: number; macroF1: number };
  readonly aspects: { n: number; f1: number; polarity: number };
}

export interface Baselines {
  /** vader-sentiment alone on the English sentiment examples. */
  readonly vaderEnglish: { accuracy: number; macroF1: number };
  /** tinyld (heavy) alone: share of texts whose language it names correctly, all languages. */
  readonly tinyldAccuracy: number;
  /** Language detection of this lib on the same texts. */
  readonly detectionAccuracy: number;
  /** Majority class ("always positive") sentiment macro-F1, all languages pooled. */
  readonly majorityMacroF1: number;
}

export interface Evaluation {
  readonly dataset: Dataset;
  readonly rows: readonly LanguageRow[];
  readonly otherLanguages: { n: number; accuracy: number };
  readonly baselines: Baselines;
  readonly errors: readonly string[];
}

const VADER_LABEL = (compound: number) =>
  compound >= 0.05 ? 'positive' : compound <= -0.05 ? 'negative' : 'neutral';

function parseAspects(spec: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (spec ?? '').split(/\s+/).filter(Boolean)) {
    const sign = part.slice(-1);
    out.set(part.slice(0, -1), sign === '+' ? 'positive' : sign === '-' ? 'negative' : 'neutral');
  }
  return out;
}

/** Runs the lib over a dataset and scores it per language. */
export function evaluate(dataset: Dataset): Evaluation {
  const errors: string[] = [];
  const detectionPairs: [string, string][] = [];
  const detectionByLanguage = new Map<string, [string, string][]>();
  const tinyldPairs: [string, string][] = [];
  const record = (gold: string, text: string) => {
    const predicted = detectLanguage(text).language;
    detectionPairs.push([gold, predicted]);
    const list = detectionByLanguage.get(gold) ?? [];
    list.push([gold, predicted]);
    detectionByLanguage.set(gold, list);
    tinyldPairs.push([gold, tinyldDetect(text) || 'und']);
    if (gold !== predicted) errors.push(`lang   ${gold} → ${predicted}: ${text}`);
  };
  for (const language of EVAL_LANGUAGES) {
    const fixtures = dataset.languages[language];
    const texts = [...fixtures.sentiment.map((e) => e[1]), ...fixtures.reasons.map((e) => e[1])];
    for (const text of texts) record(fixtures.detectAs?.[text] ?? language, text);
  }
  for (const [language, text] of dataset.languageOnly) record(language, text);

  const rows: LanguageRow[] = [];
  const allSentiment: [string, string][] = [];
  const vaderPairs: [string, string][] = [];
  for (const language of EVAL_LANGUAGES) {
    const fixtures = dataset.languages[language];
    const sentimentPairs: [string, string][] = [];
    const aspectItems: [Set<string>, Set<string>][] = [];
    let polarityHits = 0;
    let polarityTotal = 0;
    let aspectExamples = 0;
    for (const [gold, text, aspects] of fixtures.sentiment) {
      const result = analyzeFeedback(text, { languageHint: null });
      sentimentPairs.push([gold, result.sentimentLabel]);
      allSentiment.push([gold, result.sentimentLabel]);
      if (gold !== result.sentimentLabel) {
        errors.push(
          `sent   ${language} ${gold} → ${result.sentimentLabel} (${result.sentimentScore}): ${text}`,
        );
      }
      if (language === 'en') {
        vaderPairs.push([
          gold,
          VADER_LABEL(SentimentIntensityAnalyzer.polarity_scores(text).compound),
        ]);
      }
      if (aspects !== undefined) {
        aspectExamples++;
        const goldAspects = parseAspects(aspects);
        const predicted = new Map(
          result.aspects.map((a) => [a.aspect as string, a.sentiment as string]),
        );
        aspectItems.push([new Set(goldAspects.keys()), new Set(predicted.keys())]);
        for (const [aspect, polarity] of goldAspects) {
          if (!predicted.has(aspect)) continue;
          polarityTotal++;
          if (predicted.get(aspect) === polarity) polarityHits++;
        }
        const missing = [...goldAspects.keys()].filter((a) => !predicted.has(a));
        const extra = [...predicted.keys()].filter((a) => !goldAspects.has(a));
        if (missing.length || extra.length) {
          errors.push(`aspect ${language} missing [${missing}] extra [${extra}]: ${text}`);
        }
      }
    }
    const reasonPairs: [string, string][] = [];
    for (const [gold, text] of fixtures.reasons) {
      const result = inferReason(text);
      reasonPairs.push([gold, result.code]);
      if (gold !== result.code) {
        errors.push(
          `reason ${language} ${gold} → ${result.code} (${result.candidate} ${result.confidence}): ${text}`,
        );
      }
    }
    const detection = detectionByLanguage.get(language) ?? [];
    const s = score(sentimentPairs);
    const r = score(reasonPairs);
    rows.push({
      language,
      detection: {
        n: detection.length,
        accuracy: score(detection).accuracy,
        f1: classF1(detectionPairs, language),
      },
      sentiment: { n: s.n, accuracy: s.accuracy, macroF1: s.macroF1 },
      reasons: { n: r.n, accuracy: r.accuracy, macroF1: r.macroF1 },
      aspects: {
        n: aspectExamples,
        f1: setF1(aspectItems).f1,
        polarity: polarityTotal ? polarityHits / polarityTotal : 0,
      },
    });
  }
  const others = dataset.languageOnly.filter(
    ([l]) => !(EVAL_LANGUAGES as readonly string[]).includes(l),
  );
  const otherPairs = others.map(([l, t]) => [l, detectLanguage(t).language] as [string, string]);
  const vader = score(vaderPairs);
  const majority = score(allSentiment.map(([g]) => [g, 'positive'] as [string, string]));
  return {
    dataset,
    rows,
    otherLanguages: { n: otherPairs.length, accuracy: score(otherPairs).accuracy },
    baselines: {
      vaderEnglish: { accuracy: vader.accuracy, macroF1: vader.macroF1 },
      tinyldAccuracy: score(tinyldPairs).accuracy,
      detectionAccuracy: score(detectionPairs).accuracy,
      majorityMacroF1: majority.macroF1,
    },
    errors,
  };
}

const pct = (x: number) => x.toFixed(2);

/** The evaluation as a Markdown table (what docs/text-analysis.md quotes). */
export function formatEvaluation(e: Evaluation): string {
  const lines = [
    `Dataset: ${e.dataset.name} — ${e.dataset.description}`,
    '',
    '| lang | detect n | detect acc | detect F1 | sentiment n | sent acc | sent macro-F1 | reason n | reason acc | reason macro-F1 | aspect F1 | aspect polarity acc |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of e.rows) {
    lines.push(
      `| ${r.language} | ${r.detection.n} | ${pct(r.detection.accuracy)} | ${pct(r.detection.f1)} | ${r.sentiment.n} | ${pct(r.sentiment.accuracy)} | ${pct(r.sentiment.macroF1)} | ${r.reasons.n} | ${pct(r.reasons.accuracy)} | ${pct(r.reasons.macroF1)} | ${pct(r.aspects.f1)} | ${pct(r.aspects.polarity)} |`,
    );
  }
  lines.push('');
  if (e.otherLanguages.n) {
    lines.push(
      `Other languages and und (uk, bg, fr, es, no-language texts): ${e.otherLanguages.n} texts, detection accuracy ${pct(e.otherLanguages.accuracy)}`,
    );
  }
  lines.push(
    `Baselines on the same texts: language detection — this lib ${pct(e.baselines.detectionAccuracy)} vs tinyld alone ${pct(e.baselines.tinyldAccuracy)}; ` +
      `English sentiment — vader-sentiment alone acc ${pct(e.baselines.vaderEnglish.accuracy)}, macro-F1 ${pct(e.baselines.vaderEnglish.macroF1)}; ` +
      `"always positive" macro-F1 ${pct(e.baselines.majorityMacroF1)}`,
  );
  return lines.join('\n');
}
