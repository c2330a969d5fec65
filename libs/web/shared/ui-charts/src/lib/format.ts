/** Display formatting only: the figures themselves come from the API. */

import { signal } from '@angular/core';
import { RTL_LANGUAGES, UI_LOCALES, type UiLanguage } from '@returnlens/shared/contracts';
import {
  formatDateRange as formatDateRangeIn,
  formatDuration as formatDurationIn,
  MINUS,
} from '@returnlens/shared/metrics';

/** The one minus sign of the UI (U+2212), and the formatters the digest mails share. */
export { MINUS, formatPValue } from '@returnlens/shared/metrics';

/** The locale of each interface language (`UI_LOCALES`, shared with the mails). */
export const FORMAT_LOCALES: Readonly<Record<string, string>> = UI_LOCALES;
const formatLocale = signal<string>('en-GB');
const rightToLeft = signal(false);

/**
 * Writes numbers in the interface language's way from now on, and lays charts out right to left
 * for a right-to-left language (the shell calls it when the language changes). Signals:
 * computed values, templates and charts that read them re-run.
 */
export function setFormatLanguage(language: string): void {
  formatLocale.set(FORMAT_LOCALES[language] ?? 'en-GB');
  rightToLeft.set(RTL_LANGUAGES.includes(language as UiLanguage));
}

/** Whether the interface language reads right to left (Hebrew): charts mirror then. */
export function isRightToLeft(): boolean {
  return rightToLeft();
}

/** The locale formatters use when none is given. */
export function currentFormatLocale(): string {
  return formatLocale();
}

/** Hours as people read durations, in the interface language ("5 h 15 min", "5 ч 15 мин"). */
export function formatDuration(hours: number | null, locale = formatLocale()): string {
  return formatDurationIn(hours, locale);
}

/** `2026-11-16`, `2026-11-22` → "16–22 Nov 2026", "16–22 lis 2026", … */
export function formatDateRange(start: string, end: string, locale = formatLocale()): string {
  return formatDateRangeIn(start, end, locale);
}

/**
 * A formatted number with U+2212 for its minus: `Intl.NumberFormat` writes the hyphen-minus
 * (U+002D), which is narrower than "+" and breaks across lines. Every formatter here goes
 * through it, so one sign is shown everywhere.
 */
export function withMinusSign(text: string): string {
  return text.replace(/-(?=[\d\p{Sc}.,\s]|$)/gu, MINUS);
}

export function formatCount(value: number, locale = formatLocale()): string {
  return withMinusSign(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value));
}

/** One decimal for averages such as a 4-week baseline (496.25 → "496.3"). */
export function formatAverage(value: number, locale = formatLocale()): string {
  return withMinusSign(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value));
}

/** A share in 0–1 as a percentage with one decimal: 0.1875 → "18.8%". */
export function formatShare(share: number, locale = formatLocale()): string {
  return withMinusSign(
    new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(share),
  );
}

export function formatSignedAverage(value: number, locale = formatLocale()): string {
  return withMinusSign(
    new Intl.NumberFormat(locale, {
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(value),
  );
}

export function formatSignedShare(share: number, locale = formatLocale()): string {
  return withMinusSign(
    new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format(share),
  );
}

/**
 * A chart headline states a finding only when at least this many claims (or items) stand behind
 * it; below, it says how few there are instead. Shares of 5 claims move by 20 points per claim.
 */
export const HEADLINE_MIN_COUNT = 30;

/** What a headline's shares are of, and how it reads a filtered page. */
export interface HeadlineScope {
  /** What is counted: "claims" (default), or "feedback items". */
  readonly noun?: string;
  /** The active filters in words ("Supplier: Kestrel Electronics"), or '' for none. */
  readonly filters?: string;
}

/** "claims" or, on a filtered page, "the claims of Supplier: Kestrel Electronics". */
export function headlineOf(scope: HeadlineScope = {}): string {
  const noun = scope.noun ?? 'claims';
  return scope.filters ? `the ${noun} of ${scope.filters}` : noun;
}

/** "50 claims", or on a filtered page "50 claims of Supplier: Kestrel Electronics". */
export function countOf(count: number, scope: HeadlineScope = {}): string {
  const noun = scope.noun ?? 'claims';
  return `${formatCount(count)} ${noun}${scope.filters ? ` of ${scope.filters}` : ''}`;
}

/** The headline of too small a sample, or null when there are enough to state a finding. */
export function tooFewForHeadline(count: number, scope: HeadlineScope = {}): string | null {
  if (count >= HEADLINE_MIN_COUNT) return null;
  const noun = scope.noun ?? 'claims';
  return `Only ${formatCount(count)} ${noun}${scope.filters ? ` (${scope.filters})` : ''}: too few for a finding (a headline needs ${HEADLINE_MIN_COUNT})`;
}

const WEEK_WORD: Readonly<Record<string, string>> = {
  en: 'Week',
  ru: 'Неделя',
  pl: 'Tydzień',
  he: 'שבוע',
  uk: 'Тиждень',
  de: 'Woche',
  pt: 'Semana',
  es: 'Semana',
};

/** `2026-W07` → "Week 7, 2026" (in Polish "Tydzień 7, 2026", …). */
export function formatWeek(week: string, locale = formatLocale()): string {
  const [year, number] = week.split('-W');
  return `${WEEK_WORD[locale.split('-')[0]] ?? WEEK_WORD['en']} ${Number(number)}, ${year}`;
}

/** Parts per million as an integer: 0.0012345 → "1,235". */
export function formatPpm(ppm: number | null, locale = formatLocale()): string {
  return ppm === null ? '–' : formatCount(Math.round(ppm), locale);
}

/** Money with its currency; amounts of different currencies are never added. */
export function formatMoney(amount: number, currency: string, locale = formatLocale()): string {
  try {
    return withMinusSign(
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        // The sign people write (zł, ₽, ₪, €) where the locale would spell a code; English
        // keeps its codes for the currencies it has no own symbol for (PLN 1,200).
        currencyDisplay: locale.startsWith('en') ? 'symbol' : 'narrowSymbol',
        maximumFractionDigits: 0,
      }).format(amount),
    );
  } catch {
    return `${formatCount(amount, locale)} ${currency}`;
  }
}

/** Net sentiment (−1…1) as points on a −100…+100 scale: 0.234 → "+23". */
export function formatNetSentiment(value: number | null, locale = formatLocale()): string {
  if (value === null) return '–';
  return withMinusSign(
    new Intl.NumberFormat(locale, {
      maximumFractionDigits: 0,
      signDisplay: 'exceptZero',
    }).format(Math.round(value * 100)),
  );
}

/** A share or '–' when unknown. */
export function formatShareOrDash(share: number | null, locale = formatLocale()): string {
  return share === null || !Number.isFinite(share) ? '–' : formatShare(share, locale);
}
