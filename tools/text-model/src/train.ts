// `npm run train:text-model`: trains the shipped sentiment models from the labelled corpus
// (../shared/text-corpus, or TEXT_CORPUS) with Debian's `fasttext` (FASTTEXT, default
// `fasttext`), one model per language family, and writes them to libs/shared/text/models/
// with models.json and MODELS.md. Deterministic: fixed split (corpusSplit), fixed line order,
// one thread, fixed seed. Hyper-parameters are chosen among a few settings on the dev split.
//
//   npm run train:text-model [-- --only latin] [-- --grid]   (--grid: try every setting on dev)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  COMBINER_FEATURES,
  fnv1a,
  loadTextModels,
  normaliseForModel,
} from '@returnlens/shared/text';
import { COMBINER_FIT, trainCombiner } from './combiner';
import { manifestMarkdown } from './manifest';
import {
  type Answer,
  CORPUS_DIR,
  type CorpusRow,
  type Polarity,
  readCorpus,
  sentimentFigures,
} from './corpus';

export const REPO = resolve(__dirname, '../../..');
export const MODELS_DIR = join(REPO, 'libs/shared/text/models');
const WORK = resolve(process.env['TEXT_MODEL_WORK'] ?? join(tmpdir(), 'returnlens-text-model'));
const FASTTEXT = process.env['FASTTEXT'] ?? 'fasttext';
const SEED = 7;

/** One model per family: the languages whose training texts it learns from together. */
export const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  latin: ['en', 'es', 'fr', 'de', 'pt', 'it'],
  ru: ['ru'],
  he: ['he'],
};

interface Setting {
  readonly name: string;
  readonly args: readonly string[];
  /** Repeat the smaller classes of each language (up to 3×) towards its largest class. */
  readonly balance: boolean;
}

const COMMON = ['-loss', 'softmax', '-bucket', '200000', '-minCount', '1', '-thread', '1'];
const BASE_SETTINGS: readonly Omit<Setting, 'balance'>[] = [
  { name: 'words', args: ['-dim', '16', '-epoch', '20', '-lr', '0.5', '-wordNgrams', '2'] },
  {
    name: 'char3-5',
    args: [
      '-dim',
      '16',
      '-epoch',
      '20',
      '-lr',
      '0.5',
      '-wordNgrams',
      '2',
      '-minn',
      '3',
      '-maxn',
      '5',
    ],
  },
  {
    name: 'char2-5-d32',
    args: [
      '-dim',
      '32',
      '-epoch',
      '25',
      '-lr',
      '0.3',
      '-wordNgrams',
      '2',
      '-minn',
      '2',
      '-maxn',
      '5',
    ],
  },
  {
    name: 'char3-6-uni',
    args: [
      '-dim',
      '16',
      '-epoch',
      '30',
      '-lr',
      '0.2',
      '-wordNgrams',
      '1',
      '-minn',
      '3',
      '-maxn',
      '6',
    ],
  },
];
const SETTINGS: readonly Setting[] = BASE_SETTINGS.flatMap((s) => [
  { ...s, balance: false },
  { ...s, name: `${s.name}+bal`, balance: true },
]);
/** Words and n-grams kept by quantisation. */
const CUTOFF = '60000';

const LABELS: readonly Polarity[] = ['negative', 'neutral', 'positive'];

function run(args: readonly string[]): string {
  const out = spawnSync(FASTTEXT, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.status !== 0) throw new Error(`fasttext ${args.join(' ')} failed: ${out.stderr}`);
  return out.stdout;
}

/** The order lines are written in: by hash, so families mix languages and labels. */
function ordered(rows: readonly CorpusRow[]): CorpusRow[] {
  return [...rows].sort(
    (a, b) => fnv1a(`order:${a.lang}:${a.text}`) - fnv1a(`order:${b.lang}:${b.text}`),
  );
}

function trainingLines(rows: readonly CorpusRow[], balance: boolean): string[] {
  const lines: string[] = [];
  const byLanguage = new Map<string, CorpusRow[]>();
  for (const row of rows) byLanguage.set(row.lang, [...(byLanguage.get(row.lang) ?? []), row]);
  const repeats = new Map<string, number>();
  for (const [lang, list] of byLanguage) {
    const counts = LABELS.map((l) => list.filter((r) => r.label === l).length);
    const max = Math.max(...counts);
    LABELS.forEach((l, i) =>
      repeats.set(
        `${lang}:${l}`,
        balance && counts[i] ? Math.min(3, Math.round(max / counts[i])) : 1,
      ),
    );
  }
  for (const row of ordered(rows)) {
    const text = normaliseForModel(row.text);
    if (!text) continue;
    for (let k = 0; k < (repeats.get(`${row.lang}:${row.label}`) ?? 1); k++) {
      lines.push(`__label__${row.label} ${text}`);
    }
  }
  return lines;
}

