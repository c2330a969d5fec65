import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import {
  UI_LANGUAGES,
  type BatchReport,
  type IngestMapping,
  type RowError,
} from '@returnlens/shared/contracts';
import { translationProblems } from '@returnlens/shared/i18n';
import {
  createRowValidator,
  parseCountry,
  parseCurrency,
  parseInteger,
  parseTimestamp,
} from '@returnlens/shared/ingest';
import { BatchNotes } from '../batch-notes';
import { readCsv } from '../readers/csv-reader';
import { readNdjson } from '../readers/json-reader';
import type { ReadItem } from '../readers/source-record';
import { INGEST_MESSAGES } from './en';
import { INGEST_CATALOG, ingestMessage, localizeBatchReport } from './ingest-messages';

const translated = UI_LANGUAGES.filter((l) => l !== 'en');
const read = (lang: string): object => require(`./${lang}.json`);

/** The English the catalog writes for a coded problem: must be the stored message, word for word. */
function english(problem: { code?: string; params?: RowError['params'] }): string {
  expect(problem.code).toBeDefined();
  expect(INGEST_CATALOG.has(problem.code as string)).toBe(true);
  return INGEST_CATALOG.format('en', problem.code as string, problem.params ?? {});
}

const NOW = new Date('2026-03-20T12:00:00Z');

function errorsOf(
  kind: Parameters<typeof createRowValidator>[0],
  mapping: IngestMapping,
  row: Record<string, unknown>,
): RowError[] {
  const result = createRowValidator(kind, mapping, { shopTimeZone: 'UTC', now: NOW })(row);
  if (result.ok) throw new Error(`row ${JSON.stringify(row)} was accepted`);
  return result.errors;
}

async function itemsOf(source: Promise<{ batches: AsyncIterable<readonly ReadItem[]> }>) {
  const items: ReadItem[] = [];
  for await (const batch of (await source).batches) items.push(...batch);
  return items;
}

describe('the ingest messages', () => {
  it.each(translated)('%s: every key, parsed, same placeholders, translated', (lang) => {
    expect(translationProblems(lang, INGEST_MESSAGES, read(lang))).toEqual([]);
  });

  it.each(['ru', 'pl', 'uk'] as const)('%s: plural forms for 1, 2, 5 and 22', (lang) => {
    for (const key of ['row.otherErrors', 'note.keyedByLine', 'note.ratingsConverted']) {
      const forms = [1, 2, 5, 22].map((count) =>
        INGEST_CATALOG.format(lang, key, { count }).replace(/\d+/g, '#'),
      );
      // One, few and many differ; 22 is written like 2.
      expect(new Set(forms.slice(0, 3)).size).toBe(3);
      expect(forms[3]).toBe(forms[1]);
    }
  });

  it('writes Polish, Russian and Hebrew a reader expects', () => {
    expect(INGEST_CATALOG.format('pl', 'row.notAWholeNumber', { value: 'dwa' })).toBe(
      '"dwa" nie jest liczbą całkowitą',
    );
    expect(INGEST_CATALOG.format('pl', 'row.otherErrors', { count: 5 })).toBe(
      '5 innych błędów (każdy z własnym polem i komunikatem)',
    );
    expect(INGEST_CATALOG.format('ru', 'row.tooLong', { length: 1203, max: 1000 })).toBe(
      'длина — 1203 символа; допускается не более 1000',
    );
    expect(INGEST_CATALOG.format('he', 'row.notANumber', { value: 'abc' })).toBe('"abc" אינו מספר');
  });
});

