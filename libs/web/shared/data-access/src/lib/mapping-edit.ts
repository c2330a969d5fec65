import type { IngestMapping } from '@returnlens/shared/contracts';

/** One entry of a value map: `source` as the file writes it, `target` our value for `field`. */
export interface ValueMapRow {
  readonly field: string;
  readonly source: string;
  readonly target: string;
}

/** A mapping's value maps as rows, by field then source value. */
export function valueMapRows(values: IngestMapping['values']): ValueMapRow[] {
  return Object.entries(values ?? {}).flatMap(([field, map]) =>
    Object.entries(map).map(([source, target]) => ({ field, source, target })),
  );
}

/** Rows back to a mapping's `values` (rows without a source or target are left out). */
export function valuesOf(rows: readonly ValueMapRow[]): Record<string, Record<string, string>> {
  const values: Record<string, Record<string, string>> = {};
  for (const row of rows) {
    const source = row.source.trim();
    if (!source || !row.target) continue;
    (values[row.field] ??= {})[source] = row.target;
  }
  return values;
}

/**
 * What is wrong with each value map row, by its index: a source value missing or mapped twice
 * for one field, no target chosen (unless `asRead`: a row without one keeps the value as the
 * file writes it), a target the field does not know.
 */
export function valueMapErrors(
  rows: readonly ValueMapRow[],
  optionsOf: (field: string) => readonly string[] | null = () => null,
  { asRead = false }: { asRead?: boolean } = {},
): Record<number, string> {
  const errors: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const source = row.source.trim();
    const options = optionsOf(row.field);
    if (!source) errors[i] = 'Enter the value as the file writes it.';
    else if (seen.has(`${row.field}\u0000${source}`))
      errors[i] = `“${source}” is mapped twice for ${row.field}.`;
    else if (!row.target && !asRead) errors[i] = `Choose what “${source}” means.`;
    else if (row.target && options && !options.includes(row.target))
      errors[i] = `${row.field} is one of ${options.join(', ')}.`;
    seen.add(`${row.field}\u0000${source}`);
  });
  return errors;
}

/** The same rule as the API's: 1–100 letters, digits, spaces, dots, dashes or underscores. */
export function presetNameError(name: string): string | null {
  if (!name.trim()) return 'Name the preset, e.g. after the system that exports the file.';
  return /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$/.test(name.trim())
    ? null
    : 'A preset name has 1–100 letters, digits, spaces, dots, dashes or underscores.';
}