/** Class probabilities of each dev text from a trained model file (.bin or .ftz). */
function predict(model: string, rows: readonly CorpusRow[]): Record<Polarity, number>[] {
  const input = join(WORK, 'predict.txt');
  writeFileSync(input, rows.map((r) => normaliseForModel(r.text) || '.').join('\n') + '\n');
  const out = run(['predict-prob', model, input, '3']).trimEnd().split('\n');
  if (out.length !== rows.length) throw new Error(`predict-prob: ${out.length} of ${rows.length}`);
  return out.map((line) => {
    const parts = line.split(' ');
    const probs: Record<Polarity, number> = { negative: 0, neutral: 0, positive: 0 };
    for (let i = 0; i + 1 < parts.length; i += 2) {
      probs[parts[i].replace('__label__', '') as Polarity] = Number(parts[i + 1]);
    }
    return probs;
  });
}

function argmax(p: Record<Polarity, number>): Polarity {
  return LABELS.reduce((best, l) => (p[l] > p[best] ? l : best), LABELS[0]);
}

export interface DevFigures {
  readonly byLanguage: Record<string, ReturnType<typeof sentimentFigures>>;
  readonly byFile: Record<string, ReturnType<typeof sentimentFigures>>;
  readonly mean: number;
}

function devFigures(
  model: string,
  dev: readonly CorpusRow[],
  languages: readonly string[],
): DevFigures {
  const probs = predict(model, dev);
  const pairs = dev.map((r, i) => [r.label, argmax(probs[i]) as Answer] as const);
  const group = (key: (r: CorpusRow) => string) => {
    const out: Record<string, ReturnType<typeof sentimentFigures>> = {};
    for (const k of [...new Set(dev.map(key))].sort()) {
      out[k] = sentimentFigures(pairs.filter((_, i) => key(dev[i]) === k));
    }
    return out;
  };
  const byLanguage = group((r) => r.lang);
  const mean =
    languages.reduce((s, l) => s + (byLanguage[l].binaryF1 + byLanguage[l].threeF1) / 2, 0) /
    languages.length;
  return { byLanguage, byFile: group((r) => r.file), mean };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export interface TrainedModel {
  readonly name: string;
  readonly file: string;
  readonly languages: readonly string[];
  readonly setting: string;
  readonly args: readonly string[];
  readonly quantize: readonly string[];
  readonly trainLines: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly grid: readonly { setting: string; mean: number }[];
  readonly dev: DevFigures;
}

function trainFamily(
  name: string,
  languages: readonly string[],
  rows: readonly CorpusRow[],
  grid: boolean,
): TrainedModel {
  const train = rows.filter((r) => languages.includes(r.lang) && r.split === 'train');
  const dev = rows.filter((r) => languages.includes(r.lang) && r.split === 'dev');
  const results: { setting: Setting; mean: number }[] = [];
  const candidates = grid ? SETTINGS : SETTINGS.filter((s) => s.name === DEFAULT_SETTING[name]);
  for (const setting of candidates) {
    const input = join(WORK, `${name}.${setting.name}.train.txt`);
    writeFileSync(input, trainingLines(train, setting.balance).join('\n') + '\n');
    const output = join(WORK, `${name}.${setting.name}`);
    run([
      'supervised',
      '-input',
      input,
      '-output',
      output,
      ...COMMON,
      ...setting.args,
      '-seed',
      String(SEED),
      '-verbose',
      '0',
    ]);
    const figures = devFigures(`${output}.bin`, dev, languages);
    results.push({ setting, mean: figures.mean });
    console.log(
      `${name} ${setting.name.padEnd(16)} dev mean(binary F1, 3-class F1) = ${figures.mean.toFixed(3)}`,
    );
  }
  const best = results.reduce((a, b) => (b.mean > a.mean ? b : a));
  const prefix = join(WORK, `${name}.${best.setting.name}`);
  const epoch = best.setting.args[best.setting.args.indexOf('-epoch') + 1];
  const lr = best.setting.args[best.setting.args.indexOf('-lr') + 1];
  const quantize = [
    '-qnorm',
    '-retrain',
    '-cutoff',
    CUTOFF,
    '-epoch',
    epoch,
    '-lr',
    lr,
    '-thread',
    '1',
    '-seed',
    String(SEED),
  ];
  run([
    'quantize',
    '-input',
    `${prefix}.train.txt`,
    '-output',
    prefix,
    ...quantize,
    '-verbose',
    '0',
  ]);
  const file = `${name}.ftz`;
  mkdirSync(MODELS_DIR, { recursive: true });
  copyFileSync(`${prefix}.ftz`, join(MODELS_DIR, file));
  const dev2 = devFigures(join(MODELS_DIR, file), dev, languages);
  console.log(
    `${name}: ${best.setting.name}, quantised ${(statSync(join(MODELS_DIR, file)).size / 1e6).toFixed(2)} MB, dev mean ${dev2.mean.toFixed(3)}`,
  );
  return {
    name,
    file,
    languages,
    setting: best.setting.name,
    args: [
      ...COMMON,
      ...best.setting.args,
      '-seed',
      String(SEED),
      ...(best.setting.balance ? ['(classes balanced by repetition, ≤ 3×)'] : []),
    ],
    quantize,
    trainLines: trainingLines(train, best.setting.balance).length,
    bytes: statSync(join(MODELS_DIR, file)).size,
    sha256: sha256(join(MODELS_DIR, file)),
    grid: results.map((r) => ({ setting: r.setting.name, mean: r.mean })),
    dev: dev2,
  };
}

/** The setting each family uses when the grid is skipped (`--no-grid`): the last grid's choice. */
const DEFAULT_SETTING: Readonly<Record<string, string>> = {
  latin: 'char2-5-d32',
  ru: 'char3-6-uni+bal',
  he: 'words+bal',
};

/** Dev mean of (binary macro-F1, 3-class macro-F1) per setting in the last `--grid` run. */
const LAST_GRID: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  latin: {
    words: 0.611,
    'words+bal': 0.614,
    'char3-5': 0.626,
    'char3-5+bal': 0.626,
    'char2-5-d32': 0.631,
    'char2-5-d32+bal': 0.629,
    'char3-6-uni': 0.623,
    'char3-6-uni+bal': 0.622,
  },
  ru: {
    words: 0.776,
    'words+bal': 0.78,
    'char3-5': 0.784,
    'char3-5+bal': 0.793,
    'char2-5-d32': 0.785,
    'char2-5-d32+bal': 0.788,
    'char3-6-uni': 0.793,
    'char3-6-uni+bal': 0.794,
  },
  he: {
    words: 0.731,
    'words+bal': 0.742,
    'char3-5': 0.722,
    'char3-5+bal': 0.728,
    'char2-5-d32': 0.717,
    'char2-5-d32+bal': 0.737,
    'char3-6-uni': 0.718,
    'char3-6-uni+bal': 0.719,
  },
};

