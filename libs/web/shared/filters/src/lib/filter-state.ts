import {
  CHANNELS,
  CLAIM_TYPES,
  FILTER_KEYS,
  REASON_CATEGORIES,
  REASONS,
  isOwnReason,
  reasonLabel,
  type FilterKey,
} from '@returnlens/shared/contracts';
import { parseIsoWeek, shiftIsoWeek } from '@returnlens/shared/metrics';

/** The quick picks of the period; `12w` is the API's default period. */
export const PERIOD_PRESETS = [
  { id: '1w', weeks: 1, label: 'Last complete week' },
  { id: '4w', weeks: 4, label: 'Last 4 weeks' },
  { id: '12w', weeks: 12, label: 'Last 12 weeks' },
  { id: '52w', weeks: 52, label: 'Last 52 weeks' },
] as const;
export type PeriodPresetId = (typeof PERIOD_PRESETS)[number]['id'];
export const DEFAULT_PERIOD: PeriodPresetId = '12w';

export type FilterValues = Readonly<Partial<Record<FilterKey, readonly string[]>>>;

/** Everything the filter bar holds; its only home is the URL's query parameters. */
export interface FilterState {
  /** A quick pick, or `custom` when `from`/`to` are given. */
  readonly period: PeriodPresetId | 'custom';
  readonly from: string | null;
  readonly to: string | null;
  readonly values: FilterValues;
}

/** Query parameters sent to an analytics endpoint. */
export type ApiParams = Readonly<Record<string, string>>;

export const FILTER_LABELS: Readonly<Record<FilterKey, string>> = {
  supplier: 'Supplier',
  product: 'Product',
  category: 'Category',
  channel: 'Channel',
  type: 'Claim type',
  reasonCategory: 'Reason category',
  reason: 'Reason',
  language: 'Language',
};

const WEEK = /^\d{4}-W\d{2}$/;

function validWeek(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const week = value.trim().toUpperCase();
  if (!WEEK.test(week)) return null;
  try {
    return parseIsoWeek(week).week;
  } catch {
    return null;
  }
}

function list(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const out: string[] = [];
  for (const item of raw.flatMap((v) => String(v).split(','))) {
    const trimmed = item.trim();
    if (trimmed && !out.includes(trimmed)) out.push(trimmed);
  }
  return out;
}

/** URL query parameters → filter state; anything unreadable is dropped, never guessed. */
export function parseFilterState(params: Readonly<Record<string, unknown>>): FilterState {
  const values: Partial<Record<FilterKey, readonly string[]>> = {};
  for (const key of FILTER_KEYS) {
    const items = list(params[key]);
    if (items.length) values[key] = items;
  }
  const from = validWeek(params['from']);
  const to = validWeek(params['to']);
  if (from || to) {
    const ordered = from && to && from > to ? [to, from] : [from, to];
    return { period: 'custom', from: ordered[0], to: ordered[1], values };
  }
  const preset = PERIOD_PRESETS.find((p) => p.id === params['period']);
  return { period: preset?.id ?? DEFAULT_PERIOD, from: null, to: null, values };
}

/**
 * Filter state → the query parameters to merge into the URL (`null` removes one), so the
 * page's own parameters (`week`, `clock`, …) survive a filter change.
 */
export function filterQueryParams(state: FilterState): Record<string, string | null> {
  const out: Record<string, string | null> = {
    period: state.period === 'custom' || state.period === DEFAULT_PERIOD ? null : state.period,
    from: state.period === 'custom' ? state.from : null,
    to: state.period === 'custom' ? state.to : null,
  };
  for (const key of FILTER_KEYS) {
    const items = state.values[key];
    out[key] = items && items.length ? items.join(',') : null;
  }
  return out;
}

/** Whether the period needs the latest complete week to be resolved into from/to. */
export function needsAnchor(state: FilterState): boolean {
  return state.period !== 'custom' && state.period !== DEFAULT_PERIOD;
}

/** The filter values alone (the Weekly report picks its week itself). */
export function valueParams(state: FilterState): ApiParams {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const items = state.values[key];
    if (items && items.length) out[key] = items.join(',');
  }
  return out;
}

/**
 * The parameters of an analytics request: the default 12 weeks are left to the API (no
 * from/to, so nothing waits for the anchor); other quick picks count back from `anchorWeek`,
 * the latest complete week with data, and are `null` until it is known.
 */
export function apiParams(state: FilterState, anchorWeek: string | null): ApiParams | null {
  const out: Record<string, string> = {};
  if (state.period === 'custom') {
    if (state.from) out['from'] = state.from;
    if (state.to) out['to'] = state.to;
  } else if (state.period !== DEFAULT_PERIOD) {
    if (!anchorWeek) return null;
    const weeks = PERIOD_PRESETS.find((p) => p.id === state.period)?.weeks ?? 12;
    const to = parseIsoWeek(anchorWeek);
    out['from'] = shiftIsoWeek(to, -(weeks - 1)).week;
    out['to'] = to.week;
  }
  return { ...out, ...valueParams(state) };
}

