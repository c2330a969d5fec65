import type { PoolClient } from 'pg';
import type { IngestKind, IngestMapping, RowError } from '@returnlens/shared/contracts';
import { createRowValidator } from '@returnlens/shared/ingest';
import { BatchNotes, isUnreadable, type ReadItem } from '@returnlens/api/ingest/util';
import { copyLine, copyText, type CopyValue } from '@returnlens/api/shared/sql';
import { createStageSql, KIND_TABLES, STAGE_TABLE } from './ingest.tables';

/**
 * PostgreSQL text cannot hold NUL: the kept copy of a rejected row shows it as ␀ (the row
 * itself is rejected for it, so no stored value is ever changed).
 */
function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\u2400') : text;
}

function errorsJson(errors: readonly RowError[]): string {
  return JSON.stringify(errors, (_key, value: unknown) =>
    typeof value === 'string' ? storable(value) : value,
  );
}

export interface StageOptions {
  readonly kind: IngestKind;
  readonly mapping: IngestMapping;
  readonly shopTimeZone: string;
  /** The CSV's delimiter: `;` files write decimals with a comma. */
  readonly delimiter?: string;
  readonly onProgress?: (progress: { rows: number; rejected: number }) => void;
  /** Gathers what was done to stored rows (texts cut, keys derived) for the report. */
  readonly notes?: BatchNotes;
}

/**
 * Reads every record, validates it and COPYs it into the staging table: a valid row with its
 * typed columns, a bad one with its raw text and every error (docs/decisions/0006). Returns
 * the rows read and rejected.
 */
export async function loadStage(
  client: PoolClient,
  batches: AsyncIterable<readonly ReadItem[]>,
  options: StageOptions,
): Promise<{ rows: number; rejected: number }> {
  const spec = KIND_TABLES[options.kind];
  const validate = createRowValidator(options.kind, options.mapping, {
    shopTimeZone: options.shopTimeZone,
    decimalSeparator: options.delimiter === ';' ? ',' : 'auto',
  });
  await client.query(createStageSql(spec));
  let rows = 0;
  let rejected = 0;
  const columns = ['row_number', 'ok', 'raw', 'errors', ...spec.columns.map((c) => c.column)];
  const empty = spec.columns.map(() => null);
  const rejectedLine = (item: ReadItem, errors: readonly RowError[]) => {
    rejected++;
    return copyLine([item.rowNumber, false, storable(item.rawText), errorsJson(errors), ...empty]);
  };

  /** Each batch of records becomes one chunk of COPY text for the staging table. */
  async function* staged(): AsyncGenerator<string> {
    for await (const batch of batches) {
      const lines: string[] = [];
      for (const item of batch) {
        rows++;
        if (isUnreadable(item)) {
          lines.push(
            rejectedLine(item, [
              {
                field: '(row)',
                value: item.rawText.slice(0, 200),
                message: item.message,
                code: item.code,
                params: item.params,
              },
            ]),
          );
          continue;
        }
        const result = validate(item.raw);
        if (!result.ok) {
          lines.push(rejectedLine(item, result.errors));
          continue;
        }
        const record = result.record;
        if (result.notes) options.notes?.add(item.rowNumber, result.notes);
        lines.push(
          copyLine([
            item.rowNumber,
            true,
            null,
            null,
            ...spec.columns.map((c) => record[c.field] as CopyValue),
          ]),
        );
      }
      options.onProgress?.({ rows, rejected });
      yield lines.join('\n') + '\n';
    }
  }
  await copyText(client, STAGE_TABLE, columns, staged());
  options.onProgress?.({ rows, rejected });
  return { rows, rejected };
}