export function trainModels(
  rows: readonly CorpusRow[],
  options: { only?: string; grid: boolean },
): TrainedModel[] {
  mkdirSync(WORK, { recursive: true });
  const models: TrainedModel[] = [];
  for (const [name, languages] of Object.entries(FAMILIES)) {
    if (options.only && options.only !== name) continue;
    models.push(trainFamily(name, languages, rows, options.grid));
  }
  return models;
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const rows = readCorpus();
  console.log(`Corpus ${CORPUS_DIR}: ${rows.length} rows.`);
  if (args.includes('--combiner-only')) {
    const models = JSON.parse(readFileSync(join(WORK, 'models.json'), 'utf8')) as TrainedModel[];
    await combinerStep(rows, models);
    return;
  }
  const models = trainModels(rows, { only, grid: args.includes('--grid') });
  writeFileSync(join(WORK, 'models.json'), JSON.stringify(models, null, 2));
  if (!only) {
    writeFileSync(
      join(MODELS_DIR, 'models.json'),
      JSON.stringify(
        {
          labels: LABELS,
          normalisation: 'normaliseForModel (libs/shared/text/src/lib/model-text.ts)',
          models: models.map((m) => ({
            name: m.name,
            file: m.file,
            languages: m.languages,
            sha256: m.sha256,
          })),
        },
        null,
        2,
      ) + '\n',
    );
    await combinerStep(rows, models);
  }
  console.log(`Work files in ${WORK}.`);
}

/** Fits the combiner on the shipped models and writes combiner.json and MODELS.md. */
async function combinerStep(rows: readonly CorpusRow[], models: readonly TrainedModel[]) {
  await loadTextModels({ dir: MODELS_DIR });
  const counts = trainCombiner(
    rows,
    models.flatMap((m) => m.languages),
    MODELS_DIR,
  );
  const extra = [
    '## Combiner',
    '',
    '`combiner.json`: per language, a multinomial logistic regression over the features',
    `${COMBINER_FEATURES.map((f) => `\`${f}\``).join(', ')}`,
    '(libs/shared/text/src/lib/combiner.ts), fitted on the `combiner` split read with the',
    `corpus language as hint (texts: ${Object.entries(counts)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}),`,
    `full-batch gradient descent from zero (${COMBINER_FIT.iterations} steps, rate ${COMBINER_FIT.rate}, L2 ${COMBINER_FIT.l2}, classes weighted equally in the loss).`,
    'Rules, model and ensemble on the dev split: `npm run eval:text -- --set corpus-dev`.',
  ].join('\n');
  writeFileSync(join(MODELS_DIR, 'MODELS.md'), manifestMarkdown(rows, models, LAST_GRID, extra));
  // The written files in the repository's style (`npm run format:check` covers them).
  const files = ['models.json', 'combiner.json', 'MODELS.md'].map((f) => join(MODELS_DIR, f));
  const prettier = require.resolve('prettier/bin/prettier.cjs');
  const out = spawnSync(process.execPath, [prettier, '--write', ...files], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`prettier failed: ${out.stderr}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
