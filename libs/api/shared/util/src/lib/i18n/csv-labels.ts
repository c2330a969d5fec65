import type { UiLanguage } from '@returnlens/shared/contracts';
import { MessageCatalog } from '@returnlens/shared/i18n';
import { CSV_COLUMN_LABELS } from './csv-labels/en';
import de from './csv-labels/de.json';
import es from './csv-labels/es.json';
import he from './csv-labels/he.json';
import pl from './csv-labels/pl.json';
import pt from './csv-labels/pt.json';
import ru from './csv-labels/ru.json';
import uk from './csv-labels/uk.json';

export const CSV_LABEL_CATALOG = new MessageCatalog(CSV_COLUMN_LABELS, {
  ru,
  pl,
  he,
  uk,
  de,
  pt,
  es,
});

/**
 * The header of a CSV export: the field names themselves when no language was asked for
 * (machine clients read stable names), else each column's label in `lang`; a field the
 * catalog does not know keeps its name.
 */
export function csvHeader(columns: readonly string[], lang: UiLanguage | null): string[] {
  if (!lang) return [...columns];
  return columns.map((column) =>
    CSV_LABEL_CATALOG.has(column) ? CSV_LABEL_CATALOG.format(lang, column) : column,
  );
}
