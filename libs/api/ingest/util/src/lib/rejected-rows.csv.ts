import { pipeline, Readable } from 'node:stream';
import type { RejectedSummaryEntry, RowError, UiLanguage } from '@returnlens/shared/contracts';
import { csvHeader, csvStream, csvText, type CsvValue } from '@returnlens/api/shared/util';
import { ingestMessage } from './i18n/ingest-messages';

export interface RejectedRow {
  readonly rowNumber: number;
  readonly raw: string;
  readonly errors: readonly RowError[];
}

/** What a batch says of its rejected rows: how many, how many kept, the others by error. */
export interface RejectedTotals {
  readonly rejected: number;
  readonly rejectedKept?: number;
  readonly rejectedSummary?: readonly RejectedSummaryEntry[];
}

const HEADER = ['row', 'field', 'value', 'message', 'original'];

/** One line per error of a rejected row: row number, field, value, message, the original row. */
function* lines(row: RejectedRow): Generator<CsvValue[]> {
  for (const error of row.errors)
    yield [row.rowNumber, error.field, error.value, error.message, row.raw];
}

/**
 * After the kept rows, the rows beyond the cap (INGEST_REJECTED_ROWS_KEPT): one line saying
 * how many, then one per field and message with its count and first row numbers. Nothing
 * when every rejected row was kept.
 */
function* summaryLines(
  totals: RejectedTotals | undefined,
  language: UiLanguage,
): Generator<CsvValue[]> {
  const kept = totals?.rejectedKept ?? totals?.rejected ?? 0;
  const notKept = (totals?.rejected ?? 0) - kept;
  if (!totals || notKept <= 0) return;
  yield [
    null,
    null,
    null,
    ingestMessage(
      language,
      'csv.notKept',
      { notKept, kept },
      `${notKept} more rejected rows were counted but not kept in full (only the first ${kept} are, INGEST_REJECTED_ROWS_KEPT); their errors by field and message follow`,
    ),
    null,
  ];
  for (const entry of totals.rejectedSummary ?? []) {
    const more = entry.rows > entry.firstRows.length;
    const firstRows = entry.firstRows.join(', ');
    yield [
      null,
      entry.field,
      null,
      entry.message,
      ingestMessage(
        language,
        'csv.notKeptEntry',
        { rows: entry.rows, firstRows, more: more ? 'yes' : 'no' },
        `(not kept in full: ${entry.rows} rows with this error, the first at rows ${firstRows}${more ? ', …' : ''})`,
      ),
    ];
  }
}

/**
 * The rejected rows as one CSV text (a batch with few of them); `lang` labels the header,
 * `messageLanguage` writes the closing summary's sentences (the rows' messages are the
 * caller's: localizeRejectedRow).
 */
export function rejectedRowsCsv(
  rows: readonly RejectedRow[],
  totals?: RejectedTotals,
  lang: UiLanguage | null = null,
  messageLanguage: UiLanguage = 'en',
): string {
  return csvText(csvHeader(HEADER, lang), [
    ...rows.flatMap((row) => [...lines(row)]),
    ...summaryLines(totals, messageLanguage),
  ]);
}

/**
 * The same CSV, byte for byte, as a stream: rows are pulled from `rows` (e.g. pages read from
 * the database) only as fast as the reader of the stream takes them, so a batch with a
 * million rejected rows costs a page of memory, not the file. Destroying the stream (the
 * client went away) stops the reading; a failing source destroys the stream with its error.
 */
export function rejectedRowsCsvStream(
  rows: AsyncIterable<RejectedRow>,
  totals?: RejectedTotals,
  lang: UiLanguage | null = null,
  messageLanguage: UiLanguage = 'en',
): Readable {
  async function* records(): AsyncGenerator<CsvValue[]> {
    for await (const row of rows) yield* lines(row);
    yield* summaryLines(totals, messageLanguage);
  }
  const csv = csvStream(csvHeader(HEADER, lang));
  return pipeline(Readable.from(records()), csv, () => undefined);
}
