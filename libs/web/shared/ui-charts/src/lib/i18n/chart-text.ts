import { inject, signal, type Provider } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { HttpClient } from '@angular/common/http';
import {
  TRANSLOCO_SCOPE,
  TranslocoService,
  type Translation,
  type TranslocoScope,
} from '@jsverse/transloco';
import { IntlMessageFormat } from 'intl-messageformat';
import { UI_LANGUAGES } from '@returnlens/shared/contracts';
import { catchError, combineLatest, firstValueFrom, of, switchMap } from 'rxjs';
import { CHARTS_MESSAGES } from './en';

/** A key of the `charts` messages (`'kpi.viewRecords'`) and its values: the text to show. */
export type ChartText = (key: string, params?: Record<string, unknown>) => string;

const englishCache = new Map<string, IntlMessageFormat>();

/** The English text of a `charts` key: what the chart builders say when given no language. */
export const englishChartText: ChartText = (key, params) => {
  let format = englishCache.get(key);
  if (!format) {
    const message = key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part],
        CHARTS_MESSAGES,
      );
    if (typeof message !== 'string') return key;
    format = new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true });
    englishCache.set(key, format);
  }
  return String(format.format((params ?? {}) as never));
};

/**
 * The `charts` messages as a Transloco scope: English from the code, every other language from
 * `/i18n/charts/<language>.json` beside the app — what `providePageMessages('charts',
 * CHARTS_MESSAGES)` provides, written out here because a UI library may not depend on
 * data-access. Provided by the shared components that show text (the KPI tile); pages that build
 * chart options provide `providePageMessages('charts', CHARTS_MESSAGES)` themselves.
 */
export function provideChartMessages(): Provider {
  return {
    provide: TRANSLOCO_SCOPE,
    multi: true,
    useFactory: (): TranslocoScope => {
      const http = inject(HttpClient);
      const loader = Object.fromEntries(
        UI_LANGUAGES.map((lang) => [
          lang,
          lang === 'en'
            ? () => Promise.resolve(CHARTS_MESSAGES as unknown as Translation)
            : () => firstValueFrom(http.get<Translation>(`/i18n/charts/${lang}.json`)),
        ]),
      );
      return { scope: 'charts', alias: 'charts', loader };
    },
  };
}

/**
 * A translate function for the messages of `scope` (provided with `TRANSLOCO_SCOPE` in the
 * caller's injector) that loads them in the active language, also when no template pipe asks
 * for them, and — read inside a `computed()` — re-runs it when the language changes or the
 * messages arrive. Call in an injection context.
 */
export function injectScopeText(scope: string): ChartText {
  const transloco = inject(TranslocoService);
  const provided = [inject(TRANSLOCO_SCOPE, { optional: true }) ?? []].flat() as TranslocoScope[];
  const own = provided.find(
    (s): s is Exclude<TranslocoScope, string> => typeof s === 'object' && s.scope === scope,
  );
  const inlineLoader = own?.loader
    ? Object.fromEntries(
        Object.entries(own.loader).map(([lang, load]) => [`${scope}/${lang}`, load]),
      )
    : undefined;
  const loaded = signal(0);
  transloco.langChanges$
    .pipe(
      switchMap((lang) =>
        combineLatest([
          transloco.load(lang),
          transloco.load(`${scope}/${lang}`, { inlineLoader }),
        ]).pipe(catchError(() => of(null))),
      ),
      takeUntilDestroyed(),
    )
    // After the current render: a signal may not change while a template is being checked.
    .subscribe(() => queueMicrotask(() => loaded.update((n) => n + 1)));
  return (key, params) => {
    if (!loaded()) return ''; // nothing yet rather than the key while the messages load
    return transloco.translate(`${scope}.${key}`, params);
  };
}

/**
 * The `charts` messages in the active language for the chart options a page builds: English
 * until the language's file has arrived (never a key or an empty series name), then that
 * language; read inside a `computed()`, the chart is built again when the language changes or
 * its messages arrive. Loads the messages itself, so the page's template (its own scope) does
 * not wait for them. Call in an injection context.
 */
export function injectChartText(): ChartText {
  const transloco = inject(TranslocoService);
  const http = inject(HttpClient);
  const inlineLoader = Object.fromEntries(
    UI_LANGUAGES.map((lang) => [
      `charts/${lang}`,
      lang === 'en'
        ? () => Promise.resolve(CHARTS_MESSAGES as unknown as Translation)
        : () => firstValueFrom(http.get<Translation>(`/i18n/charts/${lang}.json`)),
    ]),
  );
  const loaded = signal(0);
  transloco.langChanges$
    .pipe(
      switchMap((lang) =>
        transloco.load(`charts/${lang}`, { inlineLoader }).pipe(catchError(() => of(null))),
      ),
      takeUntilDestroyed(),
    )
    // After the current render: a signal may not change while a template is being checked.
    .subscribe(() => queueMicrotask(() => loaded.update((n) => n + 1)));
  return (key, params) => {
    loaded();
    const lang = transloco.getActiveLang();
    // A key the language's file lacks (or a file not there yet) speaks English.
    return `charts.${key}` in (transloco.getTranslation(lang) ?? {})
      ? transloco.translate(`charts.${key}`, params, lang)
      : englishChartText(key, params);
  };
}

/** `2026-W07` → "Week 7, 2026", in the language of `t`. */
export function weekName(week: string, t: ChartText = englishChartText): string {
  const [year, number] = week.split('-W');
  return t('week', { number: Number(number), year });
}