describe('codes of rejected rows: their English is the stored message, word for word', () => {
  const claims: IngestMapping = {
    columns: {
      external_id: 'id',
      type: 'kind',
      channel: 'via',
      opened_at: 'opened',
      resolved_at: 'closed',
      refund_amount: 'refund',
      quantity: 'qty',
      reason_text: 'text',
    },
  };

  it('for every error of a claims row', () => {
    const errors = [
      ...errorsOf('claims', claims, {
        id: '',
        kind: 'swap meet',
        via: 'email',
        opened: '2027-05-01',
        refund: '-5',
        qty: '0',
      }),
      ...errorsOf('claims', claims, {
        id: 'C-1',
        kind: 'return',
        via: 'email',
        opened: '2026-03-14 10:00',
        closed: '2026-03-13 09:00',
        refund: '10',
      }),
      ...errorsOf('claims', claims, {
        id: { nested: true },
        kind: 'return',
        via: 'email',
        opened: '1989-12-31',
        qty: '2.5',
        text: 'Zepsu\uFFFD',
        refund: 'ten',
      }),
      ...errorsOf('claims', claims, {
        id: ['a'],
        kind: 'return',
        via: 'email',
        opened: '2026-03-14T10:00:00+25:00',
        qty: '12345678901234567890',
      }),
      ...errorsOf(
        'claims',
        { ...claims, dateFormat: 'dd.mm.yyyy' },
        {
          id: 'C-2',
          kind: 'return',
          via: 'email',
          opened: '31.02.2026',
        },
      ),
    ];
    expect(new Set(errors.map((e) => e.code))).toEqual(
      new Set([
        'row.requiredEmpty',
        'row.notKnown',
        'row.atLeast',
        'row.future',
        'row.negative',
        'row.currencyForAmount',
        'row.beforeOther',
        'row.notSingleValue',
        'row.before1990',
        'row.notAWholeNumber',
        'row.notUtf8',
        'row.notANumber',
        'row.offsetUnused',
        'row.tooLarge',
        'row.notARealDate',
      ]),
    );
    for (const error of errors) expect(english(error)).toBe(error.message);
  });

  it('for sales, feedback and products rows', () => {
    const errors = [
      ...errorsOf(
        'sales',
        { columns: { order_id: 'o', sku: 's', ordered_at: 'd', unit_price: 'p', quantity: 'q' } },
        { o: 'O-1', s: 'A', d: '2026-01-05', p: '12.50', q: '1' },
      ),
      ...errorsOf(
        'feedback',
        { columns: { external_id: 'id', created_at: 'd', rating: 'r', sku: 's' } },
        { id: 'R1', d: '2026-01-05', r: '6', s: 'A' },
      ),
      ...errorsOf(
        'feedback',
        { columns: { external_id: 'id', created_at: 'd', rating: 'r', sku: 's' } },
        { id: 'R2', d: '2026-01-05' },
      ),
      ...errorsOf(
        'feedback',
        {
          columns: { external_id: 'id', created_at: 'd', rating: 'r', sku: 's' },
          ratingScale: { min: 0, max: 10 },
        },
        { id: 'R3', d: '2026-01-05', r: '11', s: 'A' },
      ),
      ...errorsOf('products', { columns: { sku: 's', name: 'n' } }, { s: 'A\u0000B', n: 'x' }),
      ...errorsOf('claims', { columns: { type: 'kind' } }, { kind: 'return' }),
    ];
    for (const code of [
      'row.currencyForPrice',
      'row.ratingAtMost',
      'row.feedbackSubject',
      'row.feedbackEmpty',
      'row.outsideRatingScale',
      'row.nul',
      'row.requiredUnmapped',
    ])
      expect(errors.map((e) => e.code)).toContain(code);
    for (const error of errors) expect(english(error)).toBe(error.message);
  });

  it('for the value parsers’ other problems', () => {
    const problems = [
      parseTimestamp('12:00', { format: 'unix', timeZone: 'UTC' }),
      parseTimestamp('3/14/2026 13:00 PM', { format: 'auto', timeZone: 'UTC' }),
      parseTimestamp('2026-03-14', { format: 'dd/mm/yyyy', timeZone: 'UTC' }),
      parseTimestamp('yesterday', { format: 'auto', timeZone: 'UTC' }),
      parseInteger('99999999999999999999'),
      parseCurrency('euro'),
      parseCountry('DEU'),
    ];
    expect(problems.map((p) => (p.ok ? null : p.code))).toEqual([
      'row.notUnixTime',
      'row.hourMeridiem',
      'row.notADateInFormat',
      'row.notADate',
      'row.tooLarge',
      'row.notACurrency',
      'row.notACountry',
    ]);
    for (const problem of problems) if (!problem.ok) expect(english(problem)).toBe(problem.message);
  });

  it('for rows the readers could not read', async () => {
    const csv = await itemsOf(
      readCsv(Readable.from([Buffer.from('id;text\n1;a;b\nid;text\n')]), { delimiter: ';' }),
    );
    const tabbed = await itemsOf(
      readCsv(Readable.from([Buffer.from('id\ttext\n1\ta\tb\n')]), { delimiter: '\t' }),
    );
    const mixed = await itemsOf(
      readCsv(
        Readable.from([
          Buffer.concat([
            iconv.encode('id;text;note\n1;Paczka była zgnieciona;x\n2;', 'windows-1250'),
            iconv.encode('Zepsuł się', 'windows-1250'),
            Buffer.from(';Głośnik\n', 'utf8'),
          ]),
        ]),
        { encoding: 'windows-1250' },
      ),
    );
    const ndjson = await itemsOf(readNdjson(Readable.from([Buffer.from('{"id":\n[1]\n')])));
    const unreadable = [...csv, ...tabbed, ...mixed, ...ndjson].filter(
      (item): item is Extract<ReadItem, { message: string }> => 'message' in item,
    );
    expect(unreadable.map((item) => item.code)).toEqual([
      'row.tooManyValues',
      'row.repeatedHeader',
      'row.tooManyValues',
      'row.mixedEncodings',
      'row.notJson',
      'row.notJsonObject',
    ]);
    for (const item of unreadable) expect(english(item)).toBe(item.message);
  });

  it('for what the database writes (duplicates, the summary’s last line)', () => {
    // As ingest.tables formats them in SQL.
    expect(INGEST_CATALOG.format('en', 'row.duplicate', { row: 7 })).toBe(
      'appears again in row 7 of this file; that later row was stored',
    );
    expect(INGEST_CATALOG.format('en', 'row.otherErrors', { count: 3 })).toBe(
      '3 other errors (each with its own field and message)',
    );
  });
});

