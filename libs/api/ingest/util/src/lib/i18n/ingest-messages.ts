import type {
  BatchReport,
  MessageCode,
  RejectedSummaryEntry,
  RowError,
  UiLanguage,
} from '@returnlens/shared/contracts';
import { MessageCatalog } from '@returnlens/shared/i18n';
import { INGEST_MESSAGES } from './en';
import de from './de.json';
import es from './es.json';
import he from './he.json';
import pl from './pl.json';
import pt from './pt.json';
import ru from './ru.json';
import uk from './uk.json';

export const INGEST_CATALOG = new MessageCatalog(INGEST_MESSAGES, { ru, pl, he, uk, de, pt, es });

/**
 * The message of `code` in `lang`, its `params` put in; `stored` (the English words kept with
 * the row or batch) for English, for a message without a code (stored before codes existed)
 * and for a code or values the catalog cannot write.
 */
export function ingestMessage(
  lang: UiLanguage,
  code: string | null | undefined,
  params: MessageCode['params'],
  stored: string,
): string {
  if (lang === 'en' || !code || !INGEST_CATALOG.has(code)) return stored;
  try {
    return INGEST_CATALOG.format(lang, code, params ?? {});
  } catch {
    // A value missing from an old row's params: its English words are still right.
    return stored;
  }
}

/** A rejected row's errors, each message in `lang` (RowError.code). */
export function localizeRowErrors(errors: readonly RowError[], lang: UiLanguage): RowError[] {
  return errors.map((error) => {
    const message = ingestMessage(lang, error.code, error.params, error.message);
    return message === error.message ? error : { ...error, message };
  });
}

/** A rejected row (any shape with `errors`) with its messages in `lang`. */
export function localizeRejectedRow<T extends { readonly errors: readonly RowError[] }>(
  row: T,
  lang: UiLanguage,
): T {
  return lang === 'en' ? row : { ...row, errors: localizeRowErrors(row.errors, lang) };
}

function localizeSummary(entry: RejectedSummaryEntry, lang: UiLanguage): RejectedSummaryEntry {
  return { ...entry, message: ingestMessage(lang, entry.code, entry.params, entry.message) };
}

/**
 * A batch report in `lang`: its rejected rows' problems, the summary of the rows not kept in
 * full and the warnings that have a code (`warningCodes`, in the order of `warnings`); the
 * others keep their English words.
 */
export function localizeBatchReport(report: BatchReport, lang: UiLanguage): BatchReport {
  if (lang === 'en') return report;
  const codes = report.warningCodes ?? [];
  return {
    ...report,
    rejectedSample: report.rejectedSample.map((row) => localizeRejectedRow(row, lang)),
    ...(report.rejectedSummary
      ? { rejectedSummary: report.rejectedSummary.map((entry) => localizeSummary(entry, lang)) }
      : {}),
    ...(report.warnings
      ? {
          warnings: report.warnings.map((warning, index) =>
            ingestMessage(lang, codes[index]?.code, codes[index]?.params, warning),
          ),
        }
      : {}),
  };
}
