import type { TextModelState, TextModelsReport } from '@returnlens/shared/contracts';
import { languageName } from '@returnlens/web/shared/filters';
import { formatCount } from '@returnlens/web/shared/ui-charts';

/** One line of "Who reads the texts": a language's sentiment, or the reasons of every language. */
export interface TextReaderRow {
  readonly key: string;
  /** The language's name, or "Reasons". */
  readonly subject: string;
  /** Who reads them: the shop's model (and what it learnt from) or the shipped analysis. */
  readonly reader: string;
  readonly shop: boolean;
  /** "text agrees with stars on 88 % of 12,400 rated reviews" (null: nothing to compare). */
  readonly agreement: string | null;
  /** Unlabelled texts the shop's model reads now (only while it is in use). */
  readonly reads: string | null;
  /** Why the shipped analysis is still in use (the gate's reason, in words). */
  readonly why: string | null;
}

export interface TextReadersView {
  readonly rows: readonly TextReaderRow[];
  /** "Polish: 120 of 300 rated reviews needed". */
  readonly waiting: readonly { readonly key: string; readonly text: string }[];
  /** The one line shown when no model exists and nothing is waiting. */
  readonly empty: string | null;
}

const percent = (share: number): string => `${formatCount(Math.round(share * 100))} %`;

function row(model: TextModelState): TextReaderRow {
  const reasons = model.task === 'reasons';
  const examples = `${formatCount(model.labelledTexts)} ${reasons ? 'stated reasons' : 'rated reviews'}`;
  const of = `${formatCount(model.agreementOf)} ${reasons ? 'stated reasons' : 'rated reviews'}`;
  return {
    key: `${model.task} ${model.language}`,
    subject: reasons ? 'Reasons' : languageName(model.language),
    reader: model.inUse
      ? `Shop model (learnt from ${examples})`
      : reasons
        ? 'Shipped cues'
        : 'Shipped analysis',
    shop: model.inUse,
    agreement:
      model.agreement === null || model.agreementOf === 0
        ? null
        : reasons
          ? `agrees with the stated reason on ${percent(model.agreement)} of ${of}`
          : `text agrees with stars on ${percent(model.agreement)} of ${of}`,
    reads:
      model.inUse && model.labels > 0
        ? `reads ${formatCount(model.labels)} ${reasons ? 'claims without a stated reason' : 'unrated reviews'}`
        : null,
    why: model.inUse ? null : `Why not the shop model: ${model.why}`,
  };
}

/** What the panel "Who reads the texts" lists: sentiment per language, then reasons. */
export function textReaders(report: TextModelsReport): TextReadersView {
  const sentiment = report.models
    .filter((m) => m.task === 'sentiment')
    .sort((a, b) => b.labelledTexts - a.labelledTexts || a.language.localeCompare(b.language));
  const reasons = report.models.filter((m) => m.task === 'reasons');
  const needed = formatCount(report.minExamples);
  const waiting = report.waiting.map((w) => ({
    key: `${w.task} ${w.language}`,
    text:
      w.task === 'reasons'
        ? `Reasons: ${formatCount(w.labelledTexts)} of ${needed} stated reasons needed`
        : `${languageName(w.language)}: ${formatCount(w.labelledTexts)} of ${needed} rated reviews needed`,
  }));
  const rows = [...sentiment, ...reasons].map(row);
  return {
    rows,
    waiting,
    empty:
      rows.length === 0 && waiting.length === 0
        ? `No language has enough rated reviews to learn from yet (${needed} needed)`
        : null,
  };
}
