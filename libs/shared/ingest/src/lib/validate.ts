import {
  ownValue,
  type IngestKind,
  type IngestMapping,
  type RatingScale,
  type RowError,
} from '@returnlens/shared/contracts';
import { ENUM_SYNONYMS, normaliseEnumValue } from './enum-synonyms';
import { fieldsOf, TEXT_MAX, type FieldSpec } from './fields';
import {
  parseCountry,
  parseCurrency,
  parseDecimal,
  parseInteger,
  parseTimestamp,
  type Parsed,
} from './values';

export type CleanValue = string | number | Date | null;
export type CleanRecord = Record<string, CleanValue>;

/** What was done to a stored row that the batch report says (no row is rejected for it). */
export type RowNote =
  | { readonly kind: 'cut'; readonly field: string; readonly length: number }
  | { readonly kind: 'negative_quantity' }
  | { readonly kind: 'derived_key'; readonly by: 'line' | 'sku' }
  | { readonly kind: 'derived_name' }
  /** A value of an open field (reason, channel) that is the shop's own, not a built-in one. */
  | { readonly kind: 'own_value'; readonly field: string }
  /** A product without a category, filed under "Uncategorised". */
  | { readonly kind: 'uncategorised' }
  /** A rating on another scale, converted to stars (the original kept). */
  | { readonly kind: 'rating_converted' };

/** The category of a product whose file names none. */
export const UNCATEGORISED = 'Uncategorised';

/**
 * A rating on the scale `scale` as 1–5 stars: linear, rounded half up, so that the scale's
 * ends are 1 and 5 stars and its middle 3 (0–10: 0–1 → 1, 2–3 → 2, 4–6 → 3, 7–8 → 4, 9–10 → 5).
 */
export function ratingStars(value: number, scale: RatingScale): number {
  const stars = 1 + (4 * (value - scale.min)) / (scale.max - scale.min);
  return Math.min(5, Math.max(1, Math.floor(stars + 0.5 + 1e-9)));
}

export type ValidationResult =
  { ok: true; record: CleanRecord; notes?: RowNote[] } | { ok: false; errors: RowError[] };

/**
 * The first `limit` characters of a long text, cut at the last space or line break within
 * its last 200 characters when there is one (no word cut in half), never inside a surrogate
 * pair.
 */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const space = text.slice(limit - 200, limit + 1).search(/\s\S*$/u);
  if (space >= 0) end = limit - 200 + space;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end).trimEnd();
}

export interface ValidatorOptions {
  /** Time zone for timestamps without an offset when the mapping names none. */
  readonly shopTimeZone: string;
  /** Timestamps later than now + 1 day are refused as "in the future". */
  readonly now?: Date;
  /** Decimal mark when the mapping says `auto` (a `;`-separated CSV usually means `,`). */
  readonly decimalSeparator?: '.' | ',' | 'auto';
}

const EARLIEST = Date.UTC(1990, 0, 1);
/** What a decoder puts where the bytes were no text in the file's encoding. */
const UNREADABLE = '\uFFFD';
const SHOWN = 200;
/** PostgreSQL text holds no NUL: a value with one is refused, never changed. */
const NUL_PROBLEM = {
  ok: false,
  message: 'contains a NUL character, which cannot be stored',
  code: 'row.nul',
  params: {},
} as const;

function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

/** Text of a raw cell: strings as they are, numbers and booleans printed, empty → null. */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return text.trim() === '' ? null : text;
}

/**
 * Builds the validator of one batch: it turns a raw record (CSV row, JSON object, Arrow
 * row) into the clean values of the kind's fields, or lists every error of the row, each
 * naming the field, the value and what is wrong.
 */
