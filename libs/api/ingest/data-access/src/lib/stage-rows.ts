import type { IngestKind, IngestMapping, RowError } from '@returnlens/shared/contracts';
import { createRowValidator, type RowNote } from '@returnlens/shared/ingest';
import { copyLine, type CopyValue } from '@returnlens/api/shared/sql';
import { KIND_TABLES } from './ingest.tables';

/** What a validator is made from: plain values, so a worker thread can make the same one. */
export interface ValidatorSpec {
  readonly kind: IngestKind;
  readonly mapping: IngestMapping;
  readonly shopTimeZone: string;
  readonly decimalSeparator: '.' | ',' | 'auto';
  /** The batch's "now" (ms), the same for every thread: later timestamps are refused. */
  readonly now: number;
}

/** One record to validate: its row number and its values as read. */
export type RowToStage = readonly [rowNumber: number, raw: Record<string, unknown>];

/** A chunk of records validated: COPY text of the valid ones, the errors of the others. */
export interface StagedRows {
  /** COPY lines (each ending in a line break) of the valid rows, in their order. */
  readonly copy: string;
  /** Positions (in the chunk) of the rows refused, with every error of each. */
  readonly rejected: readonly (readonly [index: number, errors: readonly RowError[]])[];
  /** What the validator did to stored rows (texts cut, keys derived …), by row number. */
  readonly notes: readonly (readonly [rowNumber: number, notes: readonly RowNote[]])[];
}

/**
 * Validates records into COPY text for the staging table (valid rows: `row_number`, `ok`,
 * two empty columns, then the kind's typed columns). The same code runs in the API's thread
 * and in the validation workers.
 */
export function rowStager(spec: ValidatorSpec): (rows: readonly RowToStage[]) => StagedRows {
  const validate = createRowValidator(spec.kind, spec.mapping, {
    shopTimeZone: spec.shopTimeZone,
    decimalSeparator: spec.decimalSeparator,
    now: new Date(spec.now),
  });
  const columns = KIND_TABLES[spec.kind].columns;
  return (rows) => {
    let copy = '';
    const rejected: [number, readonly RowError[]][] = [];
    const notes: [number, readonly RowNote[]][] = [];
    rows.forEach(([rowNumber, raw], index) => {
      const result = validate(raw);
      if (!result.ok) {
        rejected.push([index, result.errors]);
        return;
      }
      if (result.notes) notes.push([rowNumber, result.notes]);
      const record = result.record;
      copy +=
        copyLine([
          rowNumber,
          true,
          null,
          null,
          ...columns.map((c) => record[c.field] as CopyValue),
        ]) + '\n';
    });
    return { copy, rejected, notes };
  };
}
