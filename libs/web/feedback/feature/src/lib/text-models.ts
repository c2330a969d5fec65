import type { TextModelState, TextModelsReport } from '@returnlens/shared/contracts';
import { languageName } from '@returnlens/web/shared/filters';
import { formatCount, formatShare } from '@returnlens/web/shared/ui-charts';
import { FEEDBACK_MESSAGES } from './i18n/en';
import { englishTranslate, type Translate } from '@returnlens/web/shared/data-access';

/** English, for callers that do not pass the page's translator. */
const ENGLISH: Translate = englishTranslate(FEEDBACK_MESSAGES);

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

function row(model: TextModelState, t: Translate, name: (code: string) => string): TextReaderRow {
  const reasons = model.task === 'reasons';
  return {
    key: `${model.task} ${model.language}`,
    subject: reasons ? t('readers.reasons') : name(model.language),
    reader: model.inUse
      ? t(reasons ? 'readers.shopReasons' : 'readers.shopReviews', { count: model.labelledTexts })
      : t(reasons ? 'readers.shippedCues' : 'readers.shippedAnalysis'),
    shop: model.inUse,
    agreement:
      model.agreement === null || model.agreementOf === 0
        ? null
        : t(reasons ? 'readers.agreesReason' : 'readers.agreesStars', {
            share: percent(model.agreement),
            count: model.agreementOf,
          }),
    reads:
      model.inUse && model.labels > 0
        ? t(reasons ? 'readers.readsClaims' : 'readers.readsReviews', { count: model.labels })
        : null,
    // The gate's reason, from its two scores (cross-validated on the shop's labelled texts).
    why: model.inUse
      ? null
      : t('readers.why', {
          adapted: formatShare(model.adaptedScore),
          base: formatShare(model.baseScore),
        }),
  };
}

/**
 * What the panel "Who reads the texts" lists: sentiment per language, then reasons — in the
 * page's language (`t`, `name` for a language's name), English by default.
 */
export function textReaders(
  report: TextModelsReport,
  t: Translate = ENGLISH,
  name: (code: string) => string = languageName,
): TextReadersView {
  const sentiment = report.models
    .filter((m) => m.task === 'sentiment')
    .sort((a, b) => b.labelledTexts - a.labelledTexts || a.language.localeCompare(b.language));
  const reasons = report.models.filter((m) => m.task === 'reasons');
  const needed = report.minExamples;
  const waiting = report.waiting.map((w) => ({
    key: `${w.task} ${w.language}`,
    text:
      w.task === 'reasons'
        ? t('readers.waitingReasons', { count: formatCount(w.labelledTexts), needed })
        : t('readers.waitingLanguage', {
            language: name(w.language),
            count: formatCount(w.labelledTexts),
            needed,
          }),
  }));
  const rows = [...sentiment, ...reasons].map((m) => row(m, t, name));
  return {
    rows,
    waiting,
    empty: rows.length === 0 && waiting.length === 0 ? t('readers.empty', { needed }) : null,
  };
}