export function createRowValidator(
  kind: IngestKind,
  mapping: IngestMapping,
  options: ValidatorOptions,
): (raw: Record<string, unknown>) => ValidationResult {
  const fields = fieldsOf(kind);
  const timeZone = mapping.timeZone ?? options.shopTimeZone;
  const dateFormat = mapping.dateFormat ?? 'auto';
  const decimalSeparator =
    mapping.decimalSeparator && mapping.decimalSeparator !== 'auto'
      ? mapping.decimalSeparator
      : (options.decimalSeparator ?? 'auto');
  const latest = (options.now ?? new Date()).getTime() + 86_400_000;
  const valueMaps = new Map<string, Map<string, string>>();
  for (const [field, map] of Object.entries(mapping.values ?? {})) {
    valueMaps.set(
      field,
      new Map(Object.entries(map).map(([from, to]) => [normaliseEnumValue(from), to])),
    );
  }

  const enumCache = new Map<string, Parsed<CleanValue>>();
  /** Notes of the row being validated. */
  let notes: RowNote[] = [];

  const ratingScale = mapping.ratingScale;

  function parseRating(text: string, scale: RatingScale): Parsed<CleanValue> {
    const parsed = parseDecimal(text, decimalSeparator);
    if (!parsed.ok) return parsed;
    const value = Number(parsed.value);
    if (value < scale.min || value > scale.max)
      return {
        ok: false,
        message: `is outside the rating scale ${scale.min}–${scale.max} the mapping states`,
        code: 'row.outsideRatingScale',
        params: { min: scale.min, max: scale.max },
      };
    notes.push({ kind: 'rating_converted' });
    ratingOriginal = value;
    return { ok: true, value: ratingStars(value, scale) };
  }
  /** The rating as given, when converted from another scale (row by row). */
  let ratingOriginal: number | null = null;

  function parseField(field: FieldSpec, text: string): Parsed<CleanValue> {
    if (field.name === 'rating' && ratingScale) return parseRating(text, ratingScale);
    switch (field.type) {
      case 'text': {
        const value = text.trim();
        if (value.includes('\u0000')) return NUL_PROBLEM;
        if (field.maxLength && value.length > field.maxLength && field.cutLong) {
          notes.push({ kind: 'cut', field: field.name, length: value.length });
          return { ok: true, value: cutText(value, field.maxLength) };
        }
        if (field.maxLength && value.length > field.maxLength) {
          return {
            ok: false,
            message: `is ${value.length} characters long; at most ${field.maxLength} are allowed`,
            code: 'row.tooLong',
            params: { length: value.length, max: field.maxLength },
          };
        }
        return { ok: true, value };
      }
      case 'integer': {
        const parsed = parseInteger(text);
        if (!parsed.ok) return parsed;
        if (field.negativeAsReturned && parsed.value < 0) {
          notes.push({ kind: 'negative_quantity' });
          parsed.value = -parsed.value;
        }
        if (field.min !== undefined && parsed.value < field.min)
          return {
            ok: false,
            message: `must be at least ${field.min}`,
            code: 'row.atLeast',
            params: { min: field.min },
          };
        if (field.max !== undefined && parsed.value > field.max)
          return field.name === 'rating'
            ? {
                ok: false,
                message: `must be at most ${field.max} stars; a rating on another scale needs the mapping's ratingScale (e.g. {"min": 0, "max": 10})`,
                code: 'row.ratingAtMost',
                params: { max: field.max },
              }
            : {
                ok: false,
                message: `must be at most ${field.max}`,
                code: 'row.atMost',
                params: { max: field.max },
              };
        return parsed;
      }
      case 'decimal': {
        const parsed = parseDecimal(text, decimalSeparator);
        if (!parsed.ok) return parsed;
        const number = Number(parsed.value);
        if (field.min !== undefined && number < field.min)
          return { ok: false, message: `must not be negative`, code: 'row.negative', params: {} };
        if (field.max !== undefined && number > field.max)
          return {
            ok: false,
            message: `is larger than ${field.max}`,
            code: 'row.largerThan',
            params: { max: field.max },
          };
        return parsed;
      }
      case 'timestamp': {
        const parsed = parseTimestamp(text, { format: dateFormat, timeZone });
        if (!parsed.ok) return parsed;
        const t = parsed.value.getTime();
        const value = text.trim();
        if (t > latest)
          return {
            ok: false,
            message: `"${value}" is in the future`,
            code: 'row.future',
            params: { value },
          };
        if (t < EARLIEST)
          return {
            ok: false,
            message: `"${value}" is before 1990`,
            code: 'row.before1990',
            params: { value },
          };
        return parsed;
      }
      case 'currency':
        return parseCurrency(text);
      case 'country':
        return parseCountry(text);
      case 'enum': {
        // Enum cells repeat endlessly ("email", "return"): remember each distinct answer.
        const cacheKey = `${field.name}\u0000${text}`;
        const cached = enumCache.get(cacheKey);
        if (cached) return cached;
        const answer = parseEnum(field, text);
        if (enumCache.size < 10_000) enumCache.set(cacheKey, answer);
        return answer;
      }
    }
  }

  function parseEnum(field: FieldSpec, text: string): Parsed<CleanValue> {
    const key = normaliseEnumValue(text);
    const mapped = valueMaps.get(field.name)?.get(key);
    const candidate =
      mapped ?? (field.enumValues?.includes(key) ? key : ENUM_SYNONYMS[field.name]?.[key]);
    if (candidate && field.enumValues?.includes(candidate)) return { ok: true, value: candidate };
    if (field.openValues) {
      // The shop's own value: stored under its own name, placed by the shop's rule.
      const value = ownValue(text);
      if (value.includes('\u0000')) return NUL_PROBLEM;
      notes.push({ kind: 'own_value', field: field.name });
      return { ok: true, value };
    }
    const expected = field.enumValues?.join(', ') ?? '';
    const value = text.trim();
    return {
      ok: false,
      message: `"${value}" is not a known ${field.name}; expected one of ${expected} (or map it in the mapping's values.${field.name})`,
      code: 'row.notKnown',
      params: { value, field: field.name, expected },
    };
  }

  return (raw) => {
    const record: CleanRecord = {};
    const errors: RowError[] = [];
    notes = [];
    ratingOriginal = null;
    for (const field of fields) {
      const column = mapping.columns[field.name];
      const cell = column === undefined ? undefined : raw[column];
      if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) {
        // A nested object or list (JSON, an Arrow struct) is never one field's value.
        record[field.name] = null;
        const shape = Array.isArray(cell) ? 'list' : 'object';
        errors.push({
          field: field.name,
          value: shown(cell),
          message: `is ${shape === 'list' ? 'a list' : 'an object'}; a single value is expected`,
          code: 'row.notSingleValue',
          params: { shape },
        });
        continue;
      }
      let text = column === undefined ? null : cellText(cell);
      if (text === null) text = mapping.defaults?.[field.name] ?? null;
      if (text === null) {
        record[field.name] = null;
        // Derived from other fields (completeRecord) when no column is mapped to it.
        if (field.required && !(field.derivable && column === undefined)) {
          errors.push(
            column === undefined
              ? {
                  field: field.name,
                  value: null,
                  message: `is required but no column is mapped to it`,
                  code: 'row.requiredUnmapped',
                  params: {},
                }
              : {
                  field: field.name,
                  value: null,
                  message: `is required but empty (column "${column}")`,
                  code: 'row.requiredEmpty',
                  params: { column },
                },
          );
        }
        continue;
      }
      if (text.includes(UNREADABLE)) {
        record[field.name] = null;
        errors.push({
          field: field.name,
          value: shown(text),
          message: `contains bytes that are not valid UTF-8 (shown as ${UNREADABLE}): save the file as UTF-8, or declare its encoding`,
          code: 'row.notUtf8',
          params: {},
        });
        continue;
      }
      const parsed = parseField(field, text);
      if (parsed.ok) record[field.name] = parsed.value;
      else {
        record[field.name] = null;
        errors.push({
          field: field.name,
          value: shown(raw[column ?? ''] ?? text),
          message: parsed.message,
          code: parsed.code,
          params: parsed.params,
        });
      }
    }
    if (kind === 'feedback') {
      record['rating_original'] = ratingOriginal;
      record['rating_scale'] =
        ratingOriginal === null || !ratingScale ? null : `${ratingScale.min}-${ratingScale.max}`;
    }
    if (errors.length === 0) completeRecord(kind, record, errors, notes);
    if (errors.length) return { ok: false, errors };
    return notes.length ? { ok: true, record, notes } : { ok: true, record };
  };
}