describe('codes of batch notes: their English is the warning, word for word', () => {
  it('for every note of BatchNotes', () => {
    const notes = new BatchNotes();
    notes.add(1, [{ kind: 'derived_key', by: 'sku' }, { kind: 'negative_quantity' }]);
    notes.add(2, [{ kind: 'derived_key', by: 'line' }, { kind: 'derived_name' }]);
    notes.add(3, [{ kind: 'uncategorised' }, { kind: 'rating_converted' }]);
    for (let row = 4; row < 30; row++)
      notes.add(row, [{ kind: 'cut', field: 'reason_text', length: 21_928 }]);
    notes.repeatedSkuLines = 1;
    const coded = notes.notes(20_000);
    expect(new Set(coded.map((note) => note.code.code)).size).toBe(8);
    for (const note of coded) expect(english(note.code)).toBe(note.message);
    const plain = new BatchNotes();
    plain.add(1, [{ kind: 'derived_key', by: 'sku' }]);
    const [sku] = plain.notes(20_000);
    expect(english(sku.code)).toBe(sku.message);
    expect(sku.code.code).toBe('note.keyedBySku');
  });

  it('for the sellers a sales batch added', () => {
    const format = (count: number, sellers: string, more: number) =>
      INGEST_CATALOG.format('en', 'note.sellersAdded', { count, sellers, more });
    expect(format(1, '"S-1"', 0)).toBe(
      '1 seller was not in the supplier list and was added, named by its id (a supplier file gives its name): "S-1".',
    );
    expect(format(1234, '"S-1", "S-2"', 1226)).toBe(
      '1,234 sellers were not in the supplier list and were added, named by their id (a supplier file gives their names): "S-1", "S-2" and 1226 more.',
    );
  });
});

