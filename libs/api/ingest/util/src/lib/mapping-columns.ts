import type { IngestKind, IngestMapping } from '@returnlens/shared/contracts';
import { fieldsOf } from '@returnlens/shared/ingest';
import { MappingColumnsError } from './ingest.errors';

/**
 * A required field's column must be in the header: otherwise every row would be rejected
 * for the same reason. (An optional field's column may be absent: one mapping or preset
 * serves exports with and without it.) A field with a default may lack its column.
 */
export function assertMappedColumnsExist(
  kind: IngestKind,
  mapping: IngestMapping,
  headers: readonly string[],
): void {
  const present = new Set(headers);
  const absent = fieldsOf(kind)
    .filter((field) => field.required && mapping.defaults?.[field.name] === undefined)
    .map((field) => [field.name, mapping.columns[field.name]] as const)
    .filter(([, column]) => column !== undefined && !present.has(column));
  if (absent.length === 0) return;
  const shown = headers.slice(0, 30).map((h) => `"${h}"`);
  if (headers.length > 30) shown.push(`… (${headers.length} in all)`);
  throw new MappingColumnsError(
    `The mapping names ${absent.length === 1 ? 'a column' : 'columns'} the file does not have: ` +
      absent.map(([field, column]) => `"${column}" (for ${field}, which is required)`).join(', ') +
      `. The file's columns are ${shown.join(', ')}. Fix the mapping, or give a default for that field.`,
  );
}