/** The weeks a period covers, for display ("2026-W36 – 2026-W47"); null when unknown. */
export function resolvedRange(
  state: FilterState,
  anchorWeek: string | null,
): { from: string; to: string } | null {
  if (state.period === 'custom') {
    const to = state.to ?? anchorWeek;
    if (!to) return null;
    return { from: state.from ?? shiftIsoWeek(parseIsoWeek(to), -11).week, to };
  }
  if (!anchorWeek) return null;
  const weeks = PERIOD_PRESETS.find((p) => p.id === state.period)?.weeks ?? 12;
  return { from: shiftIsoWeek(parseIsoWeek(anchorWeek), -(weeks - 1)).week, to: anchorWeek };
}

export function withValue(state: FilterState, key: FilterKey, value: string): FilterState {
  const current = state.values[key] ?? [];
  if (current.includes(value)) return state;
  return { ...state, values: { ...state.values, [key]: [...current, value] } };
}

export function withoutValue(state: FilterState, key: FilterKey, value: string): FilterState {
  const rest = (state.values[key] ?? []).filter((v) => v !== value);
  const values: Partial<Record<FilterKey, readonly string[]>> = { ...state.values };
  if (rest.length) values[key] = rest;
  else delete values[key];
  return { ...state, values };
}

/** Sets `key` to exactly `values` (a chart click narrows to what was clicked). */
export function withOnly(
  state: FilterState,
  key: FilterKey,
  values: readonly string[],
): FilterState {
  const next: Partial<Record<FilterKey, readonly string[]>> = { ...state.values };
  if (values.length) next[key] = [...values];
  else delete next[key];
  return { ...state, values: next };
}

/** A readable label for a filter value whose label the vocabulary knows. */
export function vocabularyLabel(key: FilterKey, value: string): string | null {
  switch (key) {
    case 'reason':
      // A shop's own reason is labelled by its code (own:<shop>:<the shop's words>).
      return (
        REASONS.find((r) => r.code === value)?.label ??
        (isOwnReason(value) ? reasonLabel(value) : null)
      );
    case 'reasonCategory':
      return REASON_CATEGORIES.find((c) => c.code === value)?.label ?? null;
    case 'channel':
      // A shop's own channel is stored as the shop writes it.
      return (CHANNELS as readonly string[]).includes(value) ? humanize(value) : value;
    case 'type':
      return (CHANNELS as readonly string[]).includes(value) ||
        (CLAIM_TYPES as readonly string[]).includes(value)
        ? humanize(value)
        : null;
    case 'language':
      return languageName(value);
    default:
      return null;
  }
}

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  ru: 'Russian',
  pl: 'Polish',
  he: 'Hebrew',
  pt: 'Portuguese',
  de: 'German',
  und: 'Not detected',
};

/**
 * A language code as people read it, the same on every page: `und` (and a missing code)
 * is "Not detected"; codes outside the analysed set get their English name when known.
 */
export function languageName(code: string | null | undefined): string {
  if (!code || code === 'und') return LANGUAGE_NAMES['und'];
  const known = LANGUAGE_NAMES[code];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** `return_defective` → "Return defective". */
export function humanize(code: string): string {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One line saying what the figures cover, for print and for the records drawer. */
export function describeFilters(
  state: FilterState,
  range: { from: string; to: string } | null,
  label: (key: FilterKey, value: string) => string = (key, value) =>
    vocabularyLabel(key, value) ?? value,
): string {
  const period =
    state.period === 'custom' || !range
      ? range
        ? `${range.from} – ${range.to}`
        : (PERIOD_PRESETS.find((p) => p.id === state.period)?.label ?? '')
      : `${PERIOD_PRESETS.find((p) => p.id === state.period)?.label} (${range.from === range.to ? range.to : `${range.from} – ${range.to}`})`;
  const parts = FILTER_KEYS.filter((key) => state.values[key]?.length).map(
    (key) =>
      `${FILTER_LABELS[key]}: ${(state.values[key] ?? []).map((v) => label(key, v)).join(', ')}`,
  );
  return [period, ...parts].filter(Boolean).join(' · ');
}

/**
 * The value filters alone, in words ("Supplier: SUP-001 · Reason: Product defect"), or '' when
 * none is set: what a filtered headline's shares are of.
 */
export function describeValueFilters(
  state: FilterState,
  label: (key: FilterKey, value: string) => string = (key, value) =>
    vocabularyLabel(key, value) ?? value,
): string {
  return FILTER_KEYS.filter((key) => state.values[key]?.length)
    .map(
      (key) =>
        `${FILTER_LABELS[key]}: ${(state.values[key] ?? []).map((v) => label(key, v)).join(', ')}`,
    )
    .join(' · ');
}
