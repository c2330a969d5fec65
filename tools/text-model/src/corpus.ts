import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { corpusSplit, type CorpusSplit } from '@returnlens/shared/text';

/** The labelled corpus (../shared/text-corpus beside the repository, or TEXT_CORPUS). */
export const CORPUS_DIR = resolve(
  process.env['TEXT_CORPUS'] ?? join(__dirname, '../../../../shared/text-corpus'),
);

export type Polarity = 'positive' | 'negative' | 'neutral';

export interface CorpusRow {
  readonly text: string;
  readonly label: Polarity;
  readonly lang: string;
  readonly file: string;
  readonly sourceId: string;
  readonly split: CorpusSplit;
}

/** Languages the shipped models are trained for (the corpus's ar and hi are left out). */
export const MODEL_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'ru', 'he'] as const;

/** Every row of every corpus CSV, with its split (see `corpusSplit`). */
export function readCorpus(dir = CORPUS_DIR): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()) {
    const records = parse(readFileSync(join(dir, file), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as { text: string; label: string; lang: string; source_id: string }[];
    for (const r of records) {
      if (r.label !== 'positive' && r.label !== 'negative' && r.label !== 'neutral') continue;
      rows.push({
        text: r.text,
        label: r.label,
        lang: r.lang,
        file,
        sourceId: r.source_id,
        split: corpusSplit(r.text),
      });
    }
  }
  return rows;
}

/** What a sentiment reader answered: a label, or `unscored` when it could not read the text. */
export type Answer = Polarity | 'unscored';

export interface SentimentFigures {
  readonly n: number;
  /** Texts labelled positive or negative. */
  readonly nBinary: number;
  /** Mean F1 of positive and negative over the positive/negative texts; any other answer is a miss. */
  readonly binaryF1: number;
  /** Mean F1 of the three classes over all texts; `unscored` is a miss. */
  readonly threeF1: number;
  /** Share of texts that got a label (not `unscored`). */
  readonly coverage: number;
}

function f1(tp: number, fp: number, fn: number): number {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function macro(
  pairs: readonly (readonly [Polarity, Answer])[],
  classes: readonly Polarity[],
): number {
  const present = classes.filter((c) => pairs.some(([g]) => g === c));
  if (!present.length) return 0;
  let sum = 0;
  for (const c of present) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [g, p] of pairs) {
      if (g === c && p === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    }
    sum += f1(tp, fp, fn);
  }
  return sum / present.length;
}

export function sentimentFigures(
  pairs: readonly (readonly [Polarity, Answer])[],
): SentimentFigures {
  const binary = pairs.filter(([g]) => g !== 'neutral');
  return {
    n: pairs.length,
    nBinary: binary.length,
    binaryF1: macro(binary, ['positive', 'negative']),
    threeF1: macro(pairs, ['positive', 'negative', 'neutral']),
    coverage: pairs.length ? pairs.filter(([, p]) => p !== 'unscored').length / pairs.length : 0,
  };
}
