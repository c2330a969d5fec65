import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { readBatches } from './batches';
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

function isValidUtf8(sample: Buffer): boolean {
  // Ignore a multi-byte character cut at the end of the sample.
  let end = sample.length;
  for (let i = 1; i <= 3 && i <= sample.length; i++) {
    const byte = sample[sample.length - i];
    if ((byte & 0xc0) === 0xc0) {
      end = sample.length - i;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Counts the well-formed multi-byte UTF-8 characters and the bytes that fit no UTF-8
 * character. Text in a Windows code page has almost none of the first; a UTF-8 file with a
 * few rows pasted in from another encoding has many of the first and a few of the second.
 */
export function utf8Balance(sample: Buffer): { characters: number; strayBytes: number } {
  let characters = 0;
  let strayBytes = 0;
  let i = 0;
  while (i < sample.length) {
    const byte = sample[i];
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length =
      byte >= 0xc2 && byte <= 0xdf
        ? 2
        : byte >= 0xe0 && byte <= 0xef
          ? 3
          : byte >= 0xf0 && byte <= 0xf4
            ? 4
            : 0;
    if (length === 0) {
      strayBytes++;
      i++;
      continue;
    }
    if (i + length > sample.length) break; // cut at the end of the sample
    let ok = true;
    for (let k = 1; k < length; k++) if ((sample[i + k] & 0xc0) !== 0x80) ok = false;
    if (ok) {
      characters++;
      i += length;
    } else {
      strayBytes++;
      i++;
    }
  }
  return { characters, strayBytes };
}

const CANDIDATES = ['windows-1252', 'windows-1250', 'windows-1251', 'windows-1255'] as const;
/** Letters that only Central European text has, and that windows-1252 shows as symbols. */
const CENTRAL_EUROPEAN = /[łżąśźŁŻĄŚŹ]/u;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

/** The most frequent Russian letters: over 85% of the letters of Russian text. */
const COMMON_CYRILLIC = new Set('оеаинтсрвлкмдпуяыьгзб');

/**
 * How plausible a decoding is: words in one script, non-ASCII letters inside words rather
 * than symbols, and Latin words that are mostly ASCII (Cyrillic or Hebrew decoded as
 * Latin-1 gives words made only of accented letters).
 */
function plausibility(text: string, encoding: string): number {
  let score = 0;
  for (const word of text.match(/[\p{L}\p{N}\p{S}\p{No}¿]+/gu) ?? []) {
    if (isAscii(word)) continue;
    const latin = (word.match(/\p{Script=Latin}/gu) ?? []).length;
    const cyrillic = (word.match(/\p{Script=Cyrillic}/gu) ?? []).length;
    const hebrew = (word.match(/\p{Script=Hebrew}/gu) ?? []).length;
    const symbols = (word.match(/[^\p{L}\p{N}]/gu) ?? []).length;
    const scripts = [latin, cyrillic, hebrew].filter((n) => n > 0).length;
    if (scripts > 1) score -= 5;
    score -= 3 * symbols;
    if (latin > 0 && scripts === 1) {
      const accented = countNonAscii(word);
      score += accented * 2 > latin ? -3 : 1;
      if (encoding === 'windows-1250' && CENTRAL_EUROPEAN.test(word)) score += 1;
    } else if (scripts === 1 && symbols === 0) {
      score += 1;
    }
  }
  if (encoding === 'windows-1251') {
    // Hebrew bytes read as windows-1251 are Cyrillic too, but mostly rare letters (щ й ш ж).
    const letters = text.toLowerCase().match(/\p{Script=Cyrillic}/gu) ?? [];
    const common = letters.filter((c) => COMMON_CYRILLIC.has(c)).length;
    if (letters.length > 0 && common / letters.length < 0.75) score -= letters.length;
  }
  return score;
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else the most plausible Windows code page. */
export function detectEncoding(sample: Buffer): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (isValidUtf8(sample)) return 'utf-8';
  // Mostly UTF-8 with a few stray bytes: read as UTF-8, and the rows with the stray bytes
  // are rejected (a Windows code page would garble every UTF-8 row instead).
  const { characters, strayBytes } = utf8Balance(sample);
  if (characters >= 2 && characters >= strayBytes) return 'utf-8';
  let best: string = CANDIDATES[0];
  let bestScore = -Infinity;
  for (const encoding of CANDIDATES) {
    const score = plausibility(iconv.decode(sample, encoding), encoding);
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

function quoteCell(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

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

  const parser = pipeline(
    stream,
    iconv.decodeStream(encoding),
    parse({
      delimiter,
      bom: true,
      // A bare quote inside a value (`The 5" screen`) is kept as written.
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
      max_record_size: MAX_ROW_CHARS,
    }),
    () => undefined, // errors reach the reader through the parser
  );
  const batches = readBatches<string[]>(parser);
  let first: IteratorResult<string[][]>;
  try {
    first = await batches.next(); // the header and the first rows
  } catch (error) {
    throw unreadableCsv(error);
  }
  const headerCells = first.done ? [] : (first.value[0] ?? []);
  const headers = headerCells.map((h, i) => h.trim() || `column ${i + 1}`);
  const bare = (cell: string | undefined) => (cell ?? '').replace(/^\uFEFF/, '').trim();
  const firstHeader = bare(headerCells[0]);
  const headerKey = headerCells.map(bare).join('\u0000');

  function toItem(cells: string[], rowNumber: number): ReadItem {
    const rawText = () => cells.map((cell) => quoteCell(cell, delimiter)).join(delimiter);
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim())) {
      const shownDelimiter = delimiter === '\t' ? 'tab' : delimiter;
      return {
        rowNumber,
        rawText: rawText(),
        message:
          `has ${cells.length} values but the header has ${headers.length} columns: a value ` +
          `probably contains an unquoted ${shownDelimiter}. Put that value in quotes ("…").`,
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
        if (rows.length) yield rows.map((cells) => toItem(cells, ++rowNumber));
      }
    } catch (error) {
      throw unreadableCsv(error);
    }
  }

  return {
    headers,
    details: { encoding, delimiter: delimiter === '\t' ? 'tab' : delimiter },
    batches: items(),
  };
}
