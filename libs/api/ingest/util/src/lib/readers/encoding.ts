import { isAscii, isUtf8 } from 'node:buffer';
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/**
 * The text encoding of a CSV: of the whole file (from its first 64 kB) and, in a file in a
 * single-byte code page, of each row (a row written in UTF-8 stays UTF-8).
 */

/**
 * Whether the sample is UTF-8, ignoring a multi-byte character cut at its end (the sample
 * is the first 64 kB of the file, not a whole file).
 */
export function isUtf8Sample(sample: Buffer): boolean {
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

const singleByte = new Map<string, boolean>();

/**
 * Whether an encoding is a code page of one byte per character that reads ASCII as ASCII
 * (the Windows and ISO pages). Its CSV can be split into rows and cells before decoding:
 * delimiters, quotes and line breaks are the same bytes in such a page and in UTF-8.
 */
export function isSingleByteEncoding(encoding: string): boolean {
  let answer = singleByte.get(encoding);
  if (answer === undefined) {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const text = iconv.decode(bytes, encoding);
    answer =
      text.length === 256 &&
      text.slice(0, 128) === bytes.subarray(0, 128).toString('latin1') &&
      iconv.encode(text, encoding).length === 256; // UTF-8 would give 3 bytes for each U+FFFD
    singleByte.set(encoding, answer);
  }
  return answer;
}

/** Row numbers named in a warning; the rest are counted. */
const NAMED_ROWS = 20;

function listed(numbers: readonly string[], total: number): string {
  const more = total - numbers.length;
  if (more > 0) return `${numbers.join(', ')} and ${more} more`;
  return numbers.length === 1
    ? numbers[0]
    : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** The scripts whose letters a word of real text does not mix (a wrong decoding does). */
const SCRIPTS = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Arabic}/u,
];
const LETTER = /\p{L}/u;
/** U+FFFD or a C1 control: no text has them, a wrong decoding often gives them. */
const NO_TEXT = /[\uFFFD\u0080-\u009F]/u;

/**
 * How many words of a text cannot be real: with U+FFFD or a C1 control, or with letters
 * of two scripts. A code page's capitals read as UTF-8 give such words ("PÓŁKA" in
 * windows-1250 is valid UTF-8, and reads "PӣKA", a Cyrillic letter inside a Latin word).
 */
export function implausibleWords(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/)) {
    if (NO_TEXT.test(word)) {
      count++;
      continue;
    }
    let script = -1;
    for (const ch of word) {
      let found: number;
      if (ch < '\u0080') {
        if (!/[A-Za-z]/.test(ch)) continue;
        found = 0; // Latin
      } else {
        if (!LETTER.test(ch)) continue;
        found = SCRIPTS.findIndex((pattern) => pattern.test(ch));
        if (found < 0) found = SCRIPTS.length; // any other script
      }
      if (script >= 0 && found !== script) {
        count++;
        break;
      }
      script = found;
    }
  }
  return count;
}

/**
 * A file in a Windows or ISO code page with rows in UTF-8 (pasted in from another export):
 * each row is decoded in its own encoding, because the page would turn valid UTF-8 into
 * mojibake ("Zepsuł" read as windows-1250 is "ZepsuĹ‚"). A value is UTF-8 when its bytes
 * are valid UTF-8 (text in a code page almost never is: every byte from 0x80 would have to
 * fall into a well-formed UTF-8 sequence) and reading them so gives no more implausible
 * words than the code page does (which catches the few code-page words that are valid
 * UTF-8). A row is read as UTF-8 when its non-ASCII values are; a row mixing a UTF-8 value
 * with one that is not cannot be decoded with confidence and is rejected.
 */
export class RowDecoder {
  private readonly utf8Rows: string[] = [];
  private utf8Count = 0;
  private readonly decoder: { write(bytes: Buffer): string };

  constructor(private readonly encoding: string) {
    // A single-byte page's decoder keeps no state between values.
    this.decoder = iconv.getDecoder(encoding);
  }

  /** The cells as text, and a message when the row's cells are in two encodings. */
  decode(
    cells: ReadonlyArray<Uint8Array | string>,
    rowNumber: number,
  ): {
    cells: string[];
    message?: string;
    code?: string;
    params?: Readonly<Record<string, string | number>>;
  } {
    let firstUtf8 = -1;
    let firstOther = -1;
    const text = cells.map((cell, i) => {
      // A BOM at the start makes the parser give strings (UTF-8) for the whole file.
      if (typeof cell === 'string') return cell;
      const bytes = Buffer.isBuffer(cell)
        ? cell
        : Buffer.from(cell.buffer, cell.byteOffset, cell.byteLength);
      if (isAscii(bytes)) return bytes.toString('latin1');
      const inPage = this.decoder.write(bytes);
      if (isUtf8(bytes)) {
        const inUtf8 = bytes.toString('utf8');
        if (implausibleWords(inUtf8) <= implausibleWords(inPage)) {
          if (firstUtf8 < 0) firstUtf8 = i;
          return inUtf8;
        }
      }
      if (firstOther < 0) firstOther = i;
      return inPage;
    });
    if (firstUtf8 < 0) return { cells: text };
    if (firstOther >= 0 && rowNumber > 0) {
      return {
        cells: text,
        message:
          `mixes two encodings: value ${firstUtf8 + 1} is UTF-8 but value ${firstOther + 1} ` +
          `is not, and the file is read as ${this.encoding}. Save the file in one encoding ` +
          '(UTF-8 is best) and send it again.',
        code: 'row.mixedEncodings',
        params: { utf8: firstUtf8 + 1, other: firstOther + 1, encoding: this.encoding },
      };
    }
    if (++this.utf8Count <= NAMED_ROWS) this.utf8Rows.push(rowNumber ? `${rowNumber}` : 'header');
    return { cells: text };
  }

  /** What the batch report says of the rows read as UTF-8, if any. */
  warnings(): string[] {
    if (this.utf8Count === 0) return [];
    const header = this.utf8Rows[0] === 'header';
    const rows = header ? this.utf8Rows.slice(1) : this.utf8Rows;
    const rowCount = this.utf8Count - (header ? 1 : 0);
    const what = [
      ...(header ? ['the header line'] : []),
      ...(rowCount ? [`${rowCount === 1 ? 'row' : 'rows'} ${listed(rows, rowCount)}`] : []),
    ].join(' and ');
    const plural = this.utf8Count > 1;
    return [
      `${what[0].toUpperCase()}${what.slice(1)} ${plural ? 'are' : 'is'} UTF-8 while the rest ` +
        `of the file is ${this.encoding}: ${plural ? 'they were' : 'it was'} read as UTF-8, ` +
        `so ${plural ? 'their' : 'its'} text is kept as written.`,
    ];
  }
}
