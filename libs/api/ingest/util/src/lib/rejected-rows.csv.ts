import type { RowError } from '@returnlens/shared/contracts';
import { csvStream, csvText } from '@returnlens/api/shared/util';

export interface RejectedRow {
  readonly rowNumber: number;
  readonly raw: string;
  readonly errors: readonly RowError[];
}

const HEADER = ['row', 'field', 'value', 'message', 'original'];

/** One line per error of a rejected row: row number, field, value, message, the original row. */
function* lines(row: RejectedRow) {
  for (const error of row.errors)
    yield [row.rowNumber, error.field, error.value, error.message, row.raw] as const;
}

/** The rejected rows as one CSV text. */
export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  return csvText(
    HEADER,
    rows.flatMap((row) => [...lines(row)]),
  );
}

/** The same CSV as a stream fed row by row (for batches with many rejected rows). */
export function rejectedRowsCsvStream() {
  const stream = csvStream(HEADER);
  return {
    stream,
    /** Writes one rejected row; resolves when the stream can take more. */
    write(row: RejectedRow): Promise<void> | void {
      let ok = true;
      for (const line of lines(row)) ok = stream.write([...line]) && ok;
      if (!ok) return new Promise((resolve) => stream.once('drain', () => resolve()));
    },
  };
}
