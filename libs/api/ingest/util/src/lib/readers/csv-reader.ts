import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { readBatches } from './batches';
import { detectEncoding, isSingleByteEncoding, RowDecoder } from './encoding';
import { InputError } from './input-error';
import { peek } from './peek';
import type { ReadItem, RecordSource } from './source-record';

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;
export const CSV_ENCODINGS = [
  'utf-8',
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1255',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-8',
  'utf-16le',
] as const;

/** The delimiter that splits the header line into the most fields (outside quotes). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

export interface CsvOptions {
  readonly encoding?: string;
  readonly delimiter?: string;
}

/** Longest row read before giving up: far beyond any real row, small enough for memory. */
export const MAX_ROW_CHARS = 8 * 1024 * 1024;

/**
 * A file is binary (not CSV) when its header line has a NUL, or when more than 1% of its
 * first 4 kB are control characters (text has none but tab and line breaks): a stray NUL
 * inside one value is a bad row, not a bad file.
 */
export function looksBinary(head: Buffer): boolean {
  if (head[0] === 0xff && head[1] === 0xfe) return false; // UTF-16 LE: NUL in every other byte
  const sample = head.subarray(0, 4096);
  let lineEnd = sample.findIndex((b) => b === 0x0a || b === 0x0d);
  if (lineEnd < 0) lineEnd = sample.length;
  if (sample.subarray(0, lineEnd).includes(0)) return true;
  let controls = 0;
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f)
      controls++;
  }
  return controls > Math.max(1, sample.length / 100);
}

/** The words a shop owner needs for the CSV errors that make a whole file unreadable. */
function unreadableCsv(error: unknown): InputError {
  const { code, records } = error as { code?: string; records?: number };
  // The parser counts the header as a record: the row it was reading is data row `records`.
  const where =
    typeof records !== 'number'
      ? 'a row'
      : records === 0
        ? 'the header line'
        : `data row ${records}`;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return new InputError(
      `The CSV cannot be read: a quote (") opened in ${where} is never closed, so the rest of ` +
        'the file would be one value. Close that quote or remove it.',
    );
  }
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new InputError(
      `The CSV cannot be read: ${where} is longer than ${MAX_ROW_CHARS / 1024 / 1024} MB, ` +
        'most likely because a quote (") is never closed.',
    );
  }
  return new InputError(`The CSV cannot be read at ${where}: ${(error as Error).message}`);
}

/** Streams records from CSV as shops export it: any delimiter, quoting, encodings, BOM. */
export async function readCsv(input: Readable, options: CsvOptions = {}): Promise<RecordSource> {
  const { head, stream } = await peek(input, SAMPLE_BYTES);
  if (head.length === 0)
    throw new InputError('The file is empty: expected a header line and at least one row.');
  if (looksBinary(head)) {
    throw new InputError('This does not look like a CSV file: it contains binary data.');
  }
  const encoding = (options.encoding ?? detectEncoding(head)).toLowerCase();
  if (!iconv.encodingExists(encoding)) {
    throw new InputError(`Unknown encoding "${encoding}"; use one of ${CSV_ENCODINGS.join(', ')}.`);
  }
  const sampleText = iconv.decode(head, encoding).replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? detectDelimiter(sampleText);

  // A code page's file is split into cells first and each row decoded on its own (RowDecoder);
  // UTF-8 and UTF-16 are decoded as a stream.
  const rowDecoder = isSingleByteEncoding(encoding) ? new RowDecoder(encoding) : null;
  const csvParser = parse({
    delimiter,
    // A code page has no BOM (and its letters could look like one: "яю" in windows-1251).
    bom: !rowDecoder,
    // Cells as bytes, for the row decoder.
    encoding: rowDecoder ? null : 'utf8',
    // A bare quote inside a value (`The 5" screen`) is kept as written.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
    max_record_size: MAX_ROW_CHARS,
  });
  const noError = () => undefined; // errors reach the reader through the parser
  const parser = rowDecoder
    ? pipeline(stream, csvParser, noError)
    : pipeline(stream, iconv.decodeStream(encoding), csvParser, noError);
  type Cells = Array<string | Uint8Array>;
  const batches = readBatches<Cells>(parser);
  let first: IteratorResult<Cells[]>;
  try {
    first = await batches.next(); // the header and the first rows
  } catch (error) {
    throw unreadableCsv(error);
  }
  const headerCells = first.done
    ? []
    : rowDecoder
      ? rowDecoder.decode(first.value[0] ?? [], 0).cells
      : ((first.value[0] ?? []) as string[]);
  const headers = headerCells.map((h, i) => h.trim() || `column ${i + 1}`);
  const bare = (cell: string | undefined) => (cell ?? '').replace(/^\uFEFF/, '').trim();
  const firstHeader = bare(headerCells[0]);
  const headerKey = headerCells.map(bare).join('\u0000');

  function toItem(cells: string[], rowNumber: number): ReadItem {
    // The row as the file has it: its delimiter, cells quoted where they need it.
    const rawText = () => stringify([cells], { delimiter, eof: false });
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim())) {
      const shownDelimiter = delimiter === '\t' ? 'tab' : delimiter;
      return {
        rowNumber,
        rawText: rawText(),
        message:
          `has ${cells.length} values but the header has ${headers.length} columns: a value ` +
          `probably contains an unquoted ${shownDelimiter}. Put that value in quotes ("…").`,
        code: 'row.tooManyValues',
        params: { values: cells.length, columns: headers.length, delimiter: shownDelimiter },
      };
    }
    if (
      cells.length === headerCells.length &&
      bare(cells[0]) === firstHeader && // cheap test first: this runs for every row
      cells.map(bare).join('\u0000') === headerKey
    ) {
      return {
        rowNumber,
        rawText: rawText(),
        message: 'repeats the header line: were two files joined into one? Remove this line.',
        code: 'row.repeatedHeader',
      };
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) record[headers[i]] = cells[i] ?? '';
    return {
      rowNumber,
      raw: record,
      // Only rejected rows need their text: rebuilt from the cells, on demand.
      get rawText() {
        return rawText();
      },
    };
  }

  async function* items(): AsyncGenerator<ReadItem[]> {
    let rowNumber = 0;
    try {
      for (let next = first, skip = 1; !next.done; next = await batches.next(), skip = 0) {
        const rows = skip ? next.value.slice(skip) : next.value;
        if (!rows.length) continue;
        if (!rowDecoder) {
          yield rows.map((cells) => toItem(cells as string[], ++rowNumber));
          continue;
        }
        yield rows.map((raw): ReadItem => {
          const { cells, message, code, params } = rowDecoder.decode(raw, ++rowNumber);
          if (message === undefined) return toItem(cells, rowNumber);
          const rawText = stringify([cells], { delimiter, eof: false });
          return { rowNumber, rawText, message, code, params };
        });
      }
    } catch (error) {
      throw unreadableCsv(error);
    }
  }

  return {
    headers,
    details: { encoding, delimiter: delimiter === '\t' ? 'tab' : delimiter },
    batches: items(),
    warnings: () => rowDecoder?.warnings() ?? [],
  };
}
