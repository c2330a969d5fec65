import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (`= + - @`, or a leading tab or carriage
 * return) gets a leading apostrophe. Numbers are data, never formulas: a negative rate stays
 * a number (docs/security.md, "Exports").
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 with CRLF line ends and a BOM (so spreadsheets read UTF-8 right); cells with a
 * delimiter, quote, line break, semicolon (the delimiter of many European spreadsheets) or
 * leading/trailing white space are quoted; text is formula-neutralised.
 */
const OPTIONS: Options = {
  bom: true,
  record_delimiter: 'windows',
  quoted_match: [/;/, /[\r\n]/, /^\s/, /\s$/],
  cast: {
    string: (value) => neutraliseFormula(value),
    boolean: (value) => String(value),
    date: (value) => value.toISOString(),
  },
};

/** A whole CSV file (header first) for a table that fits in memory. */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  return stringifySync([[...header], ...[...rows].map((r) => [...r])], OPTIONS);
}

/**
 * A CSV stream (header first) for tables of any size: write rows as arrays, pipe it to the
 * response; it applies back-pressure like any Node stream.
 */
export function csvStream(header: readonly string[]) {
  const stream = stringify(OPTIONS);
  stream.write([...header]);
  return stream;
}
