import type {
  FieldMatch,
  IngestKind,
  IngestMapping,
  MappingSuggestion,
  RatingScale,
} from '@returnlens/shared/contracts';
import { ENUM_SYNONYMS, normaliseEnumValue } from './enum-synonyms';
import { fieldsOf, type FieldSpec } from './fields';
import { parseCountry, parseCurrency, parseDecimal, parseInteger, parseTimestamp } from './values';

/** Confidence from which a match is trusted without the user confirming it. */
export const CONFIDENT = 0.8;
/** Matches below this are shown (to be checked) but not used when the file loads unmapped. */
export const USABLE = 0.5;
/** Sample values shown per column. */
const SHOWN_SAMPLES = 3;
/** With fewer sampled values than this, values weaken a match but never refuse it. */
const REFUSE_FROM = 3;
/** Sampled values from which value evidence counts fully. */
const FULL_EVIDENCE = 10;

/**
 * Header text reduced to what identifies it: words of CamelCase split, lower case, no accents,
 * words separated by one space ("InvoiceNo" → "invoice no", "Data_Zwrotu" → "data zwrotu",
 * "Rücksendegrund" → "rucksendegrund").
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Words that abbreviate "number" in the languages shops export in. */
const NUMBER_WORDS = new Set(['no', 'nr', 'num', 'number', 'numer', 'nummer', 'numero', 'nomer']);

/**
 * A header as compared with the known names: normalised, Cyrillic transliterated (so
 * "nomer_zakaza" and "Номер заказа" meet), "nr", "no", "numer"… as one word.
 */
function fold(header: string): string {
  return [...normaliseHeader(header)]
    .map((ch) => CYRILLIC[ch] ?? ch)
    .join('')
    .split(' ')
    .map((word) => (NUMBER_WORDS.has(word) ? 'no' : word))
    .join(' ');
}

interface FieldNames {
  readonly field: FieldSpec;
  readonly name: string;
  readonly names: readonly string[];
  readonly avoid: readonly string[];
}

const namesCache = new Map<IngestKind, readonly FieldNames[]>();

function namesOf(kind: IngestKind): readonly FieldNames[] {
  let names = namesCache.get(kind);
  if (!names) {
    names = fieldsOf(kind).map((field) => ({
      field,
      name: fold(field.name),
      names: [...new Set([fold(field.name), ...field.synonyms.map(fold)])].filter(Boolean),
      avoid: (field.avoid ?? []).map(fold),
    }));
    namesCache.set(kind, names);
  }
  return names;
}

/**
 * How surely a header names a field, from its words alone: 1 for the field's name or a known
 * name; 0.95 for one written without spaces ("unitprice"); a known name inside a longer header
 * scores by the share of the header's words it covers ("Date received (UTC)" 0.82, "Kind of
 * thing" 0.68). A header holding a word that says it is something else ("delivered" for the
 * order date) is no match, unless the known name holds that word too.
 */
function headerScore(header: string, names: FieldNames): number {
  const folded = fold(header);
  if (!folded) return 0;
  if (names.names.includes(folded)) return 1;
  const words = folded.split(' ');
  const joined = words.join('');
  let best = 0;
  for (const name of names.names) {
    const nameWords = name.split(' ');
    const foreign = names.avoid.some((w) => words.includes(w) && !nameWords.includes(w));
    if (foreign) continue;
    if (joined === nameWords.join('')) best = Math.max(best, 0.95);
    else if (` ${folded} `.includes(` ${name} `))
      best = Math.max(best, 0.55 + 0.4 * (nameWords.length / words.length));
  }
  return Math.min(best, 0.95);
}

/** Text of a sampled cell (empty → null). */
function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

const ID_FIELDS = new Set([
  'external_id',
  'order_id',
  'sku',
  'customer_id',
  'supplier_id',
  'claim_id',
  'language',
]);

function isDate(value: string): boolean {
  return parseTimestamp(value, { format: 'auto', timeZone: 'UTC' }).ok;
}

/** What an id looks like: short, few words, not a date, not an amount with decimals. */
function idLike(value: string): boolean {
  if (value.length > 64 || value.split(/\s+/).length > 3) return false;
  if (/^[+-]?\d+[.,]\d+$/.test(value)) return false;
  if (!/^\d+$/.test(value) && isDate(value)) return false;
  return /\d/.test(value) || !/\s/.test(value);
}

