import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import {
  Bool,
  Field,
  Float64,
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  TimeUnit,
  Timestamp,
  Utf8,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import type { UiLanguage } from '@returnlens/shared/contracts';
import { csvHeader, csvStream } from '@returnlens/api/shared/util';

/** How an exported column is typed in Arrow (CSV writes every type as text). */
export type ExportType = 'text' | 'int32' | 'int64' | 'float64' | 'timestamp' | 'boolean';

export interface ExportColumn {
  readonly name: string;
  readonly type: ExportType;
}

/** One row of an export, its cells in column order. */
export type ExportRow = readonly unknown[];

/**
 * An open read of a table of any size (a database cursor): its columns, then its rows a batch
 * at a time. `next` answers null once every row was read; `close` (idempotent) gives back
 * whatever the read holds, also when it stops early.
 */
export interface TableCursor {
  readonly columns: readonly ExportColumn[];
  next(): Promise<readonly ExportRow[] | null>;
  close(): Promise<void>;
}

/**
 * A records export not yet started. The records routes answer this for `?format=csv|arrow`;
 * the tabular interceptor opens it (so a failing query is an error answer, not a truncated
 * file) and streams every row.
 */
export class TableExport {
  constructor(readonly open: () => Promise<TableCursor>) {}
}

/** The export type of a PostgreSQL type (by its OID); numeric and anything else as text. */
export function exportTypeOf(pgTypeId: number): ExportType {
  switch (pgTypeId) {
    case 21: // int2
    case 23: // int4
      return 'int32';
    case 20: // int8
      return 'int64';
    case 700: // float4
    case 701: // float8
      return 'float64';
    case 1114: // timestamp
    case 1184: // timestamptz
      return 'timestamp';
    case 16:
      return 'boolean';
    default:
      return 'text';
  }
}

/**
 * The cursor's rows as a stream that reads the next batch only when the one before was taken
 * (back-pressure from the client to the database). `encode` turns a batch into chunks.
 * Destroying the stream — the client went away, or a later stream failed — closes the cursor.
 */
function cursorStream<T>(
  cursor: TableCursor,
  objectMode: boolean,
  encode: (rows: readonly ExportRow[]) => readonly T[],
  last: readonly T[] = [],
): Readable {
  let reading = false;
  return new Readable({
    objectMode,
    highWaterMark: objectMode ? 1_000 : 1 << 20,
    read() {
      if (reading) return;
      reading = true;
      const fetchNext = (): void => {
        cursor.next().then(
          (rows) => {
            if (rows === null) {
              reading = false;
              for (const chunk of last) this.push(chunk);
              this.push(null);
              return;
            }
            const chunks = encode(rows);
            // An empty batch pushes nothing, and the stream would wait for a push: read on.
            if (chunks.length === 0) return fetchNext();
            reading = false;
            for (const chunk of chunks) this.push(chunk);
          },
          (error: Error) => this.destroy(error),
        );
      };
      fetchNext();
    },
    destroy(error, callback) {
      cursor.close().then(
        () => callback(error),
        () => callback(error),
      );
    },
  });
}

/**
 * Every row of the cursor as CSV through the one CSV writer (`csvStream`: BOM, RFC 4180,
 * formulas neutralised), header first (field names, or labels in `lang`). Memory holds a
 * batch, not the table.
 */
export function csvExportStream(cursor: TableCursor, lang: UiLanguage | null = null): Readable {
  const rows = cursorStream(cursor, true, (batch) => batch.map((row) => [...row]));
  return pipeline(
    rows,
    csvStream(
      csvHeader(
        cursor.columns.map((c) => c.name),
        lang,
      ),
    ),
    () => undefined,
  ) as unknown as Readable;
}

function arrowType(type: ExportType): DataType {
  switch (type) {
    case 'int32':
      return new Int32();
    case 'int64':
      return new Int64();
    case 'float64':
      return new Float64();
    case 'timestamp':
      return new Timestamp(TimeUnit.MILLISECOND, 'UTC');
    case 'boolean':
      return new Bool();
    default:
      return new Utf8();
  }
}

function arrowValue(type: ExportType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'int32':
    case 'float64':
      return Number(value);
    case 'int64':
      return BigInt(value as string | number);
    case 'timestamp':
      return value instanceof Date ? value.getTime() : Date.parse(String(value));
    case 'boolean':
      return Boolean(value);
    default:
      return value instanceof Date ? value.toISOString() : String(value);
  }
}

const END_OF_STREAM = 8; // the IPC stream's last message: 0xFFFFFFFF, then a zero length

/**
 * Every row of the cursor as an Arrow IPC stream: the schema, one record batch per database
 * batch, the end marker. Timestamps are Timestamp(ms, UTC), integers Int32/Int64, other numbers
 * Float64, the rest UTF-8 (money stays exact, as text). Each batch is encoded alone and its copy
 * of the schema message dropped, so memory holds one batch, not the table.
 */
export function arrowExportStream(cursor: TableCursor): Readable {
  const schema = new Schema(cursor.columns.map((c) => new Field(c.name, arrowType(c.type), true)));
  const empty = tableToIPC(new Table(schema), 'stream');
  const schemaBytes = empty.subarray(0, empty.length - END_OF_STREAM);
  const eos = empty.subarray(empty.length - END_OF_STREAM);
  let first = true;
  const encode = (rows: readonly ExportRow[]): Uint8Array[] => {
    const out: Uint8Array[] = [];
    if (first) out.push(schemaBytes);
    first = false;
    if (rows.length === 0) return out;
    const children = cursor.columns.map(
      (c, i) =>
        vectorFromArray(
          rows.map((r) => arrowValue(c.type, r[i])),
          schema.fields[i].type,
        ).data[0],
    );
    const batch = new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children }),
    );
    const bytes = tableToIPC(new Table([batch]), 'stream');
    const head = bytes.subarray(0, schemaBytes.length);
    if (!head.every((b, i) => b === schemaBytes[i]))
      throw new Error('An Arrow batch was encoded with another schema than the stream');
    out.push(bytes.slice(schemaBytes.length, bytes.length - END_OF_STREAM));
    return out;
  };
  return cursorStream(cursor, false, encode, [eos]);
}
