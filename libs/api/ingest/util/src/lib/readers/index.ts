import type { Readable } from 'node:stream';
import type { IngestFormat } from '@returnlens/shared/contracts';
import { readArrow } from './arrow-reader';
import { readCsv, type CsvOptions } from './csv-reader';
import { InputError } from './input-error';
import { readJsonArray, readNdjson } from './json-reader';
import type { RecordSource } from './source-record';

export * from './input-error';
export * from './source-record';
export { CSV_ENCODINGS, detectDelimiter } from './csv-reader';
export { detectEncoding } from './encoding';

const CONTENT_TYPES: ReadonlyArray<[RegExp, Exclude<IngestFormat, 'generated'>]> = [
  [/^(text\/csv|application\/csv|text\/comma-separated-values|text\/tab-separated-values)$/, 'csv'],
  [/^application\/(x-)?(ndjson|jsonl|json-seq|jsonlines)$/, 'ndjson'],
  [/^application\/json$/, 'json'],
  [/^application\/vnd\.apache\.arrow\.(stream|file)$/, 'arrow'],
];

export const SUPPORTED_CONTENT_TYPES =
  'text/csv, application/json, application/x-ndjson, application/vnd.apache.arrow.stream';

/** The format a Content-Type names, and its charset parameter, if any. */
export function formatOf(contentType: string | undefined): {
  format: Exclude<IngestFormat, 'generated'>;
  charset?: string;
} {
  const [type, ...params] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const match = CONTENT_TYPES.find(([pattern]) => pattern.test(type));
  if (!match) {
    throw new InputError(
      `Content-Type "${contentType ?? ''}" is not supported; send one of ${SUPPORTED_CONTENT_TYPES}.`,
    );
  }
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return { format: match[1], charset };
}

export function openSource(
  format: Exclude<IngestFormat, 'generated'>,
  body: Readable,
  csv: CsvOptions,
): Promise<RecordSource> {
  switch (format) {
    case 'csv':
      return readCsv(body, csv);
    case 'ndjson':
      return readNdjson(body);
    case 'json':
      return readJsonArray(body);
    case 'arrow':
      return readArrow(body);
  }
}