/** Words, not a number or a date. */
function wordy(value: string): boolean {
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  // parseDecimal takes "EUR 12" (a currency code beside a number) for a number; more than
  // three letters are words ("row 1 of S").
  return letters > 0 && (letters > 3 || !parseDecimal(value).ok) && !isDate(value);
}

/**
 * What people write: words, not all in capitals (an ERP's "WHITE HANGING HEART T-LIGHT
 * HOLDER" is a product's description, not a customer's message). Scripts without case
 * (Hebrew) pass.
 */
function written(value: string): boolean {
  return wordy(value) && (/\p{Ll}/u.test(value) || !/\p{Lu}/u.test(value));
}

/** Whether the enum value is known (our value, a known synonym, or in the mapping's map). */
function knownEnum(
  field: FieldSpec,
  value: string,
  valueMap: ReadonlyMap<string, string> | undefined,
): boolean {
  const key = normaliseEnumValue(value);
  const candidate =
    valueMap?.get(key) ??
    (field.enumValues?.includes(key) ? key : ENUM_SYNONYMS[field.name]?.[key]);
  return !!candidate && !!field.enumValues?.includes(candidate);
}

/** Whether one value can be this field's. */
function fits(
  field: FieldSpec,
  value: string,
  valueMap: ReadonlyMap<string, string> | undefined,
): boolean {
  switch (field.type) {
    case 'timestamp':
      return isDate(value);
    case 'integer': {
      // A rating may be on another scale (0–10, half stars, percent): ratingScaleOf says which.
      if (field.name === 'rating') {
        const parsed = parseDecimal(value);
        return parsed.ok && Number(parsed.value) >= 0 && Number(parsed.value) <= 100;
      }
      const parsed = parseInteger(value);
      if (!parsed.ok) return false;
      const n = field.negativeAsReturned ? Math.abs(parsed.value) : parsed.value;
      return (
        (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max)
      );
    }
    case 'decimal': {
      const parsed = parseDecimal(value);
      return parsed.ok && (field.min === undefined || Number(parsed.value) >= field.min);
    }
    case 'currency':
      return parseCurrency(value).ok;
    case 'country':
      return parseCountry(value).ok;
    case 'enum':
      // An open field (reason, channel) takes the shop's own values: short words.
      return (
        knownEnum(field, value, valueMap) ||
        (!!field.openValues && value.length <= 120 && wordy(value))
      );
    case 'text':
      if (ID_FIELDS.has(field.name)) return idLike(value);
      return field.cutLong ? written(value) : wordy(value);
  }
}

interface ValueEvidence {
  /** Non-empty values sampled. */
  readonly n: number;
  /** Share of them that can be the field's. */
  readonly share: number;
  /** For an enum: the distinct sampled values it does not know (at most 10). */
  readonly unknown: readonly string[];
}

function evidence(
  field: FieldSpec,
  values: readonly string[],
  valueMap: ReadonlyMap<string, string> | undefined,
): ValueEvidence {
  let fitting = 0;
  const unknown = new Set<string>();
  for (const value of values) {
    if (fits(field, value, valueMap)) fitting++;
    else if (field.type === 'enum' && unknown.size < 10) unknown.add(value);
    if (field.openValues && unknown.size < 10 && !knownEnum(field, value, valueMap))
      unknown.add(value);
  }
  return {
    n: values.length,
    share: values.length ? fitting / values.length : 0,
    unknown: [...unknown],
  };
}

/**
 * Confidence of a match from its header score and its sampled values: values that all fit
 * raise it (up to 0.6 of the way to 1 with ten or more of them), values that partly fit lower
 * it. Null when the values refuse the match: fewer than half fit, among at least three. A
 * header that is the field's own name keeps its score whatever its values. An enum column with values it does not know stays
 * below CONFIDENT when the field is required, and below USABLE (shown, not used) otherwise,
 * so that no row is rejected for a guess.
 */
