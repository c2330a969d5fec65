import type { CorpusRow, SentimentFigures } from './corpus';

/** Where each corpus file comes from (../shared/text-corpus/README.md). */
export const SOURCES: Readonly<Record<string, { repo: string; commit: string; licence: string }>> =
  {
    'en_uci_amazon_yelp_sentences.csv': {
      repo: 'KalyaniViswanadha/Sentiment-Analysis',
      commit: '8033e14ab71cd6d428240acfbbf8c8129b6d21be',
      licence: 'none stated in repo (UCI set, not checked)',
    },
    'de_germeval2017_db_feedback.csv': {
      repo: 'LSX-UniWue/SuperGLEBer',
      commit: '5d3c59a91ab3b5011a45a28cfafe813cf657111d',
      licence: 'none stated in repo',
    },
    'he_onlplab_facebook_comments.csv': {
      repo: 'OnlpLab/Hebrew-Sentiment-Data',
      commit: '3ae441366b75f776c9ca32e919e51413d5a2bc87',
      licence: 'none stated in repo; upstream MIT',
    },
    'ru_sentirueval_bank_telecom_tweets.csv': {
      repo: 'searayeah/russian-sentiment-emotion-datasets',
      commit: 'b43a50a589e6664837f994ef72d0f75c4bd6fbcd',
      licence: 'none stated in repo',
    },
    'ru_sentirueval2015_car_restaurant_reviews.csv': {
      repo: 'searayeah/russian-sentiment-emotion-datasets',
      commit: 'b43a50a589e6664837f994ef72d0f75c4bd6fbcd',
      licence: 'none stated in repo',
    },
  };
const UMSAB = {
  repo: 'cardiffnlp/xlm-t',
  commit: '874214d64d96599eb869a033c22ec2cc57d19256',
  licence: 'Apache-2.0 repo; underlying datasets unverified',
};

export function sourceOf(file: string) {
  return SOURCES[file] ?? (file.includes('_umsab_') ? UMSAB : undefined);
}

export function pct(x: number): string {
  return x.toFixed(2);
}

export interface ManifestModel {
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
  readonly dev: {
    readonly byLanguage: Record<string, SentimentFigures>;
    readonly byFile: Record<string, SentimentFigures>;
  };
}

export function manifestMarkdown(
  rows: readonly CorpusRow[],
  models: readonly ManifestModel[],
  lastGrid: Readonly<Record<string, Readonly<Record<string, number>>>>,
  extra = '',
): string {
  const out: string[] = [];
  const total = models.reduce((s, m) => s + m.bytes, 0);
  out.push('# Shipped sentiment models', '');
  out.push(
    'Written by `npm run train:text-model` (tools/text-model/src/train.ts); do not edit by hand.',
    'Debian `fasttext` 0.9.2, supervised, one thread, fixed seed; then `fasttext quantize`.',
    `Total size of the models: ${(total / 1e6).toFixed(2)} MB.`,
    '',
  );
  out.push('## Data', '');
  out.push('From `../shared/text-corpus/` (its README lists extraction and licences in full).', '');
  out.push('| file | source repository | commit | licence | train | combiner | dev |');
  out.push('|---|---|---|---|---:|---:|---:|');
  const used = new Set(models.flatMap((m) => m.languages));
  for (const file of [...new Set(rows.map((r) => r.file))].sort()) {
    const of = rows.filter((r) => r.file === file);
    if (!used.has(of[0].lang)) continue;
    const src = sourceOf(file);
    const n = (split: string) => of.filter((r) => r.split === split).length;
    out.push(
      `| \`${file}\` | ${src?.repo ?? '?'} | \`${src?.commit.slice(0, 12) ?? '?'}\` | ${src?.licence ?? '?'} | ${n('train')} | ${n('combiner')} | ${n('dev')} |`,
    );
  }
  out.push(
    '',
    'Not used: `ar_umsab_tweets.csv`, `hi_umsab_tweets.csv` (languages the product does not analyse). No data for pl, uk, tr.',
    '',
    '**Split** (`corpusSplit`, libs/shared/text/src/lib/model-text.ts): FNV-1a (32 bit) of the',
    'normalised text (`normaliseForModel`) mod 10: 0–1 → `dev` (never trained on: neither the model',
    'nor the combiner), 2 → `combiner` (trains only the combiner), 3–9 → `train` (the fastText model).',
    '',
  );
  out.push('## Models', '');
  out.push('| model | languages | setting | training lines | size | sha256 |');
  out.push('|---|---|---|---:|---:|---|');
  for (const m of models) {
    out.push(
      `| \`${m.file}\` | ${m.languages.join(', ')} | ${m.setting} | ${m.trainLines} | ${(m.bytes / 1e6).toFixed(2)} MB | \`${m.sha256.slice(0, 16)}…\` |`,
    );
  }
  out.push('');
  for (const m of models) {
    out.push(
      `- \`${m.name}\`: \`fasttext supervised ${m.args.join(' ')}\`; \`fasttext quantize ${m.quantize.join(' ')}\`.`,
    );
  }
  out.push(
    '',
    "## Settings tried (dev, mean of binary and 3-class macro-F1 over the family's languages)",
    '',
    'Setting names: `words` = word uni+bigrams only; `charA-B` = character n-grams of A…B letters',
    '(`-minn A -maxn B`); `d32` = `-dim 32` (else 16); `uni` = no word bigrams; `+bal` = smaller',
    'classes repeated (≤ 3×) towards the largest one per language. The chosen setting is then',
    'quantised. Choosing among these on dev makes the dev figures slightly optimistic.',
    '',
  );
  for (const m of models) {
    const grid =
      m.grid.length > 1
        ? Object.fromEntries(m.grid.map((g) => [g.setting, g.mean]))
        : lastGrid[m.name];
    out.push(
      `- ${m.name}: ${Object.entries(grid ?? {})
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(' · ')}`,
    );
  }
  out.push(
    '',
    '## Dev figures of the quantised models (model alone, argmax of the three classes)',
    '',
  );
  out.push('Binary macro-F1: positive/negative texts only, a neutral answer is a miss.', '');
  out.push('| set | texts | binary macro-F1 | 3-class macro-F1 |');
  out.push('|---|---:|---:|---:|');
  for (const m of models) {
    for (const [lang, f] of Object.entries(m.dev.byLanguage)) {
      out.push(`| **${lang}** (all) | ${f.n} | ${pct(f.binaryF1)} | ${pct(f.threeF1)} |`);
      for (const [file, g] of Object.entries(m.dev.byFile)) {
        if (
          file.startsWith(`${lang}_`) &&
          Object.keys(m.dev.byFile).filter((k) => k.startsWith(`${lang}_`)).length > 1
        ) {
          out.push(`| ${lang}: \`${file}\` | ${g.n} | ${pct(g.binaryF1)} | ${pct(g.threeF1)} |`);
        }
      }
    }
  }
  out.push('', extra);
  return out.join('\n').trimEnd() + '\n';
}
