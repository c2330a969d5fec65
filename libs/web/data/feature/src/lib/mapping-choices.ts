import type {
  DateFormat,
  IngestKind,
  IngestMapping,
  MappingSuggestion,
} from '@returnlens/shared/contracts';
import { fieldsOf } from '@returnlens/shared/ingest';
import { valueMapRows, valuesOf, type ValueMapRow } from '@returnlens/web/shared/data-access';

/** One field of the kind as the user maps it: a column of the file, or one value for every row. */
export interface FieldChoice {
  readonly field: string;
  readonly required: boolean;
  readonly column: string;
  readonly confidence: number | null;
  /** Used when the file has no column for the field (e.g. every claim came by email). */
  readonly fallback: string;
  readonly options: readonly string[] | null;
  /** Sampled values of the suggested column that the field does not know (an enum's). */
  readonly unknown: readonly string[];
  /** Values it does not know are kept as the shop's own (reason codes, channels). */
  readonly open: boolean;
}

/** The kind's fields with the suggestion's columns. */
export function choicesOf(kind: IngestKind, suggestion: MappingSuggestion): FieldChoice[] {
  return fieldsOf(kind).map((spec) => {
    const match = suggestion.matches.find((m) => m.field === spec.name);
    return {
      field: spec.name,
      // A derived field (a claim's id from order + SKU) is not missing when the suggestion
      // can derive it.
      required:
        !!spec.required && (!spec.derivable || suggestion.missingRequired.includes(spec.name)),
      column: match?.column ?? '',
      confidence: match?.confidence ?? null,
      fallback: suggestion.mapping.defaults?.[spec.name] ?? '',
      options: spec.enumValues ?? null,
      unknown: match?.unknownValues ?? [],
      open: !!spec.openValues,
    };
  });
}

/**
 * The values to say the meaning of, for each enum field with a column: the suggestion's value
 * maps, then each value the field does not know (target empty: read as the file writes it).
 */
export function valueMapsOf(
  suggestion: MappingSuggestion,
  choices: readonly FieldChoice[],
): ValueMapRow[] {
  const rows = valueMapRows(suggestion.mapping.values);
  for (const choice of choices) {
    if (!choice.options || !choice.column) continue;
    for (const source of choice.unknown)
      if (!rows.some((r) => r.field === choice.field && r.source === source))
        rows.push({ field: choice.field, source, target: '' });
  }
  return rows;
}

/**
 * After a field's column changed: its unfinished rows go, and the new column's first values
 * the field does not know (as written, any case) come in, to be given a meaning.
 */
export function valueMapsForColumn(
  rows: readonly ValueMapRow[],
  choice: FieldChoice,
  samples: readonly string[],
): ValueMapRow[] {
  const kept = rows.filter((r) => r.field !== choice.field || r.target);
  if (!choice.options || !choice.column) return kept;
  const known = new Set(choice.options.map((o) => o.toLowerCase()));
  for (const source of samples)
    if (
      source.trim() &&
      !known.has(source.trim().toLowerCase()) &&
      !kept.some((r) => r.field === choice.field && r.source === source)
    )
      kept.push({ field: choice.field, source, target: '' });
  return kept;
}

/** The mapping the user built: columns, values for every row, value maps, dates and zone. */
export function mappingOf(
  choices: readonly FieldChoice[],
  rows: readonly ValueMapRow[],
  dateFormat: DateFormat,
  timeZone: string,
): IngestMapping {
  const columns = Object.fromEntries(
    choices.filter((c) => c.column).map((c) => [c.field, c.column]),
  );
  const defaults = Object.fromEntries(
    choices.filter((c) => !c.column && c.fallback).map((c) => [c.field, c.fallback]),
  );
  const mapped = new Set(choices.filter((c) => c.column).map((c) => c.field));
  const values = valuesOf(rows.filter((r) => mapped.has(r.field)));
  return {
    columns,
    ...(Object.keys(values).length ? { values } : {}),
    ...(Object.keys(defaults).length ? { defaults } : {}),
    ...(dateFormat !== 'auto' ? { dateFormat } : {}),
    ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
  };
}

/**
 * The choices and value maps of a saved preset, over the file's suggestion: the preset's
 * columns (when it names any; a partial preset keeps the suggested ones), its values for
 * every row and its value maps; the columns' unknown values still listed to be given a meaning.
 */
export function applyPreset(
  choices: readonly FieldChoice[],
  mapping: IngestMapping,
): { choices: FieldChoice[]; valueMaps: ValueMapRow[] } {
  const named = Object.keys(mapping.columns ?? {}).length > 0;
  const applied = choices.map((c) => {
    const column = named ? (mapping.columns[c.field] ?? '') : c.column;
    return {
      ...c,
      column,
      confidence: column === c.column ? c.confidence : null,
      unknown: column === c.column ? c.unknown : [],
      fallback: mapping.defaults?.[c.field] ?? (named ? '' : c.fallback),
    };
  });
  const valueMaps = valueMapRows(mapping.values);
  for (const choice of applied) {
    if (!choice.options || !choice.column) continue;
    for (const source of choice.unknown)
      if (!valueMaps.some((r) => r.field === choice.field && r.source === source))
        valueMaps.push({ field: choice.field, source, target: '' });
  }
  return { choices: applied, valueMaps };
}
