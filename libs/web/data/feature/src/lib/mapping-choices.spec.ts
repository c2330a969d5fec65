import type { MappingSuggestion } from '@returnlens/shared/contracts';
import {
  applyPreset,
  choicesOf,
  mappingOf,
  valueMapsForColumn,
  valueMapsOf,
  type FieldChoice,
} from './mapping-choices';

const SUGGESTION: MappingSuggestion = {
  kind: 'claims',
  mapping: {
    columns: { external_id: 'Complaint ID', channel: 'Submitted via', opened_at: 'Date received' },
    values: { channel: { Web: 'web_form' } },
  },
  matches: [
    { field: 'external_id', column: 'Complaint ID', confidence: 1 },
    {
      field: 'channel',
      column: 'Submitted via',
      confidence: 0.6,
      unknownValues: ['Referral', 'Postal mail'],
    },
    { field: 'opened_at', column: 'Date received', confidence: 0.95 },
  ],
  missingRequired: ['type', 'channel'],
  unusedColumns: ['Company', 'Issue'],
  confident: false,
};

describe('mapping choices', () => {
  const choices = choicesOf('claims', SUGGESTION);
  const channel = choices.find((c) => c.field === 'channel') as FieldChoice;

  it('takes each field’s column and what it does not know from the suggestion', () => {
    expect(channel).toMatchObject({
      column: 'Submitted via',
      confidence: 0.6,
      required: true,
      unknown: ['Referral', 'Postal mail'],
      open: true,
    });
    expect(choices.find((c) => c.field === 'type')?.open).toBe(false);
    expect(channel.options).toContain('email');
    expect(choices.find((c) => c.field === 'type')).toMatchObject({ column: '', required: true });
  });

  it('offers the suggestion’s value maps and each unknown value, to be given a meaning', () => {
    expect(valueMapsOf(SUGGESTION, choices)).toEqual([
      { field: 'channel', source: 'Web', target: 'web_form' },
      { field: 'channel', source: 'Referral', target: '' },
      { field: 'channel', source: 'Postal mail', target: '' },
    ]);
  });

  it('after a column change, drops the unfinished rows and offers the new column’s unknown values', () => {
    const rows = valueMapsOf(SUGGESTION, choices);
    expect(
      valueMapsForColumn(rows, { ...channel, column: 'Via' }, ['E-mail', 'Fax', 'PHONE', ' ']),
    ).toEqual([
      { field: 'channel', source: 'Web', target: 'web_form' },
      { field: 'channel', source: 'E-mail', target: '' },
      { field: 'channel', source: 'Fax', target: '' },
    ]);
    expect(valueMapsForColumn(rows, { ...channel, column: '' }, ['Fax'])).toEqual([
      { field: 'channel', source: 'Web', target: 'web_form' },
    ]);
  });

  it('builds the mapping: columns, values for every row, finished value maps of mapped fields', () => {
    const edited = choices.map((c) =>
      c.field === 'type'
        ? { ...c, fallback: 'complaint' }
        : c.field === 'assignee'
          ? { ...c, column: 'Company' }
          : c,
    );
    const rows = [
      ...valueMapsOf(SUGGESTION, choices).map((r) =>
        r.source === 'Postal mail' ? { ...r, target: 'email' } : r,
      ),
      { field: 'status', source: 'Closed', target: 'closed' }, // status has no column
    ];
    expect(mappingOf(edited, rows, 'auto', ' ')).toEqual({
      columns: {
        external_id: 'Complaint ID',
        channel: 'Submitted via',
        opened_at: 'Date received',
        assignee: 'Company',
      },
      values: { channel: { Web: 'web_form', 'Postal mail': 'email' } },
      defaults: { type: 'complaint' },
    });
    expect(mappingOf(edited, [], 'dd.mm.yyyy', 'Europe/Warsaw')).toMatchObject({
      dateFormat: 'dd.mm.yyyy',
      timeZone: 'Europe/Warsaw',
    });
  });
});

describe('applyPreset', () => {
  const choice = (
    field: string,
    column: string,
    extra: Partial<FieldChoice> = {},
  ): FieldChoice => ({
    field,
    required: false,
    column,
    confidence: column ? 0.9 : null,
    fallback: '',
    options: null,
    unknown: [],
    open: false,
    ...extra,
  });

  it('takes the preset’s columns, values for every row and value maps over the suggestion', () => {
    const suggested = [
      choice('external_id', 'Complaint ID'),
      choice('channel', 'Submitted via', {
        options: ['email', 'phone'],
        unknown: ['Referral'],
        open: true,
      }),
      choice('assignee', ''),
      choice('type', ''),
    ];
    const { choices, valueMaps } = applyPreset(suggested, {
      columns: { external_id: 'Complaint ID', channel: 'Submitted via', assignee: 'Company' },
      values: { channel: { Referral: 'web_form' } },
      defaults: { type: 'complaint' },
    });
    expect(choices.map((c) => [c.field, c.column, c.fallback, c.confidence])).toEqual([
      ['external_id', 'Complaint ID', '', 0.9],
      ['channel', 'Submitted via', '', 0.9],
      ['assignee', 'Company', '', null],
      ['type', '', 'complaint', null],
    ]);
    expect(valueMaps).toEqual([{ field: 'channel', source: 'Referral', target: 'web_form' }]);
  });

  it('keeps the suggested columns when the preset names none (only defaults)', () => {
    const { choices } = applyPreset([choice('external_id', 'ID'), choice('type', '')], {
      columns: {},
      defaults: { type: 'complaint' },
    });
    expect(choices.map((c) => [c.column, c.fallback])).toEqual([
      ['ID', ''],
      ['', 'complaint'],
    ]);
  });
});
