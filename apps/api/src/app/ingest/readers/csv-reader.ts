import { Readable } from 'node:stream';
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

/** Streams records from CSV as shops export it: any delimiter, quoting, encodings, BOM. */
export async function readCsv(input: Readable, options: CsvOptions = {}): Promise<RecordSource> {
  const { head, stream } = await peek(input, SAMPLE_BYTES);
  if (head.length === 0)
    throw new InputError('The file is empty: expected a header line and at least one row.');
  if (head.subarray(0, 4096).includes(0) && !(head[0] === 0xff && head[1] === 0xfe)) {
    throw new InputError('This does not look like a CSV file: it contains binary data.');
  }
  const encoding = (options.encoding ?? detectEncoding(head)).toLowerCase();
  if (!iconv.encodingExists(encoding)) {
    throw new InputError(`Unknown encoding "${encoding}"; use one of ${CSV_ENCODINGS.join(', ')}.`);
  }
  const sampleText = iconv.decode(head, encoding).replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? detectDelimiter(sampleText);

  let headers: string[] = [];
  const parser = stream.pipe(iconv.decodeStream(encoding)).pipe(
    parse({
      delimiter,
      bom: true,
      columns: (header: string[]) =>
        (headers = header.map((h, i) => h.trim() || `column ${i + 1}`)),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }),
  );
  const batches = readBatches<Record<string, string>>(parser);
  let first: IteratorResult<Record<string, string>[]>;
  try {
    first = await batches.next(); // reads the header, so `headers` is known
  } catch (error) {
    throw new InputError(`The CSV cannot be read: ${(error as Error).message}`);
  }

  async function* items(): AsyncGenerator<ReadItem[]> {
    let rowNumber = 0;
    try {
      for (let next = first; !next.done; next = await batches.next()) {
        yield next.value.map((record) => {
          rowNumber++;
          return {
            rowNumber,
            raw: record,
            // Only rejected rows need their text: rebuilt from the cells, on demand.
            get rawText() {
              return Object.values(record)
                .map((cell) => quoteCell(String(cell), delimiter))
                .join(delimiter);
            },
          };
        });
      }
    } catch (error) {
      throw new InputError(
        `The CSV cannot be read after data row ${rowNumber}: ${(error as Error).message}`,
      );
    }
  }

  return {
    headers,
    details: { encoding, delimiter: delimiter === '\t' ? 'tab' : delimiter },
    batches: items(),
  };
}