describe('the notes on the shop’s own values (own-taxonomy writes them)', () => {
  it('has the English of ownValueWarnings, word for word', () => {
    expect(
      INGEST_CATALOG.format('en', 'note.ownReasons', {
        count: 1,
        values: '"zu klein" (3)',
        more: 0,
        newCount: 0,
        placed: 0,
        undecided: 0,
      }),
    ).toBe('1 reason value is the shop\'s own, stored under its own name: "zu klein" (3).');
    expect(
      INGEST_CATALOG.format('en', 'note.ownReasons', {
        count: 1203,
        values: '"a" (1,000), "b" (2)',
        more: 1195,
        newCount: 3,
        placed: 2,
        undecided: 1,
      }),
    ).toBe(
      '1,203 reason values are the shop\'s own, stored under their own names: "a" (1,000), "b" (2) and 1195 more. New: 2 placed in a category by their words, 1 in "Other" until decided in Settings → Taxonomy.',
    );
    expect(
      INGEST_CATALOG.format('en', 'note.ownChannels', {
        count: 2,
        values: '"Allegro" (5), "OLX" (1)',
        more: 0,
        newCount: 2,
      }),
    ).toBe(
      '2 channels are the shop\'s own, stored under their own names: "Allegro" (5), "OLX" (1). New: 2; Settings → Taxonomy says which built-in channel each belongs with.',
    );
    expect(
      INGEST_CATALOG.format('pl', 'note.ownChannels', {
        count: 5,
        values: '"Allegro" (5)',
        more: 0,
        newCount: 0,
      }),
    ).toBe('5 kanałów to własne kanały sklepu, przechowywane pod własnymi nazwami: "Allegro" (5).');
  });
});

describe('a batch report in the reader’s language', () => {
  const report: BatchReport = {
    id: '7',
    kind: 'claims',
    format: 'csv',
    status: 'committed',
    sourceName: null,
    checksum: null,
    received: 3,
    inserted: 1,
    updated: 0,
    unchanged: 0,
    rejected: 2,
    unlinked: 0,
    startedAt: '2026-03-20T12:00:00.000Z',
    finishedAt: '2026-03-20T12:00:01.000Z',
    error: null,
    warnings: ['No line id column: 2 lines are keyed by their order and SKU.', 'Column "x" …'],
    warningCodes: [{ code: 'note.keyedBySku', params: { count: 2 } }, null],
    rejectedSample: [
      {
        rowNumber: 2,
        errors: [
          {
            field: 'quantity',
            value: 'two',
            message: '"two" is not a whole number',
            code: 'row.notAWholeNumber',
            params: { value: 'two' },
          },
          // Stored before codes existed: kept as written.
          { field: 'type', value: 'x', message: 'an old message' },
        ],
      },
    ],
    rejectedSummary: [
      {
        field: '(other)',
        message: '5 other errors (each with its own field and message)',
        code: 'row.otherErrors',
        params: { count: 5 },
        rows: 9,
        firstRows: [40],
      },
    ],
  };

  it('writes coded problems and notes in Polish and keeps the others as stored', () => {
    const pl = localizeBatchReport(report, 'pl');
    expect(pl.rejectedSample[0].errors.map((e) => e.message)).toEqual([
      '"two" nie jest liczbą całkowitą',
      'an old message',
    ]);
    expect(pl.rejectedSample[0].errors[0]).toMatchObject({ code: 'row.notAWholeNumber' });
    expect(pl.rejectedSummary?.[0].message).toBe(
      '5 innych błędów (każdy z własnym polem i komunikatem)',
    );
    expect(pl.warnings).toEqual([
      'Brak kolumny z identyfikatorem pozycji: 2 pozycje mają klucz z zamówienia i SKU.',
      'Column "x" …',
    ]);
  });

  it('answers English requests with the stored words', () => {
    expect(localizeBatchReport(report, 'en')).toBe(report);
  });

  it('keeps the stored words when an old row lacks a value its message needs', () => {
    expect(ingestMessage('de', 'row.notAWholeNumber', {}, 'as stored')).toBe('as stored');
    expect(ingestMessage('de', 'row.noSuchCode', {}, 'as stored')).toBe('as stored');
    expect(ingestMessage('de', undefined, undefined, 'as stored')).toBe('as stored');
  });
});
