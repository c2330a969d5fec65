import { presetNameError, valueMapErrors, valueMapRows, valuesOf } from './mapping-edit';

describe('value maps as rows', () => {
  it('turns a mapping’s value maps into rows and back, leaving out unfinished rows', () => {
    const values = {
      channel: { Referral: 'web_form', 'Postal mail': 'email' },
      type: { R: 'return' },
    };
    const rows = valueMapRows(values);
    expect(rows).toEqual([
      { field: 'channel', source: 'Referral', target: 'web_form' },
      { field: 'channel', source: 'Postal mail', target: 'email' },
      { field: 'type', source: 'R', target: 'return' },
    ]);
    expect(valuesOf(rows)).toEqual(values);
    expect(
      valuesOf([
        ...rows,
        { field: 'status', source: ' ', target: 'open' },
        { field: 'status', source: 'Neu', target: '' },
      ]),
    ).toEqual(values);
    expect(valueMapRows(undefined)).toEqual([]);
  });

  it('trims the source value as the file writes it', () => {
    expect(valuesOf([{ field: 'channel', source: ' Fax ', target: 'phone' }])).toEqual({
      channel: { Fax: 'phone' },
    });
  });

  it('says what is wrong with each row', () => {
    const options = (field: string) => (field === 'channel' ? ['email', 'phone'] : null);
    expect(
      valueMapErrors(
        [
          { field: 'channel', source: 'Fax', target: 'phone' },
          { field: 'channel', source: 'Fax ', target: 'email' },
          { field: 'channel', source: '', target: 'email' },
          { field: 'channel', source: 'Postal mail', target: '' },
          { field: 'channel', source: 'Pigeon', target: 'owl' },
          { field: 'type', source: 'Fax', target: 'return' },
        ],
        options,
      ),
    ).toEqual({
      1: '“Fax” is mapped twice for channel.',
      2: 'Enter the value as the file writes it.',
      3: 'Choose what “Postal mail” means.',
      4: 'channel is one of email, phone.',
    });
  });

  it('lets a row without a target keep the value as read, where asked', () => {
    const rows = [
      { field: 'channel', source: 'Referral', target: '' },
      { field: 'channel', source: 'Referral', target: 'email' },
    ];
    expect(valueMapErrors(rows, () => null, { asRead: true })).toEqual({
      1: '“Referral” is mapped twice for channel.',
    });
  });

  it('checks a preset name by the API’s rule', () => {
    expect(presetNameError('complaint portal v2')).toBeNull();
    expect(presetNameError('  ')).toMatch(/^Name the preset/);
    expect(presetNameError('a/b')).toMatch(/^A preset name has 1–100/);
    expect(presetNameError('x'.repeat(101))).toMatch(/^A preset name has/);
  });
});