function combined(
  header: number,
  byName: boolean,
  field: FieldSpec,
  values: ValueEvidence,
): number | null {
  // The field's own name as a header is what the user meant: its values are checked row by
  // row (each bad one rejected with its reason), never second-guessed here.
  if (values.n === 0 || byName) return header;
  if (values.share < 0.5 && values.n >= REFUSE_FROM) return null;
  const weight = Math.min(1, values.n / FULL_EVIDENCE);
  let confidence =
    values.share >= 0.95
      ? header + (1 - header) * 0.6 * weight
      : header * (0.5 + 0.5 * values.share);
  if (values.unknown.length && !field.openValues)
    confidence = Math.min(confidence, field.required ? 0.7 : 0.45);
  return confidence;
}

export interface SuggestOptions {
  /** Values given for every row: a required field with one is not missing. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** The mapping's value maps (field → source value → ours): mapped values are known. */
  readonly values?: IngestMapping['values'];
  /** The file's first rows, as read: their values confirm or refuse a header's match. */
  readonly rows?: readonly Record<string, unknown>[];
}

/**
 * Suggests a mapping from a file's headers and, when given, its first rows: each field gets
 * the best-scoring column, each column serves one field, surest first. A header is read in
 * any case or style (CamelCase, snake, kebab), accents folded, Cyrillic transliterated; the
 * values of a column must be able to be the field's (dates for a date, numbers for a number,
 * ids for an id, known values for an enum, words for a name). The batch may run when every
 * required field is matched with confidence ≥ 0.8, has a default, or is derived (a claim's
 * id from its order and SKU, a product's name from its SKU).
 */
export function suggestMapping(
  kind: IngestKind,
  headers: readonly string[],
  defaultsOrOptions: Readonly<Record<string, string>> | SuggestOptions = {},
): MappingSuggestion {
  const options: SuggestOptions =
    'rows' in defaultsOrOptions || 'values' in defaultsOrOptions || 'defaults' in defaultsOrOptions
      ? (defaultsOrOptions as SuggestOptions)
      : { defaults: defaultsOrOptions as Readonly<Record<string, string>> };
  const defaults = options.defaults ?? {};
  const rows = options.rows ?? [];
  const fields = namesOf(kind);
  const valueMaps = new Map<string, Map<string, string>>();
  for (const [field, map] of Object.entries(options.values ?? {})) {
    valueMaps.set(
      field,
      new Map(Object.entries(map).map(([from, to]) => [normaliseEnumValue(from), to])),
    );
  }
  const columnValues = new Map<string, string[]>();
  for (const column of headers) {
    const values: string[] = [];
    for (const row of rows) {
      const text = cellText(row[column]);
      if (text !== null) values.push(text);
    }
    columnValues.set(column, values);
  }

  const candidates: (FieldMatch & { header: number; position: number })[] = [];
  /** Known names whose values refused them: said, so that no column is dropped silently. */
  const refused: string[] = [];
  for (const names of fields) {
    headers.forEach((column, position) => {
      const header = headerScore(column, names);
      if (header === 0) return;
      const values = evidence(
        names.field,
        columnValues.get(column) ?? [],
        valueMaps.get(names.field.name),
      );
      const byName = fold(column) === names.name;
      const confidence = combined(header, byName, names.field, values);
      if (confidence === null) {
        if (header === 1) {
          const shown = shownSamples(columnValues.get(column)).map((v) => `"${v}"`);
          refused.push(
            `Column "${column}" is not used for ${names.field.name}: its values (${shown.join(', ')} …) cannot be one.`,
          );
        }
        return;
      }
      candidates.push({
        field: names.field.name,
        column,
        confidence: Math.round(confidence * 100) / 100,
        header,
        position,
        ...(values.unknown.length ? { unknownValues: values.unknown } : {}),
      });
    });
  }
  candidates.sort(
    (a, b) => b.confidence - a.confidence || b.header - a.header || a.position - b.position,
  );
  const matches: FieldMatch[] = [];
  const usedFields = new Set<string>();
  const usedColumns = new Set<string>();
  for (const { field, column, confidence, unknownValues } of candidates) {
    if (usedFields.has(field) || usedColumns.has(column)) continue;
    const samples = shownSamples(columnValues.get(column));
    matches.push({
      field,
      column,
      confidence,
      ...(unknownValues ? { unknownValues } : {}),
      ...(samples.length ? { samples } : {}),
    });
    usedFields.add(field);
    usedColumns.add(column);
  }
  const order = new Map(fields.map((f, i) => [f.field.name, i]));
  matches.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
  const used = matches.filter((m) => m.confidence >= USABLE);
  const sure = (field: string) =>
    field in defaults || used.some((m) => m.field === field && m.confidence >= CONFIDENT);
  const notes: string[] = [...refused];
  const derivedHere = (field: FieldSpec): boolean => {
    if (!field.derivable) return false;
    if (field.name === 'external_id' && sure('order_id') && (sure('line_number') || sure('sku'))) {
      notes.push(derivedKeyNote(used));
      return true;
    }
    if (kind === 'products' && field.name === 'name' && sure('sku')) {
      notes.push('No product name column: each product is named by its SKU.');
      return true;
    }
    return false;
  };
  const missingRequired = fields
    .map((f) => f.field)
    .filter((f) => f.required && !sure(f.name) && !derivedHere(f))
    .map((f) => f.name);
  if (kind === 'sales' && !sure('external_id') && sure('order_id'))
    notes.push(derivedKeyNote(used));
  const ratingColumn = used.find((m) => m.field === 'rating')?.column;
  const ratingScale = ratingColumn ? ratingScaleOf(columnValues.get(ratingColumn) ?? []) : null;
  if (ratingScale) {
    notes.push(
      `Ratings in "${ratingColumn}" are on a ${ratingScale.min}–${ratingScale.max} scale: each is converted to 1–5 stars (the scale's ends are 1 and 5 stars), and the original is kept.`,
    );
  }
  const mapping: IngestMapping = {
    columns: Object.fromEntries(used.map((m) => [m.field, m.column])),
    ...(Object.keys(defaults).length ? { defaults } : {}),
    ...(ratingScale ? { ratingScale } : {}),
  };
  const usedColumnNames = new Set(used.map((m) => m.column));
  const samples = Object.fromEntries(headers.map((h) => [h, shownSamples(columnValues.get(h))]));
  return {
    kind,
    mapping,
    matches,
    missingRequired,
    unusedColumns: headers.filter((h) => !usedColumnNames.has(h)),
    confident: missingRequired.length === 0,
    ...(notes.length ? { notes } : {}),
    ...(rows.length ? { samples } : {}),
  };
}

