import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { UiLanguage } from '@returnlens/shared/contracts';
import { csvHeader, csvText } from '@returnlens/api/shared/util';

type Flat = Record<string, string | number | boolean | null>;

/** Nested objects become `parent.child` columns; arrays become JSON text. */
export function flattenRow(row: Record<string, unknown>, prefix = '', out: Flat = {}): Flat {
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) out[name] = null;
    else if (value instanceof Date) out[name] = value.toISOString();
    else if (Array.isArray(value)) out[name] = JSON.stringify(value);
    else if (typeof value === 'object') flattenRow(value as Record<string, unknown>, name, out);
    else out[name] = value as string | number | boolean;
  }
  return out;
}

/**
 * The table of a response to export: `name` when given, else the first property that is a
 * list of records. Throws a RangeError naming the tables there are.
 */
export function pickTable(body: unknown, name?: string): Record<string, unknown>[] {
  const tables = Object.entries((body ?? {}) as Record<string, unknown>).filter(
    ([, v]) =>
      Array.isArray(v) && v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r)),
  );
  const found = name ? tables.find(([k]) => k === name) : tables[0];
  if (!found) {
    throw new RangeError(
      name
        ? `This answer has no table "${name}"; its tables are ${tables.map(([k]) => k).join(', ') || 'none'}.`
        : 'This answer has no table to export.',
    );
  }
  return found[1] as Record<string, unknown>[];
}

function columnsOf(rows: Flat[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) seen.add(k);
  return [...seen];
}

/**
 * RFC 4180 CSV with a BOM (spreadsheets read UTF-8 right), formula-injection safe. The header
 * names the fields, or labels them in `lang` when a language was asked for (`?lang=`).
 */
export function toCsv(rows: Record<string, unknown>[], lang: UiLanguage | null = null): string {
  const flat = rows.map((r) => flattenRow(r));
  const columns = columnsOf(flat);
  return csvText(
    csvHeader(columns, lang),
    flat.map((row) => columns.map((c) => row[c])),
  );
}

/** An Arrow IPC stream: numbers as float64, everything else as UTF-8 text. */
export function toArrow(rows: Record<string, unknown>[]): Uint8Array {
  const flat = rows.map((r) => flattenRow(r));
  const columns = columnsOf(flat);
  const arrays: Record<string, Float64Array | (string | null)[]> = {};
  for (const c of columns) {
    const numeric = flat.every(
      (r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number',
    );
    arrays[c] = numeric
      ? Float64Array.from(flat, (r) => (typeof r[c] === 'number' ? (r[c] as number) : Number.NaN))
      : flat.map((r) => (r[c] === null || r[c] === undefined ? null : String(r[c])));
  }
  return tableToIPC(tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]), 'stream');
}
