import { presetErrors, presetFormOf, presetMappingOf, presetSummary } from './preset-form';

const MAPPING = {
  columns: { external_id: 'Complaint ID', channel: 'Submitted via', opened_at: 'Date received' },
  values: { channel: { Referral: 'web_form', 'Postal mail': 'email' } },
  defaults: { type: 'complaint' },
  decimalSeparator: ',' as const,
};

describe('mapping preset form', () => {
  it('edits a preset and keeps what the form does not show', () => {
    const form = presetFormOf(MAPPING);
    expect(form.columns).toHaveLength(3);
    expect(form.values).toEqual([
      { field: 'channel', source: 'Referral', target: 'web_form' },
      { field: 'channel', source: 'Postal mail', target: 'email' },
    ]);
    expect(presetMappingOf(form, MAPPING)).toEqual(MAPPING);
    const edited = {
      ...form,
      values: [...form.values, { field: 'channel', source: 'Fax', target: 'phone' }],
      defaults: [],
      dateFormat: 'dd.mm.yyyy',
      timeZone: 'Europe/Warsaw',
    };
    expect(presetMappingOf(edited, MAPPING)).toEqual({
      columns: MAPPING.columns,
      values: { channel: { ...MAPPING.values.channel, Fax: 'phone' } },
      decimalSeparator: ',',
      dateFormat: 'dd.mm.yyyy',
      timeZone: 'Europe/Warsaw',
    });
  });

  it('says what stops a save, by row', () => {
    const form = presetFormOf(MAPPING);
    expect(presetErrors('claims', form)).toEqual({});
    expect(
      presetErrors('claims', {
        ...form,
        columns: [
          ...form.columns,
          { field: 'channel', column: 'Via' },
          { field: 'colour', column: 'x' },
        ],
        defaults: [
          { field: 'type', value: 'teleport' },
          { field: 'assignee', value: ' ' },
        ],
        values: [...form.values, { field: 'channel', source: 'Referral', target: 'phone' }],
      }),
    ).toEqual({
      'columns.3': 'channel has two columns.',
      'columns.4': 'claims have no field colour.',
      'defaults.0': expect.stringMatching(/^type is one of return, /),
      'defaults.1': 'Enter the value for assignee, or remove it.',
      'values.2': '“Referral” is mapped twice for channel.',
    });
  });

  it('says a preset in a line', () => {
    expect(presetSummary(MAPPING)).toBe('3 columns · 2 values mapped · 1 value for every row');
    expect(presetSummary({ columns: { sku: 'SKU' }, dateFormat: 'iso', timeZone: 'UTC' })).toBe(
      '1 column · 0 values mapped · 0 values for every row · dates iso · UTC',
    );
  });
});