/**
 * The scale of a rating column when it is not whole 1–5 stars, from its sampled values:
 * above 10 → 0–100, above 5 → 0–10 (1–10 when no 0 is seen), halves → 0.5–5 or 1–5, zeros
 * → 0–5. Each needs at least two values and a fifth of them, so that one stray value of a
 * 1–5 column is rejected row by row, not taken for a scale. Null for 1–5 stars.
 */
export function ratingScaleOf(values: readonly string[]): RatingScale | null {
  const numbers: number[] = [];
  for (const value of values) {
    const parsed = parseDecimal(value);
    if (parsed.ok) numbers.push(Number(parsed.value));
  }
  if (!numbers.length) return null;
  // A scale is read from many values, never from one stray value of a 1–5 column.
  const many = (count: number) => count >= 2 && count >= 0.2 * numbers.length;
  const min = Math.min(...numbers);
  if (many(numbers.filter((n) => n > 10).length)) return { min: 0, max: 100 };
  if (numbers.some((n) => n > 10)) return null;
  if (many(numbers.filter((n) => n > 5).length)) return { min: min < 1 ? 0 : 1, max: 10 };
  if (numbers.some((n) => n > 5)) return null;
  if (many(numbers.filter((n) => !Number.isInteger(n)).length))
    return { min: min < 1 ? 0.5 : 1, max: 5 };
  if (numbers.filter((n) => n === 0).length >= 2) return { min: 0, max: 5 };
  return null;
}

/** A column's first distinct values, each at most 80 characters. */
function shownSamples(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])]
    .slice(0, SHOWN_SAMPLES)
    .map((v) => (v.length > 80 ? `${v.slice(0, 80)}…` : v));
}

function derivedKeyNote(used: readonly FieldMatch[]): string {
  const line = used.find((m) => m.field === 'line_number');
  const order = used.find((m) => m.field === 'order_id')?.column;
  return line
    ? `No line id column: each line is keyed by its order ("${order}") and line number ("${line.column}").`
    : `No line id column: each line is keyed by its order ("${order}") and SKU; a SKU repeated within one order is numbered by its place in the file.`;
}