function after(record: CleanRecord, later: string, earlier: string, errors: RowError[]): void {
  const a = record[later];
  const b = record[earlier];
  if (a instanceof Date && b instanceof Date && a.getTime() < b.getTime()) {
    errors.push({
      field: later,
      value: a.toISOString(),
      message: `is before ${earlier} (${b.toISOString()})`,
      code: 'row.beforeOther',
      params: { other: earlier, date: b.toISOString() },
    });
  }
}

/**
 * A line's key when the file has no line id: its order and line number, or its order and
 * SKU (a SKU repeated within one order is numbered in the staging table, ingest.tables).
 */
function deriveKey(record: CleanRecord, notes: RowNote[]): string | null {
  if (record['order_id'] === null || record['order_id'] === undefined) return null;
  const line = record['line_number'];
  if (line !== null && line !== undefined) {
    notes.push({ kind: 'derived_key', by: 'line' });
    return `${record['order_id']}:${line}`;
  }
  if (record['sku'] === null || record['sku'] === undefined) return null;
  notes.push({ kind: 'derived_key', by: 'sku' });
  return `${record['order_id']}:${record['sku']}`;
}

/** Defaults and rules that involve more than one field. */
function completeRecord(
  kind: IngestKind,
  record: CleanRecord,
  errors: RowError[],
  notes: RowNote[],
): void {
  switch (kind) {
    case 'products':
      if (record['name'] === null) {
        record['name'] = record['sku'];
        notes.push({ kind: 'derived_name' });
      }
      if (record['category'] === null) {
        record['category'] = UNCATEGORISED;
        notes.push({ kind: 'uncategorised' });
      }
      break;
    case 'sales':
      record['external_id'] ??= deriveKey(record, notes);
      record['currency'] ??= null;
      if (record['currency'] === null) {
        errors.push({
          field: 'currency',
          value: null,
          message: 'is required for a price: map a currency column or set defaults.currency',
          code: 'row.currencyForPrice',
          params: {},
        });
      }
      after(record, 'delivered_at', 'ordered_at', errors);
      break;
    case 'claims':
      if (record['external_id'] === null) {
        record['external_id'] = deriveKey(record, notes);
        if (record['external_id'] === null) {
          errors.push({
            field: 'external_id',
            value: null,
            message:
              'is required: map a column to it, or map order_id and sku (or a line number) to derive it',
            code: 'row.keyRequired',
            params: {},
          });
        }
      }
      record['quantity'] ??= 1;
      record['contact_count'] ??= 1;
      record['status'] ??= record['resolved_at']
        ? 'resolved'
        : record['first_response_at']
          ? 'in_progress'
          : 'open';
      for (const amount of ['refund_amount', 'cost_amount']) {
        if (record[amount] !== null && record['currency'] === null) {
          errors.push({
            field: 'currency',
            value: null,
            message: `is required when ${amount} is given: map a currency column or set defaults.currency`,
            code: 'row.currencyForAmount',
            params: { amount },
          });
          break;
        }
      }
      for (const field of ['first_response_at', 'resolved_at', 'refunded_at'])
        after(record, field, 'opened_at', errors);
      break;
    case 'feedback':
      record['source'] ??= 'review';
      // A review's title goes before its message: the text analysed is both.
      if (typeof record['title'] === 'string' && record['title']) {
        record['text'] =
          typeof record['text'] === 'string' && record['text']
            ? cutText(`${record['title']}\n${record['text']}`, TEXT_MAX)
            : record['title'];
      }
      if (record['sku'] === null && record['order_id'] === null && record['claim_id'] === null) {
        errors.push({
          field: 'sku',
          value: null,
          message: 'one of sku, order_id or claim_id is needed to know what the feedback is about',
          code: 'row.feedbackSubject',
          params: {},
        });
      }
      if (record['rating'] === null && record['text'] === null) {
        errors.push({
          field: 'rating',
          value: null,
          message: 'a feedback item needs a rating or a text',
          code: 'row.feedbackEmpty',
          params: {},
        });
      }
      break;
    default:
      break;
  }
}
