import {
  METRIC_DEFINITIONS,
  type MetricDefinition,
  type UiLanguage,
} from '@returnlens/shared/contracts';
import { MessageCatalog } from '@returnlens/shared/i18n';
import de from './definitions/de.json';
import es from './definitions/es.json';
import he from './definitions/he.json';
import pl from './definitions/pl.json';
import pt from './definitions/pt.json';
import ru from './definitions/ru.json';
import uk from './definitions/uk.json';

/** The texts of a definition a translator writes (the id is the key, never translated). */
const TEXTS = ['name', 'definition', 'includes', 'excludes', 'clock'] as const;

/**
 * The "why this number" definitions as a catalog: English from `METRIC_DEFINITIONS` (the
 * source), `<id>.<text>` keys; the other languages in `definitions/<language>.json`.
 */
export const ENGLISH_DEFINITION_TEXTS: Readonly<Record<string, Record<string, string>>> =
  Object.fromEntries(
    METRIC_DEFINITIONS.map((d) => [d.id, Object.fromEntries(TEXTS.map((t) => [t, d[t]]))]),
  );

export const DEFINITION_CATALOG = new MessageCatalog(ENGLISH_DEFINITION_TEXTS, {
  ru,
  pl,
  he,
  uk,
  de,
  pt,
  es,
});

/** Every metric definition in `lang` (English where a text is not translated). */
export function metricDefinitionsIn(lang: UiLanguage): MetricDefinition[] {
  return METRIC_DEFINITIONS.map((d) => ({
    id: d.id,
    ...(Object.fromEntries(
      TEXTS.map((t) => [t, DEFINITION_CATALOG.format(lang, `${d.id}.${t}`)]),
    ) as Record<(typeof TEXTS)[number], string>),
  }));
}
