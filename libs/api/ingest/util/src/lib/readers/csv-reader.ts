import { isUtf8 } from 'node:buffer';
import { pipeline, type Readable } from 'node:stream';
import { analyse } from 'chardet';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
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

/**
 * Whether the sample is UTF-8, ignoring a multi-byte character cut at its end (the sample
 * is the first 64 kB of the file, not a whole file).
 */
function isUtf8Sample(sample: Buffer): boolean {
  let end = sample.length;
  for (let i = 1; i <= 3 && i <= sample.length; i++) {
    const byte = sample[sample.length - i];
    if ((byte & 0xc0) === 0xc0) {
      end = sample.length - i;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  return isUtf8(sample.subarray(0, end));
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

/**
 * chardet's names for the code pages the reader detects. chardet says ISO-8859-1/2/8 when
 * the sample has no byte in 0x80–0x9F, where the Windows pages put letters such as ś or ź;
 * shops export from Windows, and the ISO pages' letters sit at the same bytes in the
 * Windows page (but for a few in 8859-2), so the Windows page is the one read.
 */
const CODE_PAGES: Readonly<Record<string, string>> = {
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
  'windows-1250': 'windows-1250',
  'ISO-8859-2': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1255': 'windows-1255',
  'ISO-8859-8': 'windows-1255',
};
/** The pages chardet does not name come after those it does, in this order. */
const WINDOWS_PAGES = ['windows-1252', 'windows-1250', 'windows-1251', 'windows-1255'];

const isWordByte = (byte: number) =>
  byte >= 0x80 || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
const SPACE = Buffer.from(' ');

/**
 * The words of the sample that have a non-ASCII byte, one space between them. The rest of
 * a CSV (header, ids, dates, codes) reads the same in every code page, yet chardet counts
 * it in its letter statistics: on a short file, English column names outweigh a row of
 * Russian or Hebrew and chardet guesses a Latin page.
 */
function nonAsciiWords(sample: Buffer): Buffer {
  const words: Buffer[] = [];
  let start = -1;
  let nonAscii = false;
  for (let i = 0; i <= sample.length; i++) {
    const byte = i < sample.length ? sample[i] : 0x20;
    if (isWordByte(byte)) {
      if (start < 0) [start, nonAscii] = [i, false];
      if (byte >= 0x80) nonAscii = true;
    } else if (start >= 0) {
      if (nonAscii) words.push(sample.subarray(start, i), SPACE);
      start = -1;
    }
  }
  return Buffer.concat(words);
}

/**
 * Words that mix letters with symbols, digits such as ³ or ¹, ¿ or undecodable bytes: what
 * a wrong code page makes of letters (Polish "może" read as windows-1252 is "mo¿e", Russian
 * "что" is "×òî"). A right page gives words of letters.
 */
function garbledWords(text: string): number {
  let garbled = 0;
  for (const word of text.match(/[\p{L}\p{N}\p{S}¿\uFFFD]+/gu) ?? []) {
    if (/\p{L}/u.test(word) && /[^\p{L}0-9]/u.test(word)) garbled++;
  }
  return garbled;
}

/**
 * The Windows code page of a sample that is not UTF-8: chardet's ranking of the pages the
 * reader detects, from the non-ASCII words alone. chardet rates letter sequences, and a few
 * words are too few for that: it cannot tell "dzwonił" in windows-1250 from "dzwoni³" in
 * windows-1252 (it reads ³ as a space) and often names none of the four pages for two or
 * three words. So a page that garbles fewer words comes first, and chardet's ranking
 * decides among pages that garble equally many (for Cyrillic, Hebrew and Latin letters
 * read in each other's pages, which all give letters); the pages chardet does not name
 * come last, windows-1252 first.
 */
function detectCodePage(sample: Buffer): string {
  const words = nonAsciiWords(sample);
  const ranked = analyse(words).flatMap((match) => CODE_PAGES[match.name] ?? []);
  const pages = [...new Set([...ranked, ...WINDOWS_PAGES])];
  const garbled = pages.map((page) => garbledWords(iconv.decode(words, page)));
  return pages[garbled.indexOf(Math.min(...garbled))];
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else the Windows code page chardet finds. */
export function detectEncoding(sample: Buffer): string {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (isUtf8Sample(sample)) return 'utf-8';
  // Mostly UTF-8 with a few stray bytes: read as UTF-8, and the rows with the stray bytes
  // are rejected (a Windows code page would garble every UTF-8 row instead).
  const { characters, strayBytes } = utf8Balance(sample);
  if (characters >= 2 && characters >= strayBytes) return 'utf-8';
  return detectCodePage(sample);
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
