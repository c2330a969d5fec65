import { DATE_FORMATS, type IngestKind, type IngestMapping } from '@returnlens/shared/contracts';
import { fieldsOf } from '@returnlens/shared/ingest';
import {
  valueMapErrors,
  valueMapRows,
  valuesOf,
  type ValueMapRow,
} from '@returnlens/web/shared/data-access';
import { english, type Translate } from './i18n/translate';
import type { FieldErrors } from './settings-forms';

/** A mapping preset as edited: columns, one value per field, value maps, date and zone. */
export interface PresetForm {
  readonly columns: readonly { readonly field: string; readonly column: string }[];
  readonly defaults: readonly { readonly field: string; readonly value: string }[];
  readonly values: readonly ValueMapRow[];
  readonly dateFormat: string;
  readonly timeZone: string;
}

export { DATE_FORMATS };

/** The built-in values of a kind's field (null: free text). */
export function optionsOf(kind: IngestKind, field: string): readonly string[] | null {
  return fieldsOf(kind).find((f) => f.name === field)?.enumValues ?? null;
}

/** The fields of a kind whose values a value map translates (its enums). */
export function enumFieldsOf(kind: IngestKind): string[] {
  return fieldsOf(kind)
    .filter((f) => f.enumValues)
    .map((f) => f.name);
}

export function presetFormOf(mapping: IngestMapping): PresetForm {
  return {
    columns: Object.entries(mapping.columns ?? {}).map(([field, column]) => ({ field, column })),
    defaults: Object.entries(mapping.defaults ?? {}).map(([field, value]) => ({ field, value })),
    values: valueMapRows(mapping.values),
    dateFormat: mapping.dateFormat ?? 'auto',
    timeZone: mapping.timeZone ?? '',
  };
}

/**
 * Problems by `columns.<i>`, `defaults.<i>`, `values.<i>`: a column or value left empty, a
 * field given twice, a value map row that is not finished or maps a value twice, a value the
 * field does not know.
 */
export function presetErrors(
  kind: IngestKind,
  form: PresetForm,
  t: Translate = english,
): FieldErrors {
  const errors: Record<string, string> = {};
  const known = new Set(fieldsOf(kind).map((f) => f.name));
  const seen = new Set<string>();
  form.columns.forEach((c, i) => {
    if (!known.has(c.field))
      errors[`columns.${i}`] = t('settings.presets.errors.noField', {
        kind: t(`settings.presets.kinds.${kind}`),
        field: c.field,
      });
    else if (seen.has(c.field))
      errors[`columns.${i}`] = t('settings.presets.errors.twoColumns', { field: c.field });
    else if (!c.column.trim())
      errors[`columns.${i}`] = t('settings.presets.errors.columnMissing', { field: c.field });
    seen.add(c.field);
  });
  const defaulted = new Set<string>();
  form.defaults.forEach((d, i) => {
    const options = optionsOf(kind, d.field);
    if (!known.has(d.field)) errors[`defaults.${i}`] = t('settings.presets.errors.chooseField');
    else if (defaulted.has(d.field))
      errors[`defaults.${i}`] = t('settings.presets.errors.twoValues', { field: d.field });
    else if (!d.value.trim())
      errors[`defaults.${i}`] = t('settings.presets.errors.valueMissing', { field: d.field });
    else if (options && !options.includes(d.value))
      errors[`defaults.${i}`] = t('settings.presets.errors.oneOf', {
        field: d.field,
        options: options.join(', '),
      });
    defaulted.add(d.field);
  });
  for (const [i, message] of Object.entries(valueMapErrors(form.values, (f) => optionsOf(kind, f))))
    errors[`values.${i}`] = message;
  return errors;
}

/** The mapping to store: the edited parts, and whatever else the preset had (kept as it was). */
export function presetMappingOf(form: PresetForm, original: IngestMapping): IngestMapping {
  const rest: Record<string, unknown> = { ...original };
  for (const key of ['values', 'defaults', 'dateFormat', 'timeZone']) delete rest[key];
  const values = valuesOf(form.values);
  const defaults = Object.fromEntries(
    form.defaults.filter((d) => d.value.trim()).map((d) => [d.field, d.value.trim()]),
  );
  return {
    ...rest,
    columns: Object.fromEntries(
      form.columns.filter((c) => c.column.trim()).map((c) => [c.field, c.column.trim()]),
    ),
    ...(Object.keys(values).length ? { values } : {}),
    ...(Object.keys(defaults).length ? { defaults } : {}),
    ...(form.dateFormat !== 'auto'
      ? { dateFormat: form.dateFormat as IngestMapping['dateFormat'] }
      : {}),
    ...(form.timeZone.trim() ? { timeZone: form.timeZone.trim() } : {}),
  };
}

/** "5 columns · 2 value maps · 1 value for every row" — a preset in a line. */
export function presetSummary(mapping: IngestMapping, t: Translate = english): string {
  const parts = [
    t('settings.presets.summary', {
      columns: Object.keys(mapping.columns ?? {}).length,
      values: valueMapRows(mapping.values).length,
      defaults: Object.keys(mapping.defaults ?? {}).length,
    }),
  ];
  if (mapping.dateFormat && mapping.dateFormat !== 'auto')
    parts.push(t('settings.presets.summaryDates', { format: mapping.dateFormat }));
  if (mapping.timeZone) parts.push(mapping.timeZone);
  return parts.join(' · ');
}
